// Styled text as cells, as ansi-tokenize makes them, and cells back to text, for fic's frame buffer.
// Text of standalone characters and SGR codes is split by hand; every other text goes through
// ansi-tokenize. Each style is one list and each character in a style one cell, so lines share
// cells and the codes between two styles are worked out once, not at every cell.

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

export const NO_STYLES: AnsiCode[] = [];
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}+$/u;
const ESC = 0x1b;
const NEWLINE = 0x0a;

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
/** One cell per character and style list met, by UTF-16 code: cells are never changed, so every line shares them. */
const cellsByStyle = new Map<AnsiCode[], Array<StyledChar | undefined>>();
const unstyledCells = new Array<StyledChar | undefined>(0x10000);

/** Whether `cells` were made of standalone characters only (see `standalone`). */
export const isStandaloneCells = (cells: StyledChar[]): boolean => standalone.has(cells);

export function widthOf(value: string): number {
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

/** The cell of the standalone character (or newline) with UTF-16 code `code`, in a style list made by `shared`. */
function cellOf(code: number, fullWidth: boolean, styles: AnsiCode[]): StyledChar {
	// Most cells are unstyled: those are found by their code alone.
	const cells = styles === NO_STYLES ? unstyledCells : styledCells(styles);
	let cell = cells[code];
	if (!cell) {
		cell = { type: "char", value: String.fromCharCode(code), fullWidth, styles };
		cells[code] = cell;
	}
	return cell;
}

/** The unstyled cell of a narrow standalone character. */
export const unstyledCell = (code: number): StyledChar => cellOf(code, false, NO_STYLES);

function styledCells(styles: AnsiCode[]): Array<StyledChar | undefined> {
	let cells = cellsByStyle.get(styles);
	if (!cells) {
		cells = [];
		cellsByStyle.set(styles, cells);
	}
	return cells;
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
export function cellsText(cells: Array<StyledChar | undefined>): string {
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
		if (sgrCache.size >= MAX_CACHED) sgrCache.clear();
		sgrCache.set(sequence, codes);
	}
	return codes;
}

export interface Run {
	cells: StyledChar[];
	/** The style in force after the text. */
	end: AnsiCode[];
}

/**
 * The cells of text made of standalone characters, newlines and SGR codes, starting in style
 * `start`; undefined for any other text.
 */
export function plainRun(text: string, start: AnsiCode[]): Run | undefined {
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
			cells.push(cellOf(NEWLINE, false, styles));
		} else {
			const width = standaloneWidth(code);
			if (width < 1) return undefined;
			cells.push(cellOf(code, width === 2, styles));
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

/** Whether `text` is only standalone characters that print, and newlines (so no escape codes). */
export function isUnstyled(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code !== NEWLINE && standaloneWidth(code) < 1) return false;
	}
	return true;
}

/** Whether `line` is only standalone characters one cell wide (so no escape codes). */
export function isNarrowPlain(line: string): boolean {
	for (let index = 0; index < line.length; index++) if (standaloneWidth(line.charCodeAt(index)) !== 1) return false;
	return true;
}

const runs = new Map<string, Run | undefined>();

export function cachedRun(line: string): Run | undefined {
	if (runs.has(line)) return runs.get(line);
	const run = plainRun(line, NO_STYLES);
	if (runs.size >= MAX_CACHED) runs.clear();
	runs.set(line, run);
	return run;
}
