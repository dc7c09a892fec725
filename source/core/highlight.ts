// Search highlights on a page: which characters of which lines to mark, and a line cut into styled parts.

import type { Line } from "./layout.js";

export interface Range {
	/** Offsets in the block's (or note's) text. */
	from: number;
	to: number;
	current: boolean;
}

export interface Highlight {
	/** Offsets in the line's text. */
	start: number;
	end: number;
	current: boolean;
}

const INDENTS: Partial<Record<Line["role"], number>> = { quote: 2 };

/**
 * The highlights of each line of a page. `rangesOf(block)` gives the matches in a block's text; a
 * match cut by a line wrap is marked on both lines (the space at the wrap is not shown).
 */
export function lineHighlights(lines: Line[], rangesOf: (block: number) => Range[]): Highlight[][] {
	return lines.map((line) => {
		if (line.role === "blank" || line.role === "break") return [];
		const indent = INDENTS[line.role] ?? 0;
		const end = line.start + line.text.length - indent;
		const marks: Highlight[] = [];
		for (const range of rangesOf(line.block)) {
			const from = Math.max(range.from, line.start);
			const to = Math.min(range.to, end);
			if (to > from)
				marks.push({ start: from - line.start + indent, end: to - line.start + indent, current: range.current });
		}
		return marks;
	});
}

/** Highlights of lines cut from notes' texts (the notes panel): `start` is where a line begins in its note. */
export function noteLineHighlights(
	lines: Array<{ text: string; note?: number; start?: number }>,
	rangesOf: (note: number) => Range[],
): Highlight[][] {
	return lines.map((line) => {
		if (line.note === undefined || line.start === undefined) return [];
		const start = line.start;
		return rangesOf(line.note)
			.map((range) => ({
				start: Math.max(range.from, start) - start,
				end: Math.min(range.to, start + line.text.length) - start,
				current: range.current,
			}))
			.filter((mark) => mark.end > mark.start);
	});
}

export interface LinePart {
	text: string;
	italic: boolean;
	match: "none" | "match" | "current";
}

/** A line's text cut where emphasis or a highlight starts or ends. */
export function lineParts(
	text: string,
	emphasis: Array<[number, number]> = [],
	highlights: Highlight[] = [],
): LinePart[] {
	const cuts = new Set([0, text.length]);
	for (const [from, to] of emphasis) cuts.add(from).add(to);
	for (const mark of highlights) cuts.add(mark.start).add(mark.end);
	const points = [...cuts].filter((at) => at >= 0 && at <= text.length).sort((a, b) => a - b);
	const parts: LinePart[] = [];
	for (let index = 0; index + 1 < points.length; index++) {
		const from = points[index] as number;
		const to = points[index + 1] as number;
		const mark = highlights.find((candidate) => candidate.start <= from && candidate.end >= to);
		parts.push({
			text: text.slice(from, to),
			italic: emphasis.some(([a, b]) => a <= from && b >= to),
			match: mark ? (mark.current ? "current" : "match") : "none",
		});
	}
	return parts;
}
