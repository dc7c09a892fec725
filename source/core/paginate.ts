// Derives pages from an anchor: the page starts at the anchor's line and never crosses a chapter.

import { type Line, layoutBlock, lineIndexAt } from "./layout.js";
import type { Anchor, Chapter, Story } from "./story.js";

export interface Page {
	/** The anchor of the page's first line. */
	top: Anchor;
	lines: Line[];
	chapter: number;
	/** True when the chapter has no lines after this page. */
	endsChapter: boolean;
	startsChapter: boolean;
}

export interface Viewport {
	width: number;
	height: number;
}

function chapterOf(story: Story, block: number): Chapter | undefined {
	const index = story.blocks[block]?.chapter;
	return index === undefined ? undefined : story.chapters[index];
}

/** Clamp an anchor into the story (a stored anchor may outlive an edit of the file). */
export function clampAnchor(story: Story, anchor: Anchor): Anchor {
	if (story.blocks.length === 0) return { block: 0, offset: 0 };
	const block = Math.min(Math.max(0, anchor.block), story.blocks.length - 1);
	const length = story.blocks[block]?.text.length ?? 0;
	return { block, offset: Math.min(Math.max(0, anchor.offset), length) };
}

/** Up to `count` lines from the line holding `anchor`, stopping at the chapter's end. */
export function linesFrom(story: Story, anchor: Anchor, width: number, count: number): Line[] {
	const chapter = chapterOf(story, anchor.block);
	if (!chapter) return [];
	const lines: Line[] = [];
	let first = true;
	for (let block = anchor.block; block < chapter.endBlock && lines.length < count; block++) {
		const blockLines = chapterBlockLines(story, block, width, chapter);
		const from = first ? lineIndexAt(blockLines, anchor.offset) : 0;
		first = false;
		for (let index = from; index < blockLines.length && lines.length < count; index++)
			lines.push(blockLines[index] as Line);
	}
	return lines;
}

/**
 * Up to `count` lines before the line holding `anchor`, nearest last, not before the chapter start.
 * An anchor at `chapter.endBlock` (one past its last block) means "the end of that chapter".
 */
export function linesBefore(story: Story, anchor: Anchor, width: number, count: number, chapter: Chapter): Line[] {
	const collected: Line[][] = [];
	let total = 0;
	for (let block = Math.min(anchor.block, chapter.endBlock); block >= chapter.firstBlock && total < count; block--) {
		if (block >= chapter.endBlock) continue;
		const blockLines = chapterBlockLines(story, block, width, chapter);
		const upTo = block === anchor.block ? lineIndexAt(blockLines, anchor.offset) : blockLines.length;
		const take = blockLines.slice(Math.max(0, upTo - (count - total)), upTo);
		collected.unshift(take);
		total += take.length;
	}
	return collected.flat();
}

/** How many of the chapter's lines come before `anchor` (what linesBefore would return, counted only). */
export function lineCountBefore(story: Story, anchor: Anchor, width: number, chapter: Chapter): number {
	let total = 0;
	for (let block = chapter.firstBlock; block <= Math.min(anchor.block, chapter.endBlock - 1); block++) {
		const blockLines = chapterBlockLines(story, block, width, chapter);
		total += block === anchor.block ? lineIndexAt(blockLines, anchor.offset) : blockLines.length;
	}
	return total;
}

/** A block's lines inside its chapter: the chapter's last block drops its trailing blank line. */
export function chapterBlockLines(story: Story, block: number, width: number, chapter: Chapter): Line[] {
	const lines = layoutBlock(story, block, width);
	return block === chapter.endBlock - 1 && lines.at(-1)?.role === "blank" ? lines.slice(0, -1) : lines;
}

function anchorOf(line: Line): Anchor {
	return { block: line.block, offset: line.start };
}

export function pageAt(story: Story, anchor: Anchor, view: Viewport): Page {
	const top = clampAnchor(story, anchor);
	const lines = linesFrom(story, top, view.width, view.height + 1);
	const chapterIndex = story.blocks[top.block]?.chapter ?? 0;
	const chapter = story.chapters[chapterIndex];
	const startsChapter = chapter ? linesBefore(story, top, view.width, 1, chapter).length === 0 : true;
	const first = lines[0];
	return {
		top: first ? anchorOf(first) : top,
		lines: lines.slice(0, view.height),
		chapter: chapterIndex,
		endsChapter: lines.length <= view.height,
		startsChapter,
	};
}

/**
 * The anchor of a chapter's last page: the page that paging forward from the chapter's start
 * reaches last, so that turning forward into the next chapter and back returns to the same page.
 */
function lastPageOf(story: Story, chapter: Chapter, view: Viewport): Anchor {
	const lines = linesBefore(
		story,
		{ block: chapter.endBlock, offset: 0 },
		view.width,
		Number.POSITIVE_INFINITY,
		chapter,
	);
	const last = lines[Math.floor(Math.max(0, lines.length - 1) / view.height) * view.height];
	return last ? anchorOf(last) : { block: chapter.firstBlock, offset: 0 };
}

function chapterStart(chapter: Chapter): Anchor {
	return { block: chapter.firstBlock, offset: 0 };
}

export function nextPage(story: Story, page: Page, view: Viewport): Anchor | undefined {
	if (!page.endsChapter) {
		const after = linesFrom(story, page.top, view.width, view.height + 1)[view.height];
		if (after) return anchorOf(after);
	}
	const next = story.chapters[page.chapter + 1];
	return next ? chapterStart(next) : undefined;
}

export function previousPage(story: Story, page: Page, view: Viewport): Anchor | undefined {
	const chapter = story.chapters[page.chapter];
	if (chapter && !page.startsChapter) {
		const before = linesBefore(story, page.top, view.width, view.height, chapter)[0];
		if (before) return anchorOf(before);
	}
	const previous = story.chapters[page.chapter - 1];
	return previous ? lastPageOf(story, previous, view) : undefined;
}

export function lineDown(story: Story, page: Page, view: Viewport): Anchor | undefined {
	if (!page.endsChapter) {
		const second = page.lines[1];
		if (second) return anchorOf(second);
	}
	return nextPage(story, page, view);
}

export function lineUp(story: Story, page: Page, view: Viewport): Anchor | undefined {
	const chapter = story.chapters[page.chapter];
	if (chapter && !page.startsChapter) {
		const before = linesBefore(story, page.top, view.width, 1, chapter)[0];
		if (before) return anchorOf(before);
	}
	return previousPage(story, page, view);
}

export function firstPage(): Anchor {
	return { block: 0, offset: 0 };
}

export function lastPage(story: Story, view: Viewport): Anchor {
	const chapter = story.chapters.at(-1);
	return chapter ? lastPageOf(story, chapter, view) : firstPage();
}

export function nextChapter(story: Story, page: Page): Anchor | undefined {
	const next = story.chapters[page.chapter + 1];
	return next ? chapterStart(next) : undefined;
}

/** To the start of this chapter, or of the one before when already at the start. */
export function previousChapter(story: Story, page: Page): Anchor | undefined {
	const current = story.chapters[page.chapter];
	if (current && !page.startsChapter) return chapterStart(current);
	const previous = story.chapters[page.chapter - 1];
	return previous ? chapterStart(previous) : undefined;
}

/** Whether a place of the window's story (a block and an offset in it) is shown on the page. */
export function onPage(page: Page, block: number, offset: number): boolean {
	return page.lines.some(
		(line, index) =>
			line.block === block &&
			line.role !== "blank" &&
			line.start <= offset &&
			(page.lines[index + 1]?.block !== block || (page.lines[index + 1]?.start ?? 0) > offset),
	);
}
