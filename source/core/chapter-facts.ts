// What the status bar says of the chapter being read when the chapter is longer than the window of
// pieces around the page: its title (found before the window), and the words left to its end.

import type { StoryDocument, StoryWindow } from "./document.js";
import type { PageCounter } from "./page-count.js";
import type { Page } from "./paginate.js";
import { wordsLeftInChapter } from "./status.js";

/** How many pieces before the window a chapter's heading is looked for. */
const TITLE_SEARCH_PIECES = 16;

export interface ChapterFacts {
	title: string;
	wordsLeft: number;
	/** False when the chapter goes on past what is known: the words left are at least `wordsLeft`. */
	exact: boolean;
}

/** Does the page's chapter begin before the window (a long chapter read in pieces)? */
function beganBefore(window: StoryWindow, page: Page): boolean {
	return page.chapter === 0 && window.story.continuesBefore === true;
}

function titleBefore(document: StoryDocument, window: StoryWindow, pages: PageCounter): string {
	const counted = pages.chapterAt(window.story.blocks[0]?.start ?? 0);
	if (counted) return counted.title;
	for (let piece = window.firstPiece - 1; piece >= Math.max(0, window.firstPiece - TITLE_SEARCH_PIECES); piece--) {
		const story = document.piece(piece);
		const heading = story.chapters.findLast((_, index) => !(index === 0 && story.continuesBefore));
		if (heading) return heading.title;
	}
	return "";
}

export function chapterFacts(
	document: StoryDocument,
	window: StoryWindow,
	page: Page,
	pages: PageCounter,
): ChapterFacts {
	const { story } = window;
	const title = beganBefore(window, page)
		? titleBefore(document, window, pages)
		: (story.chapters[page.chapter]?.title ?? "");
	const inWindow = wordsLeftInChapter(story, page);
	const goesOn = page.chapter === story.chapters.length - 1 && story.continuesAfter === true;
	if (!goesOn) return { title, wordsLeft: inWindow, exact: true };
	// The chapter goes on past the window: the rest is estimated at the window's words per byte.
	const windowStart = story.blocks[0]?.start ?? 0;
	const windowEnd = story.blocks.at(-1)?.end ?? windowStart;
	const perByte = story.wordCount / Math.max(1, windowEnd - windowStart);
	const end = pages.chapterAt(windowEnd)?.end;
	if (end === undefined) return { title, wordsLeft: inWindow, exact: false };
	return { title, wordsLeft: inWindow + Math.round(Math.max(0, end - windowEnd) * perByte), exact: true };
}
