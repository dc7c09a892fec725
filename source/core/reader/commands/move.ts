// Moving through the story: pages, lines, chapters, the ends (with a count: a page number).

import type { StoryDocument, StoryWindow } from "../../document.js";
import { lastPosition, pageTarget } from "../../goto.js";
import type { CommandId } from "../../keymap.js";
import {
	lineDown,
	lineUp,
	nextChapter,
	nextPage,
	type Page,
	previousChapter,
	previousPage,
	type Viewport,
} from "../../paginate.js";
import { reachChapterAt } from "../../places.js";
import { DOCUMENT_START, type Position, toPosition } from "../../position.js";
import type { Anchor, Story } from "../../story.js";
import { type Context, cleared, goTo, type Handler, hereOf, pageOf, readerCommand, say, windowOf } from "../reading.js";
import type { Reading } from "../state.js";

const END = "End of the story";
const START = "Start of the story";
/** How many pieces ahead or behind a chapter jump looks for the next heading. */
const CHAPTER_SEARCH_PIECES = 64;

type Step = (story: Story, page: Page, view: Viewport) => Anchor | undefined;

/** A move inside the window around the position; `edge` is said when there is nowhere to go. */
function stepIn(find: Step, edge: string): (reading: Reading, context: Context) => Reading {
	return (reading, { view }) => {
		const window = windowOf(reading);
		const target = find(window.story, pageOf(reading, view), view);
		const moved = cleared(reading);
		if (!target) return say(moved, edge);
		return goTo(moved, toPosition(reading.opened.document, window, target));
	};
}

function step(find: Step, edge: string): Handler {
	return readerCommand(stepIn(find, edge));
}

/**
 * Back a page; from a chapter's first page, to the last page of the one before as paging forward
 * through it ended, which needs the page count when that chapter began before the window.
 */
function pageBack(reading: Reading, context: Context): Reading {
	const { view } = context;
	const window = windowOf(reading);
	const page = pageOf(reading, view);
	const { story } = window;
	const before = story.chapters[page.chapter - 1];
	const longBefore = page.startsChapter && page.chapter === 1 && story.continuesBefore === true && before;
	const counted = longBefore ? reading.pages.lastPageAt(story.blocks[before.firstBlock]?.start ?? 0) : undefined;
	return counted ? goTo(cleared(reading), counted) : stepIn(previousPage, START)(reading, context);
}

/** Up a line; at a chapter's start, to the previous chapter's last page (as b does). */
function lineBack(reading: Reading, context: Context): Reading {
	return pageOf(reading, context.view).startsChapter
		? pageBack(reading, context)
		: stepIn(lineUp, START)(reading, context);
}

/** Source offsets of the chapter headings that start in piece `piece`. */
function headingsIn(document: StoryDocument, piece: number): number[] {
	const story = document.piece(piece);
	return story.chapters.filter((_, index) => !(index === 0 && story.continuesBefore)).map((chapter) => chapter.start);
}

/** The next chapter's start, looking past the window into the pieces after it. */
function nextChapterStart(document: StoryDocument, window: StoryWindow, page: Page): Position | undefined {
	const inWindow = nextChapter(window.story, page);
	if (inWindow) return toPosition(document, window, inWindow);
	const last = Math.min(document.pieceCount - 1, window.lastPiece + CHAPTER_SEARCH_PIECES);
	for (let piece = window.lastPiece + 1; piece <= last; piece++) {
		const heading = headingsIn(document, piece)[0];
		if (heading !== undefined) return reachChapterAt(document, heading);
	}
	return undefined;
}

/** This chapter's start, or the one before's; a chapter that began before the window is looked for. */
function previousChapterStart(document: StoryDocument, window: StoryWindow, page: Page): Position | undefined {
	const inContinuation = page.chapter === 0 && window.story.continuesBefore === true;
	if (!inContinuation) {
		const target = previousChapter(window.story, page);
		return target ? toPosition(document, window, target) : undefined;
	}
	const windowStart = window.story.blocks[0]?.start ?? 0;
	for (let piece = window.firstPiece; piece >= Math.max(0, window.firstPiece - CHAPTER_SEARCH_PIECES); piece--) {
		const heading = headingsIn(document, piece)
			.filter((start) => start < windowStart)
			.at(-1);
		if (heading !== undefined) return reachChapterAt(document, heading);
		if (piece === 0) return DOCUMENT_START;
	}
	return undefined;
}

function chapterMove(find: typeof nextChapterStart, edge: string): Handler {
	return readerCommand((reading, { view }) => {
		const target = find(reading.opened.document, windowOf(reading), pageOf(reading, view));
		const moved = cleared(reading);
		return target ? goTo(moved, target) : say(moved, edge);
	});
}

/** g and G: the ends of the story (jumps); after a number, that page. */
function end(which: "first" | "last"): Handler {
	return readerCommand((reading, context) => {
		if (reading.count) return goToPage(reading, context, Number(reading.count));
		const target = which === "first" ? DOCUMENT_START : lastPosition(reading.opened.document, context.view);
		return goTo(cleared(reading), target, hereOf(reading, context.view));
	});
}

/** Page `number` as the status bar numbers them (a jump). */
export function goToPage(reading: Reading, { view }: Context, number: number): Reading {
	const page = pageOf(reading, view);
	const target = pageTarget(reading.pages, reading.opened.document, windowOf(reading), page, number, view);
	const moved = goTo(cleared(reading), target.position, hereOf(reading, view));
	return target.message ? say(moved, target.message) : moved;
}

export const MOVE_COMMANDS = {
	"page.next": step(nextPage, END),
	"page.prev": readerCommand(pageBack),
	"line.down": step(lineDown, END),
	"line.up": readerCommand(lineBack),
	"story.first": end("first"),
	"story.last": end("last"),
	"chapter.next": chapterMove(nextChapterStart, "This is the last chapter"),
	"chapter.prev": chapterMove(previousChapterStart, "This is the first chapter"),
} satisfies Partial<Record<CommandId, Handler>>;
