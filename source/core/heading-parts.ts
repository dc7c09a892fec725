// The parts of a chapter heading: its number and its title, to tell a restated heading from a new chapter.

import { headingStartLength, normalizeForMatch } from "./markers.js";

const NUMBER_WORDS =
	"zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(
		" ",
	);
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(text: string): number {
	let total = 0;
	for (let index = 0; index < text.length; index++) {
		const value = ROMAN[text[index] as string] ?? 0;
		const next = ROMAN[text[index + 1] as string] ?? 0;
		total += value < next ? -value : value;
	}
	return total;
}

/** The chapter number a heading gives (`Chapter 12`, `12. Title`, `Chapter Three`, `Ch. IV`), if any. */
export function headingNumber(text: string): number | undefined {
	const line = normalizeForMatch(text).toLowerCase();
	const numbered = /^(\d{1,4})\s*[.):-]?(?:\s|$)/.exec(line);
	if (numbered) return Number(numbered[1]);
	const labelled = /^(?:chapter|ch\.?)\s*(\d{1,4}|[ivxlcdm]+|[a-z]+)(?![a-z0-9])/.exec(line);
	if (!labelled) return undefined;
	const word = labelled[1] as string;
	if (/^\d/.test(word)) return Number(word);
	const named = NUMBER_WORDS.indexOf(word);
	if (named >= 0) return named;
	return /^[ivxlcdm]+$/.test(word) ? romanValue(word) : undefined;
}

/** A heading's title without its label and number, folded for comparison (`Chapter 2: Meetings` → `meetings`). */
export function headingTitle(text: string): string {
	const line = normalizeForMatch(text);
	const start = headingStartLength(line);
	const rest = start >= 0 ? line.slice(start) : line.replace(/^\d{1,4}\s*[.):-]\s*/, "");
	return foldTitle(rest);
}

/** Lower case letters and digits only: titles compared this way ignore case, spacing and emphasis marks. */
export function foldTitle(text: string): string {
	return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Whether `restated` gives the same chapter as `heading`: the same number with a related title
 * (`1. Lamp` and `Chapter 1: Lamp.`), or, without numbers, the same title. `Chapter 1: Static` and
 * `Chapter 1: The Ledger` are two chapters.
 */
export function restatesHeading(heading: string, restated: string): boolean {
	const number = headingNumber(restated);
	const current = headingNumber(heading);
	const title = headingTitle(restated);
	const currentTitle = headingTitle(heading);
	const related = title === "" || currentTitle === "" || title.includes(currentTitle) || currentTitle.includes(title);
	if (number !== undefined && current !== undefined) return number === current && related;
	return title !== "" && (title === currentTitle || title === foldTitle(heading));
}
