// Counts pages per chapter over the whole document, one piece at a time, so counting never blocks a key.
// Each step gives a new counter (the reader's state holds it; background work advances it through actions).

import type { StoryDocument, StoryWindow } from "./document.js";
import { blockLineCount, layoutBlock } from "./layout.js";
import { chapterBlockLines, lineCountBefore, type Page, type Viewport } from "./paginate.js";
import type { Position } from "./position.js";
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
	readonly title: string;
	/** Source offset where the chapter starts. */
	readonly start: number;
	readonly lines: number;
	/** Lines of this chapter in each document piece it spans. */
	readonly linesByPiece: ReadonlyMap<number, number>;
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
	constructor(
		private readonly document: StoryDocument,
		readonly view: Viewport,
		private readonly chapters: readonly CountedChapter[] = [],
		private readonly nextPiece = 0,
	) {}

	/** Counting for this document and view (a new view starts over). */
	counts(document: StoryDocument, view: Viewport): boolean {
		return this.document === document && this.view.width === view.width && this.view.height === view.height;
	}

	/** Long enough that counting takes many slices (and should step aside for keys). */
	get long(): boolean {
		return this.document.pieceCount > 8;
	}

	get done(): boolean {
		return this.nextPiece >= this.document.pieceCount;
	}

	/** Share of the document counted, 0 to 1. */
	get progress(): number {
		return this.nextPiece / Math.max(1, this.document.pieceCount);
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
	pageStart(number: number): Position | undefined {
		let before = 0;
		for (const chapter of this.chapters) {
			const pages = this.pagesOf(chapter.lines);
			if (number <= before + pages) return this.lineOf(chapter, (Math.max(1, number - before) - 1) * this.view.height);
			before += pages;
		}
		return undefined;
	}

	/**
	 * The counted chapter holding a source offset: its title, where it starts, and where the next one
	 * starts (undefined while that is not counted).
	 */
	chapterAt(source: number): { title: string; start: number; end?: number } | undefined {
		const index = this.chapters.findLastIndex((chapter) => chapter.start <= source);
		const chapter = this.chapters[index];
		if (!chapter) return undefined;
		const next = this.chapters[index + 1];
		const end = next?.start ?? (this.done ? this.document.size : undefined);
		return end === undefined
			? { title: chapter.title, start: chapter.start }
			: { title: chapter.title, start: chapter.start, end };
	}

	/** Where the last page of the counted chapter holding a source offset starts, once that chapter is counted to its end. */
	lastPageAt(source: number): Position | undefined {
		const index = this.chapters.findLastIndex((chapter) => chapter.start <= source);
		const chapter = this.chapters[index];
		// Counted to its end: a later chapter was found, or everything was counted.
		const ended = index < this.chapters.length - 1 || this.done;
		if (!chapter || !ended) return undefined;
		return this.lineOf(chapter, Math.floor(Math.max(0, chapter.lines - 1) / this.view.height) * this.view.height);
	}

	/** The place of line `target` of a counted chapter, walking the pieces it spans. */
	private lineOf(chapter: CountedChapter, target: number): Position | undefined {
		let remaining = target;
		for (const [piece, lines] of chapter.linesByPiece) {
			if (remaining >= lines) {
				remaining -= lines;
				continue;
			}
			const story = this.document.piece(piece);
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
					return { piece, block, offset: (blockLines[remaining] as { start: number }).start };
				remaining -= blockLines.length;
			}
		}
		return undefined;
	}

	/** The counter after `pieces` more pieces of the document (itself when every piece is counted). */
	advance(pieces = 1): PageCounter {
		if (this.done) return this;
		const chapters = [...this.chapters];
		let nextPiece = this.nextPiece;
		for (let count = 0; count < pieces && nextPiece < this.document.pieceCount; count++) {
			const piece = nextPiece++;
			const story = this.document.scan(piece);
			story.chapters.forEach((chapter, index) => {
				const lines = chapterLines(story, index, this.view.width);
				const previous = chapters.at(-1);
				if (index === 0 && story.continuesBefore && previous) {
					const linesByPiece = new Map(previous.linesByPiece);
					linesByPiece.set(piece, (linesByPiece.get(piece) ?? 0) + lines);
					chapters[chapters.length - 1] = { ...previous, lines: previous.lines + lines, linesByPiece };
				} else {
					chapters.push({ title: chapter.title, start: chapter.start, lines, linesByPiece: new Map([[piece, lines]]) });
				}
			});
		}
		return new PageCounter(this.document, this.view, chapters, nextPiece);
	}

	private pagesOf(lines: number): number {
		return Math.max(1, Math.ceil(lines / this.view.height));
	}

	/** Page number of `page` in `window`, and the total; estimated from the share counted so far. */
	pageNumber(window: StoryWindow, page: Page): PageNumber {
		const { story } = window;
		const chapter = story.chapters[page.chapter];
		if (!chapter) return { page: 1, total: 1, exact: true };
		const linesInWindow = lineCountBefore(story, page.top, this.view.width, chapter);
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
		for (const [piece, lines] of counted.linesByPiece) if (piece < window.firstPiece) linesAbove += lines;
		const before = this.chapters.slice(0, index).reduce((sum, entry) => sum + this.pagesOf(entry.lines), 0);
		// The page the top line is on (a line down from page 1 is still page 1), and the chapter's last
		// page wherever its end shows: G's page ends at the chapter's end, not on a page boundary.
		const pages = this.pagesOf(counted.lines);
		const inChapter = page.endsChapter ? pages : Math.min(pages, Math.floor(linesAbove / this.view.height) + 1);
		const pageNumber = before + inChapter;
		if (this.done) return { page: pageNumber, total: countedPages, exact: true };
		return { page: pageNumber, total: Math.max(pageNumber, this.estimatedTotal(countedPages)), exact: false };
	}

	private estimatedTotal(countedPages: number): number {
		const countedBytes = this.nextPiece * (this.document.size / this.document.pieceCount);
		const perByte = countedPages > 0 && countedBytes > 0 ? countedPages / countedBytes : 1 / 2000;
		return Math.max(1, Math.round(this.document.size * perByte));
	}
}
