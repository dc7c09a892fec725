// Go to: a page number or a percent, typed at `:` or before g, G and %; and where Ctrl+G says the page is.

import type { StoryDocument, StoryWindow } from "./document.js";
import { type Pace, wordsPerMinute } from "./pace.js";
import type { ContentsEntry, PageCounter } from "./page-count.js";
import { lastPage, type Page, type Viewport } from "./paginate.js";
import { reachSource } from "./places.js";
import { type Position, toPosition, windowAt } from "./position.js";
import type { SavedPlace } from "./resume.js";
import { whereMessage, wordsLeftInChapter, wordsLeftInStory } from "./status.js";

export type GotoRequest = { kind: "page" | "percent"; value: number };

/** `12` is page 12, `50%` is halfway; anything else is not a place. */
export function parseGoto(text: string): GotoRequest | undefined {
	const asked = /^\s*(\d{1,9})\s*(%?)\s*$/.exec(text);
	if (!asked) return undefined;
	return { kind: asked[2] ? "percent" : "page", value: Number(asked[1]) };
}

/** A percent of the story: the first line at or after it; 100 and more is the last page. */
export function percentTarget(document: StoryDocument, percent: number, view: Viewport): Position {
	if (percent >= 100) return lastPosition(document, view);
	return reachSource(document, Math.round((Math.max(0, percent) / 100) * document.size), view.width);
}

/** The top of the story's last page. */
export function lastPosition(document: StoryDocument, view: Viewport): Position {
	const end = windowAt(document, document.pieceCount - 1);
	return toPosition(document, end, lastPage(end.story, view));
}

/**
 * Page `number` as the page counter numbers them; while a long story is still being counted, a
 * page past the count is estimated from its share of the pages. Past the last page: the last page.
 */
export function pageTarget(
	counter: PageCounter,
	document: StoryDocument,
	window: StoryWindow,
	page: Page,
	number: number,
	view: Viewport,
): { position: Position; message?: string } {
	const at = counter.pageStart(Math.max(1, number));
	if (at) return { position: at };
	const total = counter.pageNumber(window, page).total;
	if (counter.done) return { position: lastPosition(document, view), message: `The story has ${total} pages` };
	const share = (Math.max(1, number) - 1) / Math.max(1, total);
	return { position: reachSource(document, Math.round(share * document.size), view.width) };
}

/** Ctrl+G: the chapter's number, and the words left in it and in the story (estimated for a long story). */
export function whereText(
	document: StoryDocument,
	window: StoryWindow,
	page: Page,
	here: SavedPlace,
	entries: ContentsEntry[],
	chaptersKnown: boolean,
	pace: Pace | undefined,
): string {
	const story = window.story;
	const whole = document.pieceCount === 1;
	const span = Math.max(1, (story.blocks.at(-1)?.end ?? 1) - (story.blocks[0]?.start ?? 0));
	return whereMessage({
		chapterNumber: entries.findLastIndex((entry) => entry.start <= here.sourceOffset) + 1,
		chapterCount: entries.length,
		chaptersKnown,
		wordsLeftInChapter: wordsLeftInChapter(story, page),
		wordsLeftInStory: whole
			? wordsLeftInStory(story, page)
			: Math.round((story.wordCount / span) * Math.max(0, document.size - here.sourceOffset)),
		storyEstimated: !whole,
		wordsPerMinute: wordsPerMinute(pace),
	});
}
