// The story model shared by every layer: blocks, notes, chapters and the anchor type.

export type BlockKind = "paragraph" | "heading" | "scene-break";

export interface Block {
	kind: BlockKind;
	/** Display text: sanitised, tabs expanded, inline notes replaced by a marker. */
	text: string;
	/** Source offsets [start, end) in the decoded text. */
	start: number;
	end: number;
	chapter: number;
	/** Emphasised display ranges [from, to). */
	emphasis?: Array<[number, number]>;
	/** A blockquote kept as story text (indented). */
	quote?: boolean;
	/** A piece of a very long paragraph: the next block goes on with it (no blank line between). */
	continues?: boolean;
	/** An author's note shown in place in the text (the inline notes setting, core/notes-view.ts). */
	note?: boolean;
}

export type NoteKind = "head" | "tail" | "inline" | "chapter" | "metadata";

export interface Note {
	kind: NoteKind;
	/** The marker that opened the note, e.g. "A/N", "Disclaimer", "Author's Note". */
	label: string;
	/** 1 for structural markers, lower for heuristics. */
	confidence: number;
	chapter: number;
	start: number;
	end: number;
	text: string;
	/** Index of the story block the note sits beside (for the panel and jumps). */
	block: number;
}

export interface Chapter {
	title: string;
	/** Source offset where the chapter starts. */
	start: number;
	/** Index of the chapter's first block in Story.blocks. */
	firstBlock: number;
	/** One past the chapter's last block. */
	endBlock: number;
}

export interface Series {
	name: string;
	part: number;
	url?: string;
}

/** What a download says about the work besides its text (AO3 tags, stats, where it came from). */
export interface StoryInfo {
	rating?: string;
	/** Tag groups by label, e.g. "Fandoms", "Relationships", "Characters", "Additional Tags". */
	tags?: Record<string, string[]>;
	/** Other labelled facts: "Published", "Words", "Chapters", "Status", … */
	stats?: Record<string, string>;
	sourceUrl?: string;
	/** The series the work is a part of (AO3's "Part 2 of …", FanFicFare's series). */
	series?: Series;
	/** The format the story was read from, e.g. "AO3 HTML", "EPUB", "FanFicFare TXT". */
	format?: string;
}

export interface Story {
	title: string;
	author?: string;
	/** The work's summary: shown in the story info, never an author's note. */
	summary?: string;
	info?: StoryInfo;
	/** One-line problems met while reading the file, e.g. a chapter that could not be read. */
	warnings?: string[];
	chapters: Chapter[];
	blocks: Block[];
	notes: Note[];
	/** A piece of a long file whose first chapter began before it (its title is not known here). */
	continuesBefore?: boolean;
	/** A piece of a long file whose last chapter goes on after it. */
	continuesAfter?: boolean;
	/** Length of the decoded source text, for percentages. */
	sourceLength: number;
	wordCount: number;
}

/** A reading position: a block and a character offset into its display text. */
export interface Anchor {
	block: number;
	offset: number;
}

export const INLINE_NOTE_MARKER = "✎";

/** Is this UTF-16 unit part of a word? Letters, digits, and anything non-ASCII but punctuation. */
function isWordUnit(code: number): boolean {
	if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
	if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, quotes, dashes, arrows, symbols
	if (code >= 0x3000 && code <= 0x303f) return false; // CJK punctuation
	if (code >= 0xff00 && code <= 0xff0f) return false; // fullwidth punctuation
	return code !== 0xa0 && code !== 0xab && code !== 0xbb && code !== 0xfeff;
}

/** Ideographs and kana: counted one word each, as word counters for CJK do. */
function isCjkUnit(code: number): boolean {
	return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

export function countWords(text: string): number {
	let count = 0;
	let inWord = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (isCjkUnit(code)) {
			count++;
			inWord = false;
		} else if (isWordUnit(code)) {
			if (!inWord) count++;
			inWord = true;
		} else if (!(inWord && (code === 0x27 || code === 0x2019) && isWordUnit(text.charCodeAt(index + 1)))) {
			// An apostrophe inside a word (it's, don’t) keeps the word going.
			inWord = false;
		}
	}
	return count;
}

/** Source offset of an anchor, proportional inside the block so it is exact at block starts. */
export function anchorToSource(story: Story, anchor: Anchor): number {
	const block = story.blocks[anchor.block];
	if (!block) return 0;
	const length = Math.max(1, block.text.length);
	const ratio = Math.min(1, Math.max(0, anchor.offset / length));
	return block.start + Math.round(ratio * (block.end - block.start));
}

/** The anchor for a source offset: the block holding it (or the next one), offset proportional. */
export function sourceToAnchor(story: Story, source: number): Anchor {
	const blocks = story.blocks;
	if (blocks.length === 0) return { block: 0, offset: 0 };
	let low = 0;
	let high = blocks.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if ((blocks[mid] as Block).start <= source) low = mid;
		else high = mid - 1;
	}
	const block = blocks[low] as Block;
	const span = Math.max(1, block.end - block.start);
	const ratio = Math.min(1, Math.max(0, (source - block.start) / span));
	const offset = Math.min(block.text.length, Math.round(ratio * block.text.length));
	return { block: low, offset };
}

export function percentAt(story: Story, anchor: Anchor): number {
	if (story.sourceLength === 0) return 0;
	return Math.min(100, (anchorToSource(story, anchor) / story.sourceLength) * 100);
}
