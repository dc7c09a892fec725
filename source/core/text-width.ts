// Display width of text, exactly as string-width counts it, without string-width's slow first call.
// string-width tests every cluster of non-ASCII text against its emoji pattern, and compiling that
// pattern costs about 40 ms, before the first screen of almost any story (one curly quote is enough).
// Story text is mostly characters that stand alone and are never emoji; those are counted here, from
// their East Asian Width (colour codes count nothing: string-width strips them), and anything else
// goes to string-width. The build also hands this module to Ink (and wrap-ansi) in place of
// string-width, so the first screen never compiles the pattern.

import { eastAsianWidth } from "get-east-asian-width";
import stringWidth from "string-width";

type Options = Parameters<typeof stringWidth>[1];

/**
 * Code points that always form a grapheme of their own (no combining marks, joiners, Hangul jamo or
 * regional indicators) and are never emoji: Latin, Greek, Cyrillic, general punctuation, currency,
 * arrows, box drawing and shapes (fic's own borders and marks), CJK punctuation, kana, ideographs,
 * Hangul syllables, full- and halfwidth forms; combining marks inside these blocks are left out.
 * tests/core/text-width.test.ts checks every one against string-width and Intl.Segmenter.
 */
const STANDALONE: ReadonlyArray<readonly [number, number]> = [
	[0xa0, 0x2ff],
	[0x370, 0x482],
	[0x48a, 0x52f],
	[0x2010, 0x2027],
	[0x2030, 0x205e],
	[0x20a0, 0x20c0],
	[0x2190, 0x21ff],
	[0x2500, 0x25fc],
	[0x270e, 0x270e],
	[0x3000, 0x3029],
	[0x3030, 0x3098],
	[0x309b, 0x9fff],
	[0xac00, 0xd7a3],
	[0xf900, 0xfaff],
	[0xff01, 0xff9d],
];

/** Whether the UTF-16 code unit `code` is one of the standalone characters above. */
export function isStandalone(code: number): boolean {
	return STANDALONE.some(([first, last]) => code >= first && code <= last);
}

/** string-width's test for a character that prints (not ignorable, control, format or a mark). */
const PRINTS =
	/[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;

/** Per UTF-16 code unit: 0 not yet known, 1 not standalone, otherwise its width + 2. */
const known = new Int8Array(0x10000);

/** Width of a standalone code unit, or -1 when it needs string-width. */
export function standaloneWidth(code: number): number {
	if (code >= 0x20 && code < 0x7f) return 1;
	let entry = known[code] as number;
	if (entry === 0) {
		if (!isStandalone(code)) entry = 1;
		else entry = (PRINTS.test(String.fromCharCode(code)) ? eastAsianWidth(code) : 0) + 2;
		known[code] = entry;
	}
	return entry - 2;
}

/** Width of text made only of standalone characters, or -1 when any character needs string-width. */
export function standaloneTextWidth(text: string): number {
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const cells = standaloneWidth(text.charCodeAt(index));
		if (cells < 0) return -1;
		width += cells;
	}
	return width;
}

/** End of the SGR colour code starting at `start` (`ESC [`, digits and semicolons, `m`), or -1. */
export function sgrEnd(text: string, start: number): number {
	if (text.charCodeAt(start + 1) !== 0x5b) return -1;
	for (let index = start + 2; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 0x6d) return index + 1;
		if (code !== 0x3b && (code < 0x30 || code > 0x39)) return -1;
	}
	return -1;
}

/** Width of standalone characters among SGR codes (which string-width strips), or -1. */
function styledStandaloneWidth(text: string): number {
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 0x1b) {
			const end = sgrEnd(text, index);
			if (end < 0) return -1;
			index = end - 1;
			continue;
		}
		const cells = standaloneWidth(code);
		if (cells < 0) return -1;
		width += cells;
	}
	return width;
}

/** string-width's answer, computed without it when the text allows. */
export function textWidth(text: string, options?: Options): number {
	if (typeof text !== "string" || options?.ambiguousIsNarrow === false) return stringWidth(text, options);
	const width = options?.countAnsiEscapeCodes ? standaloneTextWidth(text) : styledStandaloneWidth(text);
	return width < 0 ? stringWidth(text, options) : width;
}

/** The default export stands in for string-width's in the bundle. */
export default textWidth;

/** Pad or cut `text` to exactly `cells` terminal cells. */
export function fitCells(text: string, cells: number): string {
	const width = textWidth(text);
	if (width <= cells) return text + " ".repeat(cells - width);
	let out = "";
	let used = 0;
	for (const character of text) {
		const next = textWidth(character);
		if (used + next > cells - 1) break;
		out += character;
		used += next;
	}
	return `${out}…${" ".repeat(Math.max(0, cells - 1 - used))}`;
}
