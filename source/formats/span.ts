// Offsets of a structured file counted from where its story starts, so a preface or title page is not 30% of it.

import type { StoryMeta, Unit } from "../core/units.js";

/**
 * The units shifted so the first heading or story paragraph is at 0, and the length they span (the
 * story's sourceLength). Notes from the front matter (AO3's work notes) sit at 0.
 */
export function spanned<T extends { units: Unit[]; meta: StoryMeta }>(parsed: T): T & { length: number } {
	const { units } = parsed;
	const story = units.filter((unit) => unit.noteKind === undefined);
	if (units.length === 0) return { ...parsed, length: 0 };
	const from = Math.min(...(story.length > 0 ? story : units).map((unit) => unit.start));
	const to = Math.max(...units.map((unit) => unit.end));
	const shifted = units.map((unit) => ({
		...unit,
		start: Math.max(0, unit.start - from),
		end: Math.max(0, unit.end - from),
	}));
	return { ...parsed, units: shifted, length: to - from };
}
