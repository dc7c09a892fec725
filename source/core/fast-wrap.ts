// A greedy word wrapper with wrap-ansi's results (hard, trimmed) on plain text, many times faster.
// wrap-ansi leaves its ASCII fast path for a whole paragraph on one curly quote, and segments CJK
// graphemes one by one; this wrapper measures words with a cache and splits simple text by code point.

import { standaloneTextWidth, standaloneWidth, textWidth } from "./text-width.js";

export interface WrappedLine {
	text: string;
	/** Offset in the wrapped text where the line starts. */
	start: number;
}

const ASCII_PRINTABLE = /^[ -~]*$/;
/** Marks that join code points into one grapheme: then only Intl.Segmenter knows the clusters. */
const JOINERS =
	// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists combining marks on purpose
	/[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u{e0100}-\u{e01ef}]|[\u1100-\u11ff\u3099\u309a]/u;

const wordWidths = new Map<string, number>();
const charWidths = new Map<string, number>();
const MAX_CACHED_WORDS = 200_000;

/** Width of one code point: standalone characters from their table, the rest from string-width (cached). */
function codePointWidth(char: string): number {
	if (char.length === 1) {
		const width = standaloneWidth(char.charCodeAt(0));
		if (width >= 0) return width;
	}
	let width = charWidths.get(char);
	if (width === undefined) {
		width = textWidth(char);
		charWidths.set(char, width);
	}
	return width;
}

/** Width of text[from, to): printable ASCII is counted in place, without cutting the word out. */
function spanWidth(text: string, from: number, to: number): number {
	for (let index = from; index < to; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code >= 0x7f) return widthOf(text.slice(from, to));
	}
	return to - from;
}

/**
 * A word of standalone characters (Latin, curly quotes, dashes, CJK…) is summed a character at a
 * time; so is a long run without joiners (a CJK paragraph is one "word"). Other words go whole to
 * string-width, once each (cached).
 */
function widthOf(word: string): number {
	const standalone = standaloneTextWidth(word);
	if (standalone >= 0) return standalone;
	if (word.length > 32 && !JOINERS.test(word)) {
		let width = 0;
		for (const char of word) width += codePointWidth(char);
		return width;
	}
	let width = wordWidths.get(word);
	if (width === undefined) {
		width = textWidth(word);
		if (wordWidths.size >= MAX_CACHED_WORDS) wordWidths.clear();
		wordWidths.set(word, width);
	}
	return width;
}

/** Made on first use: building a segmenter loads ICU data, which start-up should not wait for. */
let segmenter: Intl.Segmenter | undefined;

/** A word's grapheme tokens with their widths. */
function tokensOf(word: string): Array<[string, number]> {
	if (ASCII_PRINTABLE.test(word)) return Array.from(word, (char): [string, number] => [char, 1]);
	if (!JOINERS.test(word)) return Array.from(word, (char): [string, number] => [char, codePointWidth(char)]);
	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(word), ({ segment }): [string, number] => [segment, textWidth(segment)]);
}

/**
 * Wrap one paragraph (no newlines, no tabs, no escape codes) to `columns` cells. Same rows as
 * `wrapAnsi(text, columns, {hard: true, trim: true})`, each with its start offset in `text`.
 */
export function fastWrap(text: string, columns: number): WrappedLine[] {
	const lines: WrappedLine[] = [];
	wrapRows(text, columns, (start, end) => {
		let stop = end;
		while (stop > start && text.charCodeAt(stop - 1) === 32) stop--;
		lines.push({ text: text.slice(start, stop), start });
	});
	return lines;
}

/** How many rows `fastWrap` would give, without building them (for counting pages). */
export function countWrappedRows(text: string, columns: number): number {
	let rows = 0;
	wrapRows(text, columns, () => {
		rows++;
	});
	return rows;
}

/** The wrapping itself: calls `emit(start, end)` for each row, in order. */
function wrapRows(text: string, columns: number, emit: (start: number, end: number) => void): void {
	if (text.trim() === "") {
		emit(0, 0);
		return;
	}
	let rowStart = 0;
	let rowEnd = 0;
	let rowWidth = 0;
	let first = true;
	let position = 0;
	const newRow = (at: number) => {
		emit(rowStart, rowEnd);
		rowStart = at;
		rowEnd = at;
		rowWidth = 0;
	};
	while (position <= text.length) {
		const wordStart = position;
		let wordEnd = text.indexOf(" ", position);
		if (wordEnd < 0) wordEnd = text.length;
		position = wordEnd + 1;
		// A row holding only spaces is trimmed before the next word is placed (wrap-ansi's trimStart).
		if (rowWidth === 0) {
			rowStart = wordStart;
			rowEnd = wordStart;
		}
		if (first) first = false;
		else if (rowWidth > 0) {
			rowEnd = wordStart;
			rowWidth++;
		}
		const width = spanWidth(text, wordStart, wordEnd);
		if (width > columns) {
			const word = text.slice(wordStart, wordEnd);
			const remaining = columns - rowWidth;
			const breaksThisLine = 1 + Math.floor((width - remaining - 1) / columns);
			const breaksNextLine = Math.floor((width - 1) / columns);
			if (breaksNextLine < breaksThisLine) newRow(wordStart);
			const tokens = tokensOf(word);
			let at = wordStart;
			tokens.forEach(([token, tokenWidth], index) => {
				if (tokenWidth > 0 && rowWidth > 0 && rowWidth + tokenWidth > columns) newRow(at);
				at += token.length;
				rowEnd = at;
				rowWidth += tokenWidth;
				if (rowWidth === columns && index < tokens.length - 1) newRow(at);
			});
			continue;
		}
		if (rowWidth + width > columns && rowWidth > 0 && width > 0) newRow(wordStart);
		if (rowEnd === rowStart) rowStart = wordStart;
		rowEnd = wordEnd;
		rowWidth += width;
	}
	emit(rowStart, rowEnd);
}
