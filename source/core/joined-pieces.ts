// Walks a document's pieces one at a time as joinStories would join them, so output can be written piece by piece.

import type { StoryDocument } from "./document.js";
import type { Story } from "./story.js";

/** One piece with the place its chapters take in the joined story. */
export interface JoinedPiece {
	piece: Story;
	/** The joined story's index of the piece's first chapter. */
	chapterBase: number;
	/** The piece's first chapter goes on with the joined story's last chapter (same title, no break). */
	continuesChapter: boolean;
	/** The first piece that has blocks: the joined story's title, author, length come from it. */
	first: Story;
}

/** The pieces of a document in order, parsed one at a time (and not kept). */
export function* piecesOf(document: StoryDocument): Generator<Story> {
	for (let index = 0; index < document.pieceCount; index++) yield document.scan(index);
}

/** Each piece as joinStories places it: empty pieces add nothing, unless every piece is empty. */
export function* joinedPieces(pieces: Iterable<Story>): Generator<JoinedPiece> {
	let chapterCount = 0;
	let first: Story | undefined;
	let any: Story | undefined;
	for (const piece of pieces) {
		any ??= piece;
		if (piece.blocks.length === 0) continue;
		first ??= piece;
		const continuesChapter = piece.continuesBefore === true && chapterCount > 0;
		const chapterBase = continuesChapter ? chapterCount - 1 : chapterCount;
		yield { piece, chapterBase, continuesChapter, first };
		chapterCount = chapterBase + piece.chapters.length;
	}
	if (!first && any) yield { piece: any, chapterBase: 0, continuesChapter: false, first: any };
}
