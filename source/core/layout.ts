// Lays one block out at a width (wrapped like wrap-ansi, see fast-wrap.ts), keeping line offsets.

import { countWrappedRows, fastWrap } from "./fast-wrap.js";
import type { Block, Story } from "./story.js";
import { textWidth } from "./text-width.js";

export type LineRole = "text" | "quote" | "heading" | "break" | "blank" | "note";

export interface Line {
	block: number;
	/** Offset in the block's display text where this line starts (text length for the blank line). */
	start: number;
	text: string;
	role: LineRole;
	/** Emphasised ranges within `text`. */
	emphasis?: Array<[number, number]>;
}

const QUOTE_INDENT = 2;
/** An author's note in the text is set off by a bar, so it shows without colours too. */
const NOTE_MARK = "│ ";

/** Columns before a block's text: quotes and notes are indented. */
const indentOf = (block: Block) => (block.quote || block.note ? QUOTE_INDENT : 0);

/** Wrap text to `width` cells; returns each line with its start offset in `text`. */
export function wrapWithOffsets(text: string, width: number): Array<{ text: string; start: number }> {
	return fastWrap(text, Math.max(1, width));
}

function emphasisWithin(block: Block, start: number, length: number): Array<[number, number]> | undefined {
	if (!block.emphasis) return undefined;
	const ranges: Array<[number, number]> = [];
	for (const [from, to] of block.emphasis) {
		const a = Math.max(from, start) - start;
		const b = Math.min(to, start + length) - start;
		if (b > a) ranges.push([a, b]);
	}
	return ranges.length > 0 ? ranges : undefined;
}

function centre(text: string, width: number): string {
	const cells = textWidth(text);
	if (cells >= width) return text;
	return " ".repeat(Math.floor((width - cells) / 2)) + text;
}

function layoutUncached(block: Block, index: number, width: number): Line[] {
	const blank: Line = {
		block: index,
		start: block.text.length,
		text: "",
		role: "blank",
	};
	if (block.kind === "scene-break") {
		const mark = textWidth(block.text) <= width ? block.text : "* * *".slice(0, Math.max(1, width));
		return [{ block: index, start: 0, text: centre(mark, width), role: "break" }, blank];
	}
	const indent = indentOf(block);
	const role: LineRole = block.kind === "heading" ? "heading" : block.note ? "note" : block.quote ? "quote" : "text";
	const lead = block.note ? NOTE_MARK : " ".repeat(indent);
	const lines: Line[] = wrapWithOffsets(block.text, Math.max(1, width - indent)).map((piece) => {
		const line: Line = {
			block: index,
			start: piece.start,
			text: lead + piece.text,
			role,
		};
		const emphasis = emphasisWithin(block, piece.start, piece.text.length);
		if (emphasis) line.emphasis = emphasis.map(([a, b]) => [a + indent, b + indent]);
		return line;
	});
	if (!block.continues) lines.push(blank);
	return lines;
}

const cache = new WeakMap<Block, Map<number, Line[]>>();

/** The lines of one block at a width, cached per block and width (layout is re-run only on resize). */
export function layoutBlock(story: Story, index: number, width: number): Line[] {
	const block = story.blocks[index];
	if (!block) return [];
	let byWidth = cache.get(block);
	if (!byWidth) {
		byWidth = new Map();
		cache.set(block, byWidth);
	}
	let lines = byWidth.get(width);
	if (!lines) {
		lines = layoutUncached(block, index, width);
		byWidth.set(width, lines);
	}
	return lines;
}

/** How many lines a block takes at a width (its trailing blank line included), without laying it out. */
export function blockLineCount(story: Story, index: number, width: number): number {
	const block = story.blocks[index];
	if (!block) return 0;
	const cached = cache.get(block)?.get(width);
	if (cached) return cached.length;
	const blank = block.continues ? 0 : 1;
	if (block.kind === "scene-break") return 1 + blank;
	return countWrappedRows(block.text, Math.max(1, width - indentOf(block))) + blank;
}

/** Index of the line that holds `offset` in a block's lines. */
export function lineIndexAt(lines: Line[], offset: number): number {
	let found = 0;
	for (let index = 0; index < lines.length; index++) {
		if ((lines[index] as Line).start <= offset) found = index;
		else break;
	}
	return found;
}
