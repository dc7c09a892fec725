// Damaged JSON files of the store are renamed aside, never overwritten, and the user is told where they went.

import { existsSync, readFileSync, renameSync } from "node:fs";

/** 20261201T093000123Z: short, so the kept file's name fits in the status bar. */
function timestamp(): string {
	return new Date().toISOString().replace(/[-:.]/g, "");
}

/** A file set aside because it was damaged: a short name for the status bar, the full path for stderr. */
export interface SetAside {
	shown: string;
	path: string;
}

/** What a damaged file held: said in the status bar when it is set aside, and at exit with its full path. */
export const DAMAGED = {
	// config.json holds settings only (the places are in the state folder's own files), so they are safe.
	settings: { said: "Settings damaged (your places are safe)", held: "settings file" },
	place: { said: "Saved place damaged", held: "saved place" },
} as const;

/** A damaged file set aside this run: its full path and what it held. */
export interface KeptAside {
	path: string;
	held: string;
}

/** A JSON file read once: its value, and where it went if it was damaged (empty, not JSON, not an object) and set aside. */
export function readOrSetAside(file: string, shownAs: string): { value: unknown; damaged?: SetAside } {
	if (!existsSync(file)) return { value: undefined };
	let value: unknown;
	try {
		value = JSON.parse(readFileSync(file, "utf8"));
		if (value && typeof value === "object" && !Array.isArray(value)) return { value };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code) return { value: undefined }; // unreadable: leave it for conf to report
	}
	const suffix = `.corrupt-${timestamp()}`;
	renameSync(file, `${file}${suffix}`);
	return { value: undefined, damaged: { shown: `${shownAs}${suffix}`, path: `${file}${suffix}` } };
}

/** A JSON file's value, or undefined when it is missing or unreadable. */
export function readJson(file: string): unknown {
	try {
		return JSON.parse(readFileSync(file, "utf8"));
	} catch {
		return undefined;
	}
}
