// Moves that leave the window of a long story: recentring, the ends of the story, distant chapters.

import type { StoryDocument, StoryWindow } from "./document.js";
import type { CommandId } from "./keymap.js";
import { lastPage, nextChapter, type Page, type Viewport } from "./paginate.js";
import { type Anchor, anchorToSource, type Story, sourceToAnchor } from "./story.js";

/** How many pieces ahead or behind a chapter jump looks for the next heading. */
const CHAPTER_SEARCH_CELLS = 64;

/** The same place in another window: the same block (found by its source start), same offset. */
export function remapAnchor(from: Story, to: Story, anchor: Anchor): Anchor {
	const block = from.blocks[anchor.block];
	if (!block) return sourceToAnchor(to, anchorToSource(from, anchor));
	let low = 0;
	let high = to.blocks.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const start = (to.blocks[mid] as Story["blocks"][number]).start;
		if (start === block.start) return { block: mid, offset: anchor.offset };
		if (start < block.start) low = mid + 1;
		else high = mid - 1;
	}
	return sourceToAnchor(to, anchorToSource(from, anchor));
}

/** The reading position sits in an edge piece of its window while the document goes on past it. */
export function needsRecentre(document: StoryDocument, window: StoryWindow, source: number): boolean {
	const cell = document.cellOf(source);
	return (
		(cell <= window.firstCell && window.firstCell > 0) ||
		(cell >= window.lastCell && window.lastCell < document.cellCount - 1)
	);
}

function anchorAt(story: Story, source: number): Anchor {
	const index = story.blocks.findIndex((block) => block.start >= source);
	return { block: Math.max(0, index), offset: 0 };
}

/** Source offsets of the chapter headings that start in piece `cell`. */
function headingsIn(document: StoryDocument, cell: number): number[] {
	const story = document.cell(cell);
	return story.chapters.filter((_, index) => !(index === 0 && story.continuesBefore)).map((chapter) => chapter.start);
}

function windowAt(document: StoryDocument, source: number): { window: StoryWindow; anchor: Anchor } {
	const window = document.windowAround(source);
	return { window, anchor: anchorAt(window.story, source) };
}

/**
 * A command that must leave the current window: returns the new window and anchor, or undefined
 * when the reducer can do it inside the window.
 */
export function jumpOutsideWindow(
	command: CommandId,
	document: StoryDocument,
	window: StoryWindow,
	page: Page,
	view: Viewport,
): { window: StoryWindow; anchor: Anchor } | undefined {
	const lastCell = document.cellCount - 1;
	if (command === "story.first" && window.firstCell > 0) return windowAt(document, 0);
	if (command === "story.last" && window.lastCell < lastCell) {
		const end = document.windowAround(Math.max(0, document.size - 1));
		return { window: end, anchor: lastPage(end.story, view) };
	}
	if (command === "chapter.next" && !nextChapter(window.story, page) && window.lastCell < lastCell) {
		for (let cell = window.lastCell + 1; cell <= Math.min(lastCell, window.lastCell + CHAPTER_SEARCH_CELLS); cell++) {
			const heading = headingsIn(document, cell)[0];
			if (heading !== undefined) return windowAt(document, heading);
		}
	}
	const inContinuation = page.chapter === 0 && window.story.continuesBefore === true;
	if (command === "chapter.prev" && inContinuation) {
		for (let cell = window.firstCell; cell >= Math.max(0, window.firstCell - CHAPTER_SEARCH_CELLS); cell--) {
			const heading = headingsIn(document, cell)
				.filter((start) => start < (window.story.blocks[0]?.start ?? 0))
				.at(-1);
			if (heading !== undefined) return windowAt(document, heading);
			if (cell === 0) return windowAt(document, 0);
		}
	}
	return undefined;
}
