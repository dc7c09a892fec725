// A story as the reader sees it: a window of blocks around the reading position, from a document
// that is either whole (small files, structured formats) or read in pieces (long text files).

import type { Block, Chapter, Note, Story } from "./story.js";

export interface StoryWindow {
	story: Story;
	/** The document pieces (pieces) the window covers, for recentring and page counting. */
	firstPiece: number;
	lastPiece: number;
}

export interface StoryDocument {
	/** Length of the source (bytes of a text file, characters of a decoded one). */
	readonly size: number;
	readonly pieceCount: number;
	/** The piece k of the document on its own. */
	piece(index: number): Story;
	/**
	 * The piece k for a pass over the whole document (counting pages, a search, the notes list):
	 * taken from the cache when there but never put in it, so a pass keeps the pieces being read.
	 */
	scan(index: number): Story;
	/** Which piece holds a source offset. */
	pieceOf(source: number): number;
	/**
	 * A window holding `source`, with `margin` pieces on each side (default 1). The first screen
	 * asks for no margin; the reader widens the window right after it is shown.
	 */
	windowAround(source: number, margin?: number): StoryWindow;
	/** The window of piece `piece` with `margin` pieces on each side (default 1). */
	windowOf(piece: number, margin?: number): StoryWindow;
	/** Every piece joined: for --print, --notes and --json. */
	whole(): Story;
}

/** A document that is one story (everything but long plain text). */
export function wholeDocument(story: Story): StoryDocument {
	const window: StoryWindow = { story, firstPiece: 0, lastPiece: 0 };
	return {
		size: story.sourceLength,
		pieceCount: 1,
		piece: () => story,
		scan: () => story,
		pieceOf: () => 0,
		windowAround: () => window,
		windowOf: () => window,
		whole: () => story,
	};
}

/**
 * Join consecutive pieces of one document into one story. A piece that continues the chapter
 * of the piece before it (no heading at its start) extends that chapter.
 */
export function joinStories(pieces: Story[]): Story {
	// An empty piece (the file ended right at a piece boundary) adds nothing, not even a chapter.
	const filled = pieces.filter((piece) => piece.blocks.length > 0);
	const parts = filled.length > 0 ? filled : pieces.slice(0, 1);
	const first = parts[0];
	if (!first) throw new Error("joinStories needs at least one piece");
	if (pieces.length === 1) return first;
	const blocks: Block[] = [];
	const chapters: Chapter[] = [];
	const notes: Note[] = [];
	let wordCount = 0;
	for (const part of parts) {
		const merge = part.continuesBefore === true && chapters.length > 0;
		const chapterBase = merge ? chapters.length - 1 : chapters.length;
		const blockBase = blocks.length;
		for (const block of part.blocks) blocks.push({ ...block, chapter: block.chapter + chapterBase });
		part.chapters.forEach((chapter, index) => {
			const moved = { ...chapter, firstBlock: chapter.firstBlock + blockBase, endBlock: chapter.endBlock + blockBase };
			const previous = chapters.at(-1);
			if (index === 0 && merge && previous) previous.endBlock = moved.endBlock;
			else chapters.push(moved);
		});
		for (const note of part.notes)
			notes.push({ ...note, chapter: note.chapter + chapterBase, block: note.block + blockBase });
		wordCount += part.wordCount;
	}
	const joined: Story = { ...first, blocks, chapters, notes, wordCount };
	if ((pieces.at(-1) as Story).continuesAfter) joined.continuesAfter = true;
	else delete joined.continuesAfter;
	return joined;
}
