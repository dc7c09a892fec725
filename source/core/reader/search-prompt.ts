// The search as the reader types it: opening the prompt, each letter typed or deleted, Enter and Esc.
// Matches are looked for by the search run (settle.ts answers the seek as pieces are searched).

import { recordJump } from "../jump-list.js";
import type { Viewport } from "../paginate.js";
import { reachPlace } from "../places.js";
import type { Direction, SearchKey, SearchScope } from "../search.js";
import { goTo, hereOf, pageOf, windowOf } from "./reading.js";
import type { Reading, SearchState, Seek } from "./state.js";

function seekFromOrigin(search: SearchState): Seek {
	return {
		key: search.originKey,
		direction: search.direction,
		inclusive: search.direction === "forward",
		record: false,
	};
}

function withQuery(search: SearchState, query: string): SearchState {
	const { hit: _hit, notFound: _notFound, wrapped: _wrapped, ...rest } = search;
	return query ? { ...rest, query, seek: seekFromOrigin(search) } : { ...rest, query, seek: undefined };
}

/** The place at the top of the page in document order (where a search starts). */
export function topKey(reading: Reading, view: Viewport): SearchKey {
	const top = pageOf(reading, view).top;
	return { start: windowOf(reading).story.blocks[top.block]?.start ?? 0, from: top.offset };
}

export function openSearch(reading: Reading, direction: Direction, view: Viewport): Reading {
	const scope: SearchScope = reading.mode === "notes" || reading.mode === "notes-list" ? "notes" : "story";
	const search: SearchState = {
		query: "",
		direction,
		scope,
		origin: hereOf(reading, view),
		originKey: topKey(reading, view),
		highlight: true,
		showStatus: false,
	};
	if (reading.search) search.previous = { ...reading.search, previous: undefined, seek: undefined };
	return { ...reading, mode: "search", prompt: "", search };
}

/** Back to where the search started (Esc, an emptied prompt, a query that matches nothing). */
export function backToOrigin(reading: Reading): Reading {
	const origin = reading.search?.origin;
	return origin ? goTo(reading, reachPlace(reading.opened.document, origin)) : reading;
}

/** Printable keys at a prompt: the search follows every letter (incremental search). */
export function typeInPrompt(reading: Reading, text: string): Reading {
	const prompt = reading.prompt + text;
	if (reading.mode !== "search" || !reading.search) return { ...reading, prompt };
	return { ...reading, prompt, search: withQuery(reading.search, prompt) };
}

export function deleteInPrompt(reading: Reading): Reading {
	const prompt = [...reading.prompt].slice(0, -1).join("");
	if (reading.mode !== "search" || !reading.search) return { ...reading, prompt };
	const edited = { ...reading, prompt, search: withQuery(reading.search, prompt) };
	return prompt === "" ? backToOrigin(edited) : edited;
}

export function confirmSearch(reading: Reading): Reading {
	const search = reading.search;
	if (!search) return { ...reading, mode: "read" };
	let confirmed = search;
	if (!search.query && search.previous?.query) confirmed = withQuery(search, search.previous.query);
	if (!confirmed.query) return { ...reading, mode: "read", prompt: "", search: search.previous };
	const found = confirmed.hit !== undefined || confirmed.seek !== undefined;
	return {
		...reading,
		mode: "read",
		prompt: "",
		search: { ...confirmed, showStatus: true, previous: undefined },
		jumps: found ? recordJump(reading.jumps, search.origin) : reading.jumps,
	};
}

export function cancelSearch(reading: Reading): Reading {
	const back = backToOrigin(reading);
	const previous = back.search?.previous;
	return {
		...back,
		mode: "read",
		prompt: "",
		search: previous ? { ...previous, showStatus: false } : undefined,
	};
}
