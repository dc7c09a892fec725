// Counts pages per chapter over the whole document, one piece at a time, so counting never blocks a key.

import type { StoryDocument, StoryWindow } from "./document.js";
import { blockLineCount, layoutBlock } from "./layout.js";
import { chapterBlockLines, linesBefore, type Page, type Viewport } from "./paginate.js";
import type { CellAnchor } from "./places.js";
import { anchorToSource, type Chapter, type Story } from "./story.js";

export interface ContentsEntry {
	title: string;
	/** Source offset where the chapter starts. */
	start: number;
	/** The chapter's first page. */
	page: number;
}

export interface PageNumber {
	page: number;
	total: number;
	/** False while the total is still being counted (shown as `~M`). */
	exact: boolean;
}

interface CountedChapter {
	title: string;
	/** Source offset where the chapter starts. */
	start: number;
	lines: number;
	/** Lines of this chapter in each document piece it spans. */
	linesByCell: Map<number, number>;
}

/** Lines of chapter `index` of one piece; a chapter that goes on in the next piece keeps its last blank line. */
function chapterLines(story: Story, index: number, width: number): number {
	const chapter = story.chapters[index];
	if (!chapter) return 0;
	const goesOn = index === story.chapters.length - 1 && story.continuesAfter === true;
	let lines = 0;
	for (let block = chapter.firstBlock; block < chapter.endBlock; block++) lines += blockLineCount(story, block, width);
	// The chapter's last block drops its blank line (as on screen), unless the chapter goes on.
	const last = story.blocks[chapter.endBlock - 1];
	if (!goesOn && last && !last.continues && chapter.endBlock > chapter.firstBlock) lines--;
	return lines;
}

export class PageCounter {
	private readonly chapters: CountedChapter[] = [];
	private nextCell = 0;

	constructor(
		private readonly document: StoryDocument,
		readonly view: Viewport,
	) {}

	/** Long enough that counting takes many slices (and should step aside for keys). */
	get long(): boolean {
		return this.document.cellCount > 8;
	}

	get done(): boolean {
		return this.nextCell >= this.document.cellCount;
	}

	/** Share of the document counted, 0 to 1. */
	get progress(): number {
		return this.nextCell / Math.max(1, this.document.cellCount);
	}

	/** The chapters counted so far: title, where each starts, and its first page. */
	contents(): ContentsEntry[] {
		let before = 0;
		return this.chapters.map((chapter) => {
			const entry = { title: chapter.title, start: chapter.start, page: before + 1 };
			before += this.pagesOf(chapter.lines);
			return entry;
		});
	}

	/** Where page `number` starts (pages run on from chapter to chapter); undefined past the pages counted. */
	pageStart(number: number): CellAnchor | undefined {
		let before = 0;
		for (const chapter of this.chapters) {
			const pages = this.pagesOf(chapter.lines);
			if (number <= before + pages) return this.lineOf(chapter, (Math.max(1, number - before) - 1) * this.view.height);
			before += pages;
		}
		return undefined;
	}

	/** The place of line `target` of a counted chapter, walking the pieces it spans. */
	private lineOf(chapter: CountedChapter, target: number): CellAnchor | undefined {
		let remaining = target;
		for (const [cell, lines] of chapter.linesByCell) {
			if (remaining >= lines) {
				remaining -= lines;
				continue;
			}
			const story = this.document.cell(cell);
			const index = Math.max(
				0,
				story.chapters.findIndex((candidate) => candidate.start === chapter.start),
			);
			const part = story.chapters[index] as Chapter;
			const goesOn = index === story.chapters.length - 1 && story.continuesAfter === true;
			for (let block = part.firstBlock; block < part.endBlock; block++) {
				const blockLines = goesOn
					? layoutBlock(story, block, this.view.width)
					: chapterBlockLines(story, block, this.view.width, part);
				if (remaining < blockLines.length)
					return { cell, block, offset: (blockLines[remaining] as { start: number }).start };
				remaining -= blockLines.length;
			}
		}
		return undefined;
	}

	/** Count `cells` more pieces of the document; returns true when every piece is counted. */
	step(cells = 1): boolean {
		for (let count = 0; count < cells && !this.done; count++) {
			const cell = this.nextCell++;
			const story = this.document.cell(cell);
			story.chapters.forEach((chapter, index) => {
				const lines = chapterLines(story, index, this.view.width);
				const previous = this.chapters.at(-1);
				if (index === 0 && story.continuesBefore && previous) {
					previous.lines += lines;
					previous.linesByCell.set(cell, (previous.linesByCell.get(cell) ?? 0) + lines);
				} else {
					this.chapters.push({
						title: chapter.title,
						start: chapter.start,
						lines,
						linesByCell: new Map([[cell, lines]]),
					});
				}
			});
		}
		return this.done;
	}

	private pagesOf(lines: number): number {
		return Math.max(1, Math.ceil(lines / this.view.height));
	}

	/** Page number of `page` in `window`, and the total; estimated from the share counted so far. */
	pageNumber(window: StoryWindow, page: Page): PageNumber {
		const { story } = window;
		const chapter = story.chapters[page.chapter];
		if (!chapter) return { page: 1, total: 1, exact: true };
		const linesInWindow = linesBefore(story, page.top, this.view.width, Number.POSITIVE_INFINITY, chapter).length;
		let index = -1;
		for (let candidate = 0; candidate < this.chapters.length; candidate++) {
			if ((this.chapters[candidate] as CountedChapter).start <= chapter.start) index = candidate;
			else break;
		}
		const counted = this.chapters[index];
		const countedPages = this.chapters.reduce((sum, entry) => sum + this.pagesOf(entry.lines), 0);
		// A chapter is fully counted once a later one was found (or everything was counted).
		if (!counted || !(this.done || index < this.chapters.length - 1)) {
			// Not counted this far yet: estimate from the pages per source byte counted so far.
			const total = this.estimatedTotal(countedPages);
			const at = anchorToSource(story, page.top) / Math.max(1, this.document.size);
			return { page: Math.min(total, Math.max(1, Math.round(at * total) + 1)), total, exact: false };
		}
		let linesAbove = linesInWindow;
		for (const [cell, lines] of counted.linesByCell) if (cell < window.firstCell) linesAbove += lines;
		const before = this.chapters.slice(0, index).reduce((sum, entry) => sum + this.pagesOf(entry.lines), 0);
		const inChapter = Math.min(this.pagesOf(counted.lines), Math.ceil(linesAbove / this.view.height) + 1);
		const pageNumber = before + inChapter;
		if (this.done) return { page: pageNumber, total: countedPages, exact: true };
		return { page: pageNumber, total: Math.max(pageNumber, this.estimatedTotal(countedPages)), exact: false };
	}

	private estimatedTotal(countedPages: number): number {
		const countedBytes = this.nextCell * (this.document.size / this.document.cellCount);
		const perByte = countedPages > 0 && countedBytes > 0 ? countedPages / countedBytes : 1 / 2000;
		return Math.max(1, Math.round(this.document.size * perByte));
	}
}
