// The reader's own pace: words a minute over the pages actually read (a page left by turning forward),
// with idle time and skimming left out; 250 words a minute until enough pages have been read.

import type { Line } from "./layout.js";
import { countWords } from "./story.js";

export const DEFAULT_WORDS_PER_MINUTE = 250;

/** What has been learned: the words of the pages read and the time spent on them. */
export interface Pace {
	words: number;
	ms: number;
	pages: number;
}

export const NO_PACE: Pace = { words: 0, ms: 0, pages: 0 };

/** Pages read before the pace is the reader's own rather than the default. */
export const PAGES_TO_LEARN = 5;
/** A page with fewer words (a chapter's last lines) says little about a pace. */
const MIN_PAGE_WORDS = 30;
/** Slower than this on a page, the reader was away; faster, they were skimming. */
const IDLE_WPM = 40;
const SKIM_WPM = 1500;
/** Past this much reading time, what was learned counts half, so the pace follows the reader. */
const KEPT_MS = 3 * 60 * 60 * 1000;

/** The words on a page's lines of text (not its headings, breaks or notes shown in the text). */
export function pageWords(lines: readonly Line[]): number {
	let words = 0;
	for (const line of lines) if (line.role === "text" || line.role === "quote") words += countWords(line.text);
	return words;
}

/** A page read: `words` in `ms`. Time that is not reading (idle, skimming) teaches nothing. */
export function learnPage(pace: Pace, words: number, ms: number): Pace {
	if (words < MIN_PAGE_WORDS || ms <= 0) return pace;
	const wpm = words / (ms / 60_000);
	if (wpm < IDLE_WPM || wpm > SKIM_WPM) return pace;
	const next = { words: pace.words + words, ms: pace.ms + ms, pages: pace.pages + 1 };
	return next.ms > KEPT_MS ? { words: next.words / 2, ms: next.ms / 2, pages: Math.ceil(next.pages / 2) } : next;
}

/** Enough pages read for the pace to be the reader's own. */
export function paceLearned(pace: Pace | undefined): pace is Pace {
	return pace !== undefined && pace.pages >= PAGES_TO_LEARN && pace.ms > 0;
}

export function wordsPerMinute(pace: Pace | undefined): number {
	return paceLearned(pace) ? Math.round(pace.words / (pace.ms / 60_000)) : DEFAULT_WORDS_PER_MINUTE;
}

/** A pace as config.json holds it, or none when the value is not one (a hand edit). */
export function readPace(value: unknown): Pace | undefined {
	if (!value || typeof value !== "object") return undefined;
	const { words, ms, pages } = value as Record<string, unknown>;
	const ok = [words, ms, pages].every((part) => typeof part === "number" && Number.isFinite(part) && part >= 0);
	return ok ? { words: words as number, ms: ms as number, pages: pages as number } : undefined;
}

/** `4 min`, `1 h 20 min`, at `wpm` words a minute. */
export function minutesText(words: number, wpm: number, exact = true): string {
	const minutes = Math.ceil(words / Math.max(1, wpm));
	const more = exact ? "" : "+";
	if (minutes < 60) return `${minutes}${more} min`;
	return `${Math.floor(minutes / 60)} h ${minutes % 60}${more} min`;
}
