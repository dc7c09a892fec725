// Counts pages per chapter in small steps, so the total never blocks a key press.

import { chapterBlockLines, linesBefore, type Page, type Viewport } from "./paginate.js";
import type { Story } from "./story.js";

export interface PageNumber {
	page: number;
	total: number;
	/** False while the total is still being counted (shown as `~M`). */
	exact: boolean;
}

export class PageCounter {
	private readonly chapterLines: number[] = [];
	private chapter = 0;
	private block: number;
	private linesInChapter = 0;

	constructor(
		private readonly story: Story,
		readonly view: Viewport,
	) {
		this.block = story.chapters[0]?.firstBlock ?? 0;
	}

	get done(): boolean {
		return this.chapter >= this.story.chapters.length;
	}

	/** Lay out up to `blockBudget` more blocks; returns true when every chapter is counted. */
	step(blockBudget = 400): boolean {
		let budget = blockBudget;
		while (!this.done && budget > 0) {
			const chapter = this.story.chapters[this.chapter];
			if (!chapter) break;
			if (this.block < chapter.endBlock) {
				this.linesInChapter += chapterBlockLines(this.story, this.block, this.view.width, chapter).length;
				this.block++;
				budget--;
			} else {
				this.chapterLines.push(this.linesInChapter);
				this.linesInChapter = 0;
				this.chapter++;
				this.block = this.story.chapters[this.chapter]?.firstBlock ?? 0;
			}
		}
		return this.done;
	}

	private pagesOf(lines: number): number {
		return Math.max(1, Math.ceil(lines / this.view.height));
	}

	/** Page number of `page` and the total; estimated from the counted share while counting. */
	pageNumber(page: Page): PageNumber {
		const chapter = this.story.chapters[page.chapter];
		if (!chapter) return { page: 1, total: 1, exact: true };
		const linesAbove = linesBefore(this.story, page.top, this.view.width, Number.POSITIVE_INFINITY, chapter).length;
		const inChapter = Math.ceil(linesAbove / this.view.height) + 1;
		const counted = this.chapterLines.map((lines) => this.pagesOf(lines));
		if (this.done) {
			const before = counted.slice(0, page.chapter).reduce((sum, pages) => sum + pages, 0);
			const pageNumber = before + Math.min(counted[page.chapter] ?? inChapter, inChapter);
			return {
				page: pageNumber,
				total: counted.reduce((sum, pages) => sum + pages, 0),
				exact: true,
			};
		}
		// Estimate: pages per source character so far, applied to the whole story.
		const countedPages = counted.reduce((sum, pages) => sum + pages, 0);
		const countedChars = this.story.chapters[this.chapter]?.start ?? this.story.sourceLength;
		const perChar = countedPages > 0 && countedChars > 0 ? countedPages / countedChars : 0;
		const chapterStartPages =
			page.chapter < counted.length
				? counted.slice(0, page.chapter).reduce((sum, pages) => sum + pages, 0)
				: Math.round(chapter.start * perChar);
		const total = Math.max(chapterStartPages + inChapter, Math.round(this.story.sourceLength * perChar));
		return { page: chapterStartPages + inChapter, total, exact: false };
	}
}
