// Saves a place as source offset + snippet, and finds it again even when the text has moved.

import { clampAnchor } from "./paginate.js";
import { type Anchor, anchorToSource, type Story, sourceToAnchor } from "./story.js";

const SNIPPET_LENGTH = 48;

export function snippetAt(story: Story, anchor: Anchor): string {
	const block = story.blocks[anchor.block];
	if (!block) return "";
	// A page can start on the blank line after a paragraph: the words that follow it find it again.
	if (anchor.offset >= block.text.length) return story.blocks[anchor.block + 1]?.text.slice(0, SNIPPET_LENGTH) ?? "";
	return block.text.slice(anchor.offset, anchor.offset + SNIPPET_LENGTH);
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
	const last = story.blocks.at(-1);
	if (
		last &&
		place.sourceOffset >= last.end &&
		!story.continuesAfter &&
		!story.blocks.some((block) => block.text.includes(place.snippet.trim()) && place.snippet.trim().length >= 8)
	) {
		// The story was cut short before the saved place: start at its last paragraph, not its last words.
		return { block: story.blocks.length - 1, offset: 0 };
	}
	const guess = clampAnchor(story, sourceToAnchor(story, place.sourceOffset));
	const snippet = place.snippet.trim();
	if (snippet.length < 8) return guess;
	const block = story.blocks[guess.block];
	if (block) {
		if (block.text.startsWith(place.snippet, guess.offset)) return guess;
		const atEnd = guess.offset >= block.text.length;
		if (atEnd && story.blocks[guess.block + 1]?.text.startsWith(place.snippet)) return guess;
		// The proportional offset can be a few characters off inside a long block: the nearest
		// occurrence close by wins (repetitive text holds the snippet many times).
		let near = -1;
		for (
			let at = block.text.indexOf(snippet, Math.max(0, guess.offset - SNIPPET_LENGTH));
			at >= 0 && at <= guess.offset + SNIPPET_LENGTH;
			at = block.text.indexOf(snippet, at + 1)
		) {
			if (near < 0 || Math.abs(at - guess.offset) < Math.abs(near - guess.offset)) near = at;
		}
		if (near >= 0) return { block: guess.block, offset: near };
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
