// The reading position: one place in the whole document (piece, block, offset), and the windows of
// pieces around it that pages are laid out in (a cache derived from the position, never state).

import type { StoryDocument, StoryWindow } from "./document.js";
import type { Anchor } from "./story.js";

/** A place named by document piece, block index in that piece, and offset in the block's display text. */
export interface Position {
	piece: number;
	block: number;
	offset: number;
}

export const DOCUMENT_START: Position = { piece: 0, block: 0, offset: 0 };

/** Windows recently derived, per document and centre piece (a page turn reuses the same window). */
const windows = new WeakMap<StoryDocument, Map<string, StoryWindow>>();
const KEPT_WINDOWS = 4;

/**
 * The window around piece `piece`: `margin` pieces each side (0 only for the first screen, which
 * reads just the piece holding the place). The same window object comes back for the same piece.
 */
export function windowAt(document: StoryDocument, piece: number, margin = 1): StoryWindow {
	let kept = windows.get(document);
	if (!kept) {
		kept = new Map();
		windows.set(document, kept);
	}
	const key = `${piece}/${margin}`;
	let window = kept.get(key);
	if (window) {
		kept.delete(key);
	} else {
		window = document.windowOf(piece, margin);
		if (kept.size >= KEPT_WINDOWS) kept.delete(kept.keys().next().value as string);
	}
	kept.set(key, window);
	return window;
}

const basesCache = new WeakMap<StoryWindow, number[]>();

/** Where each piece's blocks begin in the window's story (the window joins its pieces in order). */
function blockBases(document: StoryDocument, window: StoryWindow): number[] {
	let bases = basesCache.get(window);
	if (!bases) {
		bases = [0];
		for (let piece = window.firstPiece; piece <= window.lastPiece; piece++)
			bases.push(
				(bases.at(-1) as number) +
					(window.firstPiece === window.lastPiece ? window.story.blocks.length : document.piece(piece).blocks.length),
			);
		basesCache.set(window, bases);
	}
	return bases;
}

/** The window's block index for block `block` of piece `piece`; undefined when the window lacks that piece. */
export function windowBlock(
	document: StoryDocument,
	window: StoryWindow,
	piece: number,
	block: number,
): number | undefined {
	if (piece < window.firstPiece || piece > window.lastPiece) return undefined;
	return (blockBases(document, window)[piece - window.firstPiece] as number) + block;
}

/** Which piece, and which block of it, a window's block is. */
export function pieceBlock(
	document: StoryDocument,
	window: StoryWindow,
	block: number,
): { piece: number; block: number } {
	const bases = blockBases(document, window);
	let index = 0;
	while (index + 2 < bases.length && block >= (bases[index + 1] as number)) index++;
	return { piece: window.firstPiece + index, block: block - (bases[index] as number) };
}

/** The position's anchor in a window that holds its piece (else the window's start). */
export function toAnchor(document: StoryDocument, window: StoryWindow, position: Position): Anchor {
	const block = windowBlock(document, window, position.piece, position.block);
	return block === undefined ? { block: 0, offset: 0 } : { block, offset: position.offset };
}

/** The document-wide position of an anchor in a window. */
export function toPosition(document: StoryDocument, window: StoryWindow, anchor: Anchor): Position {
	const at = pieceBlock(document, window, anchor.block);
	return { piece: at.piece, block: at.block, offset: anchor.offset };
}

export function samePosition(a: Position, b: Position): boolean {
	return a.piece === b.piece && a.block === b.block && a.offset === b.offset;
}
