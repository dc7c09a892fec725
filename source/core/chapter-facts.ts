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

/**
 * `piece`: the piece holding the page. A chapter that goes on past the window is measured at that
 * piece's words per byte, and until the count knows where it ends, to the end of that piece only
 * (shown as "at least"): the first screen and the ones after it say the same whatever the window.
 */
export function chapterFacts(
	document: StoryDocument,
	window: StoryWindow,
	page: Page,
	pages: PageCounter,
	piece: number,
): ChapterFacts {
	const { story } = window;
	const title = beganBefore(window, page)
		? titleBefore(document, window, pages)
		: (story.chapters[page.chapter]?.title ?? "");
	const goesOn = page.chapter === story.chapters.length - 1 && story.continuesAfter === true;
	if (!goesOn) return { title, wordsLeft: wordsLeftInChapter(story, page), exact: true };
	const own = document.piece(piece);
	const ownStart = own.blocks[0]?.start ?? 0;
	const ownEnd = own.blocks.at(-1)?.end ?? ownStart;
	const inPiece = wordsLeftInChapter(story, page, ownEnd);
	const end = pages.chapterAt(ownEnd)?.end;
	if (end === undefined) return { title, wordsLeft: inPiece, exact: false };
	const perByte = own.wordCount / Math.max(1, ownEnd - ownStart);
	return { title, wordsLeft: inPiece + Math.round(Math.max(0, end - ownEnd) * perByte), exact: true };
}
