// Marks: a letter names a place (source offset + snippet), kept per story in the reading state.

import type { SavedPlace } from "./resume.js";

export type Marks = Record<string, SavedPlace>;

export function isMarkName(key: string): boolean {
	return /^[a-zA-Z]$/.test(key);
}

export function setMark(marks: Marks, name: string, place: SavedPlace): Marks {
	return { ...marks, [name]: { sourceOffset: place.sourceOffset, snippet: place.snippet } };
}

/** The well-formed marks of a stored record (a file edited by hand or an old version may hold anything). */
export function readMarks(value: unknown): Marks {
	const marks: Marks = {};
	if (!value || typeof value !== "object" || Array.isArray(value)) return marks;
	for (const [name, place] of Object.entries(value as Record<string, unknown>)) {
		if (!isMarkName(name) || !place || typeof place !== "object") continue;
		const { sourceOffset, snippet } = place as Record<string, unknown>;
		if (
			typeof sourceOffset === "number" &&
			Number.isFinite(sourceOffset) &&
			sourceOffset >= 0 &&
			typeof snippet === "string"
		)
			marks[name] = { sourceOffset, snippet };
	}
	return marks;
}

/** The names of the marks set, in order (for the status bar when a mark is missing). */
export function markNames(marks: Marks): string {
	return Object.keys(marks).sort().join("");
}
