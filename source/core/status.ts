// The status bar's text: title, chapter, page N of M, percent, and time left in the chapter.

import { DEFAULT_WORDS_PER_MINUTE, minutesText } from "./pace.js";
import type { PageNumber } from "./page-count.js";
import type { Page } from "./paginate.js";
import { countWords, percentAt, type Story } from "./story.js";

const wordCache = new WeakMap<object, number>();

function blockWords(story: Story, index: number): number {
	const block = story.blocks[index];
	if (block?.kind !== "paragraph") return 0;
	let words = wordCache.get(block);
	if (words === undefined) {
		words = countWords(block.text);
		wordCache.set(block, words);
	}
	return words;
}

/** Words from the top of the page to the end of its chapter (or to the source offset `until`). */
export function wordsLeftInChapter(story: Story, page: Page, until = Number.POSITIVE_INFINITY): number {
	const chapter = story.chapters[page.chapter];
	if (!chapter) return 0;
	let words = 0;
	for (let index = page.top.block; index < chapter.endBlock && (story.blocks[index]?.start ?? 0) < until; index++)
		words += blockWords(story, index);
	return words;
}

/** Words from the top of the page to the end of the story (of this window, for a long one). */
export function wordsLeftInStory(story: Story, page: Page): number {
	let words = 0;
	for (let index = page.top.block; index < story.blocks.length; index++) words += blockWords(story, index);
	return words;
}

export interface WhereFacts {
	/** 1-based; 0 when not known yet. */
	chapterNumber: number;
	chapterCount: number;
	/** False while a long story's chapters are still being counted. */
	chaptersKnown: boolean;
	wordsLeftInChapter: number;
	wordsLeftInStory: number;
	/** The words left in the story are an estimate (a long story read in pieces). */
	storyEstimated: boolean;
	/** The reader's pace (core/pace.ts): learned, or the default until it is. */
	wordsPerMinute: number;
}

/** Ctrl+G: which chapter of how many, and the words left in it and in the story (the bar adds page and percent). */
export function whereMessage(facts: WhereFacts): string {
	const count = (words: number) => words.toLocaleString("en");
	const chapter =
		facts.chapterNumber > 0
			? `chapter ${facts.chapterNumber} of ${facts.chapterCount}${facts.chaptersKnown ? "" : "+"} · `
			: "";
	const time = (words: number) => minutesText(words, facts.wordsPerMinute);
	const about = facts.storyEstimated ? "about " : "";
	const story = `${about}${count(facts.wordsLeftInStory)} in the story (${about}${time(facts.wordsLeftInStory)})`;
	return `${chapter}${count(facts.wordsLeftInChapter)} words left in it (${time(facts.wordsLeftInChapter)}), ${story}`;
}

/** `4 min left in chapter`; `at least` when the chapter's end is not known yet (`40+ min`). */
export function formatMinutes(words: number, exact = true, wpm = DEFAULT_WORDS_PER_MINUTE): string {
	if (words <= 0) return exact ? "chapter ends here" : "";
	return `${minutesText(words, wpm, exact)} left in chapter`;
}

/** Percent read at a page: from its top anchor, and 100 on the story's last page. */
export function readPercent(story: Story, page: Page): number {
	if (page.endsChapter && page.chapter === story.chapters.length - 1 && !story.continuesAfter) return 100;
	return percentAt(story, page.top);
}

export interface StatusParts {
	title: string;
	chapter: string;
	pages: string;
	percent: string;
	timeLeft: string;
}

/** The chapter's title and the words left in it, as chapter-facts.ts finds them for a long story. */
export interface ChapterShown {
	title: string;
	wordsLeft: number;
	exact: boolean;
}

export function statusParts(
	story: Story,
	page: Page,
	number: PageNumber,
	chapter: ChapterShown,
	wpm = DEFAULT_WORDS_PER_MINUTE,
): StatusParts {
	const inPieces = story.continuesBefore === true || story.continuesAfter === true;
	const many = story.chapters.length > 1 || (inPieces && chapter.title !== story.title);
	const total = number.exact ? `${number.total}` : `~${number.total}`;
	return {
		title: story.title,
		chapter: many ? chapter.title : "",
		pages: `page ${number.page} of ${total}`,
		percent: `${Math.floor(readPercent(story, page))}%`,
		timeLeft: formatMinutes(chapter.wordsLeft, chapter.exact, wpm),
	};
}
