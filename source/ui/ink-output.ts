// Ink's frame buffer, fic's own: the same frame as Ink's Output, without splitting ordinary text into graphemes.
//
// Ink draws every frame into a grid of styled cells. Its Output finds the cells of each line with
// Intl.Segmenter and copies the style list into every cell, which costs about 10 ms for a 100×30
// page of story text: most of a page turn. Here lines are cut into cells by ui/styled-cells.ts,
// which splits ordinary text by hand and hands the rest to ansi-tokenize exactly as Ink does; plain
// lines are worked out one by one and a whole line needs no cutting to fit its clip. The build
// hands this module to Ink's renderer in place of its own (esbuild.config.mjs);
// tests/ui/ink-output.test.ts checks that both draw the same frames.

import type { StyledChar } from "@alcalzone/ansi-tokenize";
import {
	cachedRun,
	cellsOf,
	cellsText,
	isNarrowPlain,
	isStandaloneCells,
	isUnstyled,
	NO_STYLES,
	plainRun,
	unstyledCell,
	widthOf,
} from "./styled-cells.js";

type Transformer = (line: string, index: number) => string;
interface Clip {
	x1?: number;
	x2?: number;
	y1?: number;
	y2?: number;
}
type Operation =
	| { type: "write"; x: number; y: number; text: string; transformers: Transformer[] }
	| { type: "clip"; clip: Clip }
	| { type: "unclip" };

const BLANK: StyledChar = { type: "char", value: " ", fullWidth: false, styles: NO_STYLES };

/** A cell's character replaced by a space, keeping its style (what a half-covered wide character leaves). */
const blank = (cell: StyledChar): StyledChar => ({ ...cell, value: " ", fullWidth: false });

function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split("\n")) widest = Math.max(widest, widthOf(line));
	return widest;
}

/** The part of a styled line between columns `from` and `to`; a wide character cut in two becomes a space. */
function sliceColumns(line: string, from: number, to: number): string {
	if (from >= to) return "";
	// Unstyled text of narrow characters: a column is a code unit.
	if (isNarrowPlain(line)) return line.slice(from, to);
	// A whole plain line, as linesOf makes them, is itself: its cells print as it.
	if (from <= 0 && to >= widthOf(line) && cachedRun(line)) return line;
	const kept: StyledChar[] = [];
	let column = 0;
	for (const cell of cellsOf(line)) {
		const width = widthOf(cell.value);
		const start = column;
		column += width;
		if (column <= from) continue;
		if (start >= to) break;
		kept.push(width > 1 && (start < from || column > to) ? blank(cell) : cell);
	}
	return cellsText(kept);
}

const isEmpty = (clip: Clip) =>
	(clip.x1 !== undefined && clip.x2 !== undefined && clip.x1 >= clip.x2) ||
	(clip.y1 !== undefined && clip.y2 !== undefined && clip.y1 >= clip.y2);

function tighter(a: number | undefined, b: number | undefined, pick: (a: number, b: number) => number) {
	if (a === undefined) return b;
	return b === undefined ? a : pick(a, b);
}

function intersect(outer: Clip | undefined, inner: Clip): Clip {
	if (!outer) return inner;
	return {
		x1: tighter(outer.x1, inner.x1, Math.max),
		x2: tighter(outer.x2, inner.x2, Math.min),
		y1: tighter(outer.y1, inner.y1, Math.max),
		y2: tighter(outer.y2, inner.y2, Math.min),
	};
}

/**
 * The text's lines as styled strings, each line's styles closed at its end and opened again at the
 * next line's start, as Ink does. Plain lines are worked out one by one: an unstyled line is itself.
 */
function linesOf(text: string): string[] {
	const lines = text.split("\n");
	let carried = NO_STYLES;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		if (carried === NO_STYLES && isUnstyled(line)) continue;
		const run = carried === NO_STYLES ? cachedRun(line) : plainRun(line, carried);
		if (!run) return tokenizedLines(text);
		lines[index] = cellsText(run.cells);
		carried = run.end;
	}
	return lines;
}

/** linesOf for text that is not plain: its cells through ansi-tokenize, cut at its newlines. */
function tokenizedLines(text: string): string[] {
	const lines: StyledChar[][] = [[]];
	for (const cell of cellsOf(text)) {
		if (cell.value === "\n") lines.push([]);
		else lines[lines.length - 1]?.push(cell);
	}
	return lines.map(cellsText);
}

/** A write starting at `column` over half of a wide character leaves a space for that character, as Ink does. */
function openEdge(row: StyledChar[], column: number): void {
	const before = row[column - 1];
	if (row[column]?.value === "" && column > 0 && before && widthOf(before.value) > 1) row[column - 1] = blank(before);
}

/** A write ending at `column` before the second half of a wide character leaves a space for it. */
function closeEdge(row: StyledChar[], column: number): void {
	const after = row[column];
	if (after?.value === "") row[column] = blank(after);
}

/** Puts one line's cells into `row` from column `x`. */
function placeCells(row: StyledChar[], x: number, cells: StyledChar[]): void {
	let column = x;
	openEdge(row, column);
	const plain = isStandaloneCells(cells);
	for (const cell of cells) {
		row[column] = cell;
		const width = plain ? (cell.fullWidth ? 2 : 1) : Math.max(1, widthOf(cell.value));
		for (let offset = 1; offset < width; offset++)
			row[column + offset] = { type: "char", value: column < 0 ? " " : "", fullWidth: false, styles: cell.styles };
		column += width;
	}
	closeEdge(row, column);
}

/** Puts an unstyled line of narrow characters into `row` from column `x`: a cell per code unit. */
function placeNarrow(row: StyledChar[], x: number, line: string): void {
	openEdge(row, x);
	for (let index = 0; index < line.length; index++) row[x + index] = unstyledCell(line.charCodeAt(index));
	closeEdge(row, x + line.length);
}

export default class Output {
	private readonly operations: Operation[] = [];
	readonly width: number;
	readonly height: number;

	constructor({ width, height }: { width: number; height: number }) {
		this.width = width;
		this.height = height;
	}

	write(x: number, y: number, text: string, { transformers }: { transformers: Transformer[] }): void {
		if (text !== "") this.operations.push({ type: "write", x, y, text, transformers });
	}

	clip(clip: Clip): void {
		this.operations.push({ type: "clip", clip });
	}

	unclip(): void {
		this.operations.push({ type: "unclip" });
	}

	get(): { output: string; height: number } {
		const grid: StyledChar[][] = Array.from({ length: this.height }, () => new Array(this.width).fill(BLANK));
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === "clip") clips.push(intersect(clips.at(-1), operation.clip));
			else if (operation.type === "unclip") clips.pop();
			else apply(grid, operation, clips.at(-1));
		}
		const output = grid.map((row) => cellsText(row).trimEnd()).join("\n");
		return { output, height: grid.length };
	}
}

/** One write: its lines clipped to `clip`, run through its transformers and placed in the grid. */
function apply(grid: StyledChar[][], write: Extract<Operation, { type: "write" }>, clip: Clip | undefined): void {
	let { x, y } = write;
	let lines = linesOf(write.text);
	if (clip) {
		if (isEmpty(clip)) return;
		const { x1, x2, y1, y2 } = clip;
		const horizontal = x1 !== undefined && x2 !== undefined;
		const vertical = y1 !== undefined && y2 !== undefined;
		if (horizontal && (x + widestLine(write.text) < x1 || x > x2)) return;
		if (vertical && (y + lines.length < y1 || y > y2)) return;
		if (horizontal) {
			const left = x;
			lines = lines.map((line) => {
				const width = widthOf(line);
				return sliceColumns(line, left < x1 ? x1 - left : 0, left + width > x2 ? x2 - left : width);
			});
			x = Math.max(x, x1);
		}
		if (vertical) {
			const top = y;
			lines = lines.slice(top < y1 ? y1 - top : 0, top + lines.length > y2 ? y2 - top : lines.length);
			y = Math.max(y, y1);
		}
	}
	lines.forEach((text, index) => {
		const row = grid[y + index];
		if (!row) return;
		let line = text;
		for (const transform of write.transformers) line = transform(line, index + y - write.y);
		if (line === "") return;
		if (isNarrowPlain(line)) placeNarrow(row, x, line);
		else {
			const cells = cellsOf(line);
			if (cells.length > 0) placeCells(row, x, cells);
		}
	});
}
