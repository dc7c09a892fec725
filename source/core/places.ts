// Reaching a place anywhere in a document: a saved place, a block of a piece, or a source offset,
// each turned into a document-wide position.

import type { StoryDocument, StoryWindow } from "./document.js";
import { layoutBlock, lineIndexAt } from "./layout.js";
import { type Position, toPosition, windowAt } from "./position.js";
import { restorePlace, type SavedPlace } from "./resume.js";
import { type Anchor, type Story, sourceToAnchor } from "./story.js";

/** The window holding a source offset (the window of its piece). */
function windowHolding(document: StoryDocument, source: number): StoryWindow {
	return windowAt(document, document.pieceOf(source));
}

/** A saved place: found by offset and snippet (see resume.ts) in the window that holds its offset. */
export function reachPlace(document: StoryDocument, place: SavedPlace): Position {
	const window = windowHolding(document, place.sourceOffset);
	return toPosition(document, window, restorePlace(window.story, place));
}

/**
 * A source offset (go to a percent): the first line that starts at or after it, so the percent
 * shown afterwards is at least the one asked for.
 */
export function reachSource(document: StoryDocument, source: number, width: number): Position {
	const window = windowHolding(document, source);
	return toPosition(document, window, lineAtOrAfter(window.story, sourceToAnchor(window.story, source), width));
}

function lineAtOrAfter(story: Story, anchor: Anchor, width: number): Anchor {
	const lines = layoutBlock(story, anchor.block, width);
	const index = lineIndexAt(lines, anchor.offset);
	const line = lines[index];
	// Never a block's trailing blank row: the page would start with an empty line (a note of the
	// inline view ends inside the paragraph it follows, so a percent past it lands on its blank row).
	if (!line || (line.start >= anchor.offset && line.role !== "blank"))
		return { block: anchor.block, offset: line?.start ?? anchor.offset };
	const next = lines[index + 1];
	if (next && next.role !== "blank") return { block: anchor.block, offset: next.start };
	return anchor.block + 1 < story.blocks.length ? { block: anchor.block + 1, offset: 0 } : anchor;
}

/**
 * The start of the chapter that starts at `source`: its first block, the heading (not the first
 * block after `source`: the inline notes view puts a head note written above the heading, whose
 * offsets come before it, under it); else the first block that starts at or after `source`.
 */
export function reachChapterAt(document: StoryDocument, source: number): Position {
	const window = windowHolding(document, source);
	const chapter = window.story.chapters.find((candidate) => candidate.start === source);
	if (chapter) return toPosition(document, window, { block: chapter.firstBlock, offset: 0 });
	const { blocks } = window.story;
	let low = 0;
	let high = blocks.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if ((blocks[mid] as Story["blocks"][number]).start < source) low = mid + 1;
		else high = mid;
	}
	return toPosition(document, window, { block: Math.min(low, Math.max(0, blocks.length - 1)), offset: 0 });
}
