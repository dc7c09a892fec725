// Reaching a place anywhere in a document: a saved place, a block of a piece, or a source offset,
// in the current window when it holds it, else in a new window around it.

import type { StoryDocument, StoryWindow } from "./document.js";
import { layoutBlock, lineIndexAt } from "./layout.js";
import { restorePlace, type SavedPlace } from "./resume.js";
import { type Anchor, type Story, sourceToAnchor } from "./story.js";

/** A place named by document piece, block index in that piece, and offset in the block's text. */
export interface CellAnchor {
	cell: number;
	block: number;
	offset: number;
}

export interface Reached {
	window: StoryWindow;
	anchor: Anchor;
}

const basesCache = new WeakMap<StoryWindow, number[]>();

/** Where each piece's blocks begin in the window's story (the window joins its pieces in order). */
function blockBases(document: StoryDocument, window: StoryWindow): number[] {
	let bases = basesCache.get(window);
	if (!bases) {
		bases = [0];
		for (let cell = window.firstCell; cell <= window.lastCell; cell++)
			bases.push(
				(bases.at(-1) as number) +
					(window.firstCell === window.lastCell ? window.story.blocks.length : document.cell(cell).blocks.length),
			);
		basesCache.set(window, bases);
	}
	return bases;
}

/** The window's block index for block `block` of piece `cell`; undefined when the window lacks that piece. */
export function windowBlock(
	document: StoryDocument,
	window: StoryWindow,
	cell: number,
	block: number,
): number | undefined {
	if (cell < window.firstCell || cell > window.lastCell) return undefined;
	return (blockBases(document, window)[cell - window.firstCell] as number) + block;
}

/** Which piece, and which block of it, a window's block is. */
export function cellBlock(
	document: StoryDocument,
	window: StoryWindow,
	block: number,
): { cell: number; block: number } {
	const bases = blockBases(document, window);
	let index = 0;
	while (index + 2 < bases.length && block >= (bases[index + 1] as number)) index++;
	return { cell: window.firstCell + index, block: block - (bases[index] as number) };
}

function holds(document: StoryDocument, window: StoryWindow, source: number): boolean {
	const cell = document.cellOf(source);
	return cell >= window.firstCell && cell <= window.lastCell;
}

/** A saved place: found by offset and snippet (see resume.ts) in the window that holds its offset. */
export function reachPlace(document: StoryDocument, window: StoryWindow, place: SavedPlace): Reached {
	const target = holds(document, window, place.sourceOffset) ? window : document.windowAround(place.sourceOffset);
	return { window: target, anchor: restorePlace(target.story, place) };
}

/** A block of a piece, exactly (no snippet needed: pieces are parsed the same way every time). */
export function reachCell(document: StoryDocument, window: StoryWindow, at: CellAnchor): Reached {
	const inWindow = windowBlock(document, window, at.cell, at.block);
	if (inWindow !== undefined) return { window, anchor: { block: inWindow, offset: at.offset } };
	const start = document.cell(at.cell).blocks[at.block]?.start ?? 0;
	const target = document.windowAround(start);
	return {
		window: target,
		anchor: { block: windowBlock(document, target, at.cell, at.block) ?? 0, offset: at.offset },
	};
}

/**
 * A source offset (go to a percent): the first line that starts at or after it, so the percent
 * shown afterwards is at least the one asked for.
 */
export function reachSource(document: StoryDocument, window: StoryWindow, source: number, width: number): Reached {
	const target = holds(document, window, source) ? window : document.windowAround(source);
	return { window: target, anchor: lineAtOrAfter(target.story, sourceToAnchor(target.story, source), width) };
}

function lineAtOrAfter(story: Story, anchor: Anchor, width: number): Anchor {
	const lines = layoutBlock(story, anchor.block, width);
	const index = lineIndexAt(lines, anchor.offset);
	const line = lines[index];
	if (!line || line.start >= anchor.offset) return { block: anchor.block, offset: line?.start ?? anchor.offset };
	const next = lines[index + 1];
	if (next && next.role !== "blank") return { block: anchor.block, offset: next.start };
	return anchor.block + 1 < story.blocks.length ? { block: anchor.block + 1, offset: 0 } : anchor;
}

/** The first block that starts at or after `source`: where a chapter that starts there begins. */
export function reachBlockAt(document: StoryDocument, window: StoryWindow, source: number): Reached {
	const target = holds(document, window, source) ? window : document.windowAround(source);
	const { blocks } = target.story;
	let low = 0;
	let high = blocks.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if ((blocks[mid] as Story["blocks"][number]).start < source) low = mid + 1;
		else high = mid;
	}
	return { window: target, anchor: { block: Math.min(low, Math.max(0, blocks.length - 1)), offset: 0 } };
}
