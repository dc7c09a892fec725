// Ink's frame buffer, fic's own: the same frame as Ink's Output, without splitting ordinary text into graphemes.
//
// Ink draws every frame into a grid of styled cells. Its Output finds the cells of each line with
// Intl.Segmenter and copies the style list into every cell, which costs about 10 ms for a 100×30
// page of story text: most of a page turn. Here a line made only of characters that always stand
// alone (core/text-width.ts) and SGR colour codes is split by hand, the cells of one run sharing
// one style list; any other line goes to @alcalzone/ansi-tokenize exactly as Ink sends it. Style lists
// are kept once each, so the codes between two styles are worked out once, not at every cell. The build
// hands this module to Ink's renderer in place of its own (esbuild.config.mjs);
// tests/ui/ink-output.test.ts checks that both draw the same frames.

import {
	type AnsiCode,
	ansiCodesToString,
	diffAnsiCodes,
	reduceAnsiCodesIncremental,
	type StyledChar,
	styledCharsFromTokens,
	tokenize,
} from "@alcalzone/ansi-tokenize";
import { sgrEnd, standaloneWidth, textWidth } from "../core/text-width.js";

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

const NO_STYLES: AnsiCode[] = [];
const BLANK: StyledChar = { type: "char", value: " ", fullWidth: false, styles: NO_STYLES };
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}+$/u;
const ESC = 0x1b;
const NEWLINE = 0x0a;

/** A cell's character replaced by a space, keeping its style (what a half-covered wide character leaves). */
const blank = (cell: StyledChar): StyledChar => ({ ...cell, value: " ", fullWidth: false });

/** Lines met in recent frames (the status bar, the panel, a page drawn again), kept until there are too many: a few pages. */
const MAX_CACHED = 512;
const cellsCache = new Map<string, StyledChar[]>();
const sgrCache = new Map<string, AnsiCode[]>();
const widths = new Map<string, number>();
/** Cell lists made only of standalone characters: a cell's width is 2 when full width, else 1. */
const standalone = new WeakSet<StyledChar[]>();
/** One list per style met (by its codes), so equal styles are the same list. */
const styleLists = new Map<string, AnsiCode[]>([["", NO_STYLES]]);
/** The codes that go from one style list to another (an empty list: from nothing, or back to it). */
const transitions = new Map<AnsiCode[], Map<AnsiCode[], string>>();
/** One cell per character and style list met: cells are never changed, so every line shares them. */
const cellsByStyle = new Map<AnsiCode[], Map<string, StyledChar>>();

function widthOf(value: string): number {
	let width = widths.get(value);
	if (width === undefined) {
		width = textWidth(value);
		if (widths.size >= MAX_CACHED) widths.clear();
		widths.set(value, width);
	}
	return width;
}

/** The one list for this style. */
function shared(styles: AnsiCode[]): AnsiCode[] {
	if (styles.length === 0) return NO_STYLES;
	let key = "";
	for (const code of styles) key += `${code.code}\u0000${code.endCode}\u0000`;
	let list = styleLists.get(key);
	if (!list) {
		if (styleLists.size >= MAX_CACHED) {
			styleLists.clear();
			transitions.clear();
			cellsByStyle.clear();
		}
		list = styles;
		styleLists.set(key, list);
	}
	return list;
}

/** The cell of a standalone character (or a newline) in a style list made by `shared`. */
function cellOf(value: string, fullWidth: boolean, styles: AnsiCode[]): StyledChar {
	let cells = cellsByStyle.get(styles);
	if (!cells || cells.size >= 4 * MAX_CACHED) {
		cells = new Map();
		cellsByStyle.set(styles, cells);
	}
	let cell = cells.get(value);
	if (!cell) {
		cell = { type: "char", value, fullWidth, styles };
		cells.set(value, cell);
	}
	return cell;
}

function sameStyle(from: AnsiCode[], to: AnsiCode[]): boolean {
	if (from === to) return true;
	if (from.length !== to.length) return false;
	return from.every((code, index) => code.code === to[index]?.code && code.endCode === to[index]?.endCode);
}

/** What ansi-tokenize writes between a cell in style `from` and one in style `to` (`from` empty: the opening codes). */
function transition(from: AnsiCode[], to: AnsiCode[]): string {
	let byTarget = transitions.get(from);
	if (!byTarget) {
		byTarget = new Map();
		transitions.set(from, byTarget);
	}
	let codes = byTarget.get(to);
	if (codes === undefined) {
		codes = ansiCodesToString(from === NO_STYLES ? to : diffAnsiCodes(from, to));
		byTarget.set(to, codes);
	}
	return codes;
}

/** Cells as text, the same string as ansi-tokenize's styledCharsToString (holes in a row left out). */
function cellsText(cells: Array<StyledChar | undefined>): string {
	let text = "";
	let previous: AnsiCode[] | undefined;
	for (const cell of cells) {
		if (cell === undefined) continue;
		if (previous === undefined) text += transition(NO_STYLES, cell.styles);
		else if (!sameStyle(previous, cell.styles)) text += transition(previous, cell.styles);
		text += cell.value;
		previous = cell.styles;
	}
	return previous === undefined ? text : text + transition(previous, NO_STYLES);
}

/** The codes of one SGR sequence (`\x1b[1;31m` is two), as ansi-tokenize splits them. */
function sgrCodes(sequence: string): AnsiCode[] {
	let codes = sgrCache.get(sequence);
	if (!codes) {
		codes = tokenize(sequence).filter((token): token is AnsiCode => token.type === "ansi");
		sgrCache.set(sequence, codes);
	}
	return codes;
}

interface Run {
	cells: StyledChar[];
	/** The style in force after the text. */
	end: AnsiCode[];
}

/**
 * The cells of text made of standalone characters, newlines and SGR codes, starting in style
 * `start`; undefined for any other text.
 */
function plainRun(text: string, start: AnsiCode[]): Run | undefined {
	const cells: StyledChar[] = [];
	let styles = start;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === ESC) {
			const end = sgrEnd(text, index);
			if (end < 0) return undefined;
			styles = shared(reduceAnsiCodesIncremental(styles, sgrCodes(text.slice(index, end))));
			index = end - 1;
		} else if (code === NEWLINE) {
			cells.push(cellOf("\n", false, styles));
		} else {
			const width = standaloneWidth(code);
			if (width < 1) return undefined;
			cells.push(cellOf(text[index] as string, width === 2, styles));
		}
	}
	standalone.add(cells);
	return { cells, end: styles };
}

/** The styled cells of `text`: each character with the styles in force, ignorable characters left out. */
export function cellsOf(text: string): StyledChar[] {
	let cells = cellsCache.get(text);
	if (!cells) {
		cells =
			plainRun(text, NO_STYLES)?.cells ??
			styledCharsFromTokens(tokenize(text))
				.filter((cell) => !IGNORABLE.test(cell.value))
				.map((cell) => ({ ...cell, styles: shared(cell.styles) }));
		if (cellsCache.size >= MAX_CACHED) cellsCache.clear();
		cellsCache.set(text, cells);
	}
	return cells;
}

function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split("\n")) widest = Math.max(widest, widthOf(line));
	return widest;
}

/** Whether `text` is only standalone characters that print, and newlines (so no escape codes). */
function isUnstyled(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code !== NEWLINE && standaloneWidth(code) < 1) return false;
	}
	return true;
}

/** Whether `line` is only standalone characters one cell wide (so no escape codes). */
function isNarrowPlain(line: string): boolean {
	for (let index = 0; index < line.length; index++) if (standaloneWidth(line.charCodeAt(index)) !== 1) return false;
	return true;
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

const runs = new Map<string, Run | undefined>();

function cachedRun(line: string): Run | undefined {
	if (runs.has(line)) return runs.get(line);
	const run = plainRun(line, NO_STYLES);
	if (runs.size >= MAX_CACHED) runs.clear();
	runs.set(line, run);
	return run;
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

/** Puts one line's cells into `row` from column `x`, as Ink does with wide characters at the edges. */
function place(row: StyledChar[], x: number, cells: StyledChar[]): void {
	let column = x;
	const before = row[column - 1];
	if (row[column]?.value === "" && column > 0 && before && widthOf(before.value) > 1) row[column - 1] = blank(before);
	const plain = standalone.has(cells);
	for (const cell of cells) {
		row[column] = cell;
		const width = plain ? (cell.fullWidth ? 2 : 1) : Math.max(1, widthOf(cell.value));
		for (let offset = 1; offset < width; offset++)
			row[column + offset] = { type: "char", value: column < 0 ? " " : "", fullWidth: false, styles: cell.styles };
		column += width;
	}
	const after = row[column];
	if (after?.value === "") row[column] = blank(after);
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
		const cells = cellsOf(line);
		if (cells.length > 0) place(row, x, cells);
	});
}
