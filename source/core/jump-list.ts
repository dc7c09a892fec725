// The jump list: the places left by the last 100 jumps, walked back and forth like vim's Ctrl+O / Ctrl+I.

import type { SavedPlace } from "./resume.js";

export const MAX_JUMPS = 100;

export interface JumpList {
	places: SavedPlace[];
	/** Where Ctrl+O / Ctrl+I stand in `places`; `places.length` when not walking the list. */
	index: number;
}

export const EMPTY_JUMPS: JumpList = { places: [], index: 0 };

function same(a: SavedPlace, b: SavedPlace): boolean {
	return a.sourceOffset === b.sourceOffset;
}

/** A jump is leaving `from`: it becomes the newest entry (an older entry for the same place is dropped). */
export function recordJump(list: JumpList, from: SavedPlace): JumpList {
	const places = [...list.places.filter((place) => !same(place, from)), from].slice(-MAX_JUMPS);
	return { places, index: places.length };
}

/** Ctrl+O: the place before; `here` is kept first when starting to walk back, so Ctrl+I returns to it. */
export function jumpBack(list: JumpList, here: SavedPlace): { list: JumpList; target: SavedPlace } | undefined {
	let { places, index } = list;
	if (index >= places.length) {
		places = [...places.filter((place) => !same(place, here)), here].slice(-MAX_JUMPS);
		index = places.length - 1;
	}
	const target = places[index - 1];
	if (!target) return undefined;
	return { list: { places, index: index - 1 }, target };
}

/** Ctrl+I: the place after, back towards the newest. */
export function jumpForward(list: JumpList): { list: JumpList; target: SavedPlace } | undefined {
	const target = list.places[list.index + 1];
	if (!target) return undefined;
	return { list: { places: list.places, index: list.index + 1 }, target };
}

/** `''`: the place the latest jump left (not `here` itself); going there is a jump, so `''` again comes back. */
export function previousPlace(list: JumpList, here: SavedPlace): SavedPlace | undefined {
	return list.places.findLast((place) => !same(place, here));
}
