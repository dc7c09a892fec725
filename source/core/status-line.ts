// The status bar's line fitted to the terminal's width in cells (CJK titles take two a character):
// the parts that matter least go first when it does not fit.

import type { StatusParts } from "./status.js";
import { textWidth } from "./text-width.js";

/**
 * The parts joined with ` · `, in reading order, dropping the least needed first until the line
 * fits `room` cells: the time left, then the title, then the chapter. The page, the percent, the
 * notes hint and the info (`match 3 of 41`) stay.
 */
export function statusText(
	parts: StatusParts,
	room: number,
	extra: { info?: string; notesHint?: string } = {},
): string {
	const shown: Record<string, string | undefined> = {
		info: extra.info,
		title: extra.info ? undefined : parts.title,
		chapter: parts.chapter,
		pages: parts.pages,
		percent: parts.percent,
		timeLeft: extra.info ? undefined : parts.timeLeft,
		notesHint: extra.notesHint,
	};
	const line = () =>
		[shown.info, shown.title, shown.chapter, shown.pages, shown.percent, shown.timeLeft, shown.notesHint]
			.filter(Boolean)
			.join(" · ");
	for (const drop of ["timeLeft", "title", "chapter"] as const) {
		if (textWidth(line()) <= room) break;
		shown[drop] = undefined;
	}
	return line();
}
