// Saves a place as source offset + snippet, and finds it again even when the text has moved.

import { clampAnchor } from "./paginate.js";
import { type Anchor, anchorToSource, type Story, sourceToAnchor } from "./story.js";

const SNIPPET_LENGTH = 48;

export function snippetAt(story: Story, anchor: Anchor): string {
	const block = story.blocks[anchor.block];
	return block ? block.text.slice(anchor.offset, anchor.offset + SNIPPET_LENGTH) : "";
}

export interface SavedPlace {
	sourceOffset: number;
	snippet: string;
}

export function placeOf(story: Story, anchor: Anchor): SavedPlace {
	return {
		sourceOffset: anchorToSource(story, anchor),
		snippet: snippetAt(story, anchor),
	};
}

/**
 * The anchor for a saved place. The offset is trusted when the snippet is still there (or nearly);
 * otherwise the snippet is searched for and the occurrence nearest the old offset wins.
 */
export function restorePlace(story: Story, place: SavedPlace): Anchor {
	const guess = clampAnchor(story, sourceToAnchor(story, place.sourceOffset));
	const snippet = place.snippet.trim();
	if (snippet.length < 8) return guess;
	const block = story.blocks[guess.block];
	if (block) {
		// The proportional offset can be a few characters off inside a long block: look nearby first.
		const near = block.text.indexOf(snippet, Math.max(0, guess.offset - SNIPPET_LENGTH));
		if (near >= 0 && near <= guess.offset + SNIPPET_LENGTH) return { block: guess.block, offset: near };
	}
	let best: Anchor | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	story.blocks.forEach((candidate, index) => {
		const at = candidate.text.indexOf(snippet);
		if (at < 0) return;
		const distance = Math.abs(candidate.start - place.sourceOffset);
		if (distance < bestDistance) {
			best = { block: index, offset: at };
			bestDistance = distance;
		}
	});
	return best ?? guess;
}
