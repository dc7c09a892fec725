// Search matches to mark on screen: in the page's lines, and in the notes (a search of the notes).

import type { StoryDocument, StoryWindow } from "../document.js";
import { type Highlight, lineHighlights, type Range } from "../highlight.js";
import type { Page } from "../paginate.js";
import { pieceBlock } from "../position.js";
import type { Note } from "../story.js";
import type { SearchState } from "./state.js";

export function pageHighlights(
	document: StoryDocument,
	window: StoryWindow,
	page: Page,
	search: SearchState | undefined,
): Highlight[][] | undefined {
	const run = search?.run;
	if (!search?.highlight || run?.scope !== "story") return undefined;
	const current = search.hit;
	return lineHighlights(page.lines, (block): Range[] => {
		const at = pieceBlock(document, window, block);
		return (run.hitsIn(at.piece) ?? [])
			.filter((hit) => hit.item === at.block)
			.map((hit) => ({
				from: hit.from,
				to: hit.to,
				current: current?.piece === hit.piece && current.item === hit.item && current.from === hit.from,
			}));
	});
}

/** The matches in a note, for the panel (a search of the notes); undefined for other searches. */
export function noteMatches(
	document: StoryDocument,
	search: SearchState | undefined,
): ((note: Note) => Range[]) | undefined {
	const run = search?.run;
	if (!search?.highlight || run?.scope !== "notes") return undefined;
	return (note) =>
		(run.hitsIn(document.pieceOf(note.start)) ?? [])
			.filter((hit) => hit.start === note.start)
			.map((hit) => ({
				from: hit.from,
				to: hit.to,
				current: search.hit?.start === hit.start && search.hit.from === hit.from,
			}));
}
