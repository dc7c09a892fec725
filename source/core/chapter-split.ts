// Splits units into chapters at headings; a heading that restates the chapter's own does not start one.

import { headingNumber, restatesHeading } from "./heading-parts.js";
import { normalizeForMatch } from "./markers.js";
import type { Unit } from "./units.js";

export interface ChapterDraft {
	heading?: Unit;
	units: Unit[];
}

/** A restated heading comes near the chapter's start (after its head notes), never deep in its text. */
const RESTATE_WITHIN_UNITS = 80;

/** The author's own heading under the site's (`1. Title`, then `Chapter 1: Title`), near the chapter's start. */
function restates(chapter: ChapterDraft, heading: Unit): boolean {
	if (heading.inChapter) return true;
	if (!chapter.heading || chapter.units.length > RESTATE_WITHIN_UNITS) return false;
	return restatesHeading(chapter.heading.text, heading.text);
}

/** `Prologue` after numbered chapters is a word in the story, not the story's opening. */
function isLatePrologue(heading: Unit, chapters: ChapterDraft[]): boolean {
	if (!/^prologue/i.test(normalizeForMatch(heading.text))) return false;
	return chapters.some((chapter) => chapter.heading && headingNumber(chapter.heading.text) !== undefined);
}

export function splitChapters(units: Unit[]): { preamble: Unit[]; chapters: ChapterDraft[] } {
	const preamble: Unit[] = [];
	const chapters: ChapterDraft[] = [];
	for (const unit of units) {
		const current = chapters.at(-1);
		if (unit.kind === "heading" && !(current && restates(current, unit)) && !isLatePrologue(unit, chapters))
			chapters.push({ heading: unit, units: [] });
		else if (!current) preamble.push(unit.kind === "heading" ? { ...unit, kind: "paragraph" } : unit);
		else if (unit.kind === "heading" && !restates(current, unit)) current.units.push({ ...unit, kind: "paragraph" });
		else current.units.push(unit);
	}
	return { preamble, chapters };
}
