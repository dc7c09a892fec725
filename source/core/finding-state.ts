// The reader state of finding your way: search prompt and matches, go-to, counts, lists, marks, jump list.
// Places outside the window are reached by the app (core/places.ts); this only records what was asked.

import { EMPTY_JUMPS, type JumpList, recordJump } from "./jump-list.js";
import type { CommandId } from "./keymap.js";
import { type Marks, setMark } from "./marks.js";
import { pageAt } from "./paginate.js";
import type { CommandContext, ReaderMode, ReaderState } from "./reader-state.js";
import { placeOf, type SavedPlace } from "./resume.js";
import type { Direction, SearchHit, SearchKey, SearchScope } from "./search.js";

/** A match being looked for; the search hook answers it as the document's pieces are searched. */
export interface Seek {
	key: SearchKey;
	direction: Direction;
	/** A match at `key` itself counts (the first match from where a search starts). */
	inclusive: boolean;
	/** Going to the match is a jump (n, N): the place left is recorded in the jump list. */
	record: boolean;
}

export interface SearchState {
	query: string;
	direction: Direction;
	scope: SearchScope;
	/** Where the search started: Esc returns here; confirming records it in the jump list. */
	origin: SavedPlace;
	originKey: SearchKey;
	hit?: SearchHit;
	seek?: Seek;
	/** The last search found nothing. */
	notFound?: boolean;
	/** The last move to a match went round the end of the story. */
	wrapped?: boolean;
	/** Matches are highlighted (Esc in the reader turns it off until the next n or N). */
	highlight: boolean;
	/** The status bar shows `match 3 of 41` until the next command. */
	showStatus: boolean;
	/** The search before this prompt opened: Esc restores it, Enter on an empty prompt repeats it. */
	previous?: SearchState;
}

export interface FindingState {
	/** Digits typed before a command: `50%`, `12g`. */
	count: string;
	/** The text typed at the search or go-to prompt. */
	prompt: string;
	search?: SearchState;
	jumps: JumpList;
	marks: Marks;
	/** The selected row of the contents or notes list. */
	listIndex: number;
	/** Ctrl+G: the status bar says where the page is, until the next command. */
	where: boolean;
}

export type FindingAction =
	| { type: "prompt-input"; text: string }
	| { type: "search-seek"; seek: Seek }
	| { type: "search-found"; hit?: SearchHit; wrapped?: boolean }
	| { type: "open-list"; mode: "contents" | "notes-list"; index: number }
	| { type: "list-select"; index: number }
	| { type: "set-mark"; name: string; place: SavedPlace }
	| { type: "jumps"; jumps: JumpList };

export function initialFinding(marks: Marks = {}): FindingState {
	return { count: "", prompt: "", jumps: EMPTY_JUMPS, marks, listIndex: 0, where: false };
}

/** The place at the top of the page, and the same place in document order. */
function here(state: ReaderState, context: CommandContext): { place: SavedPlace; key: SearchKey } {
	const top = pageAt(context.story, state.anchor, context.view).top;
	return {
		place: placeOf(context.story, top),
		key: { start: context.story.blocks[top.block]?.start ?? 0, from: top.offset },
	};
}

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

export function openSearch(state: ReaderState, direction: Direction, context: CommandContext): ReaderState {
	const from = here(state, context);
	const scope: SearchScope = state.mode === "notes" || state.mode === "notes-list" ? "notes" : "story";
	const search: SearchState = {
		query: "",
		direction,
		scope,
		origin: from.place,
		originKey: from.key,
		highlight: true,
		showStatus: false,
	};
	if (state.search) search.previous = { ...state.search, previous: undefined, seek: undefined };
	return { ...state, mode: "search", prompt: "", search };
}

/** Printable keys at a prompt: the search follows every letter (incremental search). */
export function typeInPrompt(state: ReaderState, text: string): ReaderState {
	const prompt = state.prompt + text;
	if (state.mode !== "search" || !state.search) return { ...state, prompt };
	return { ...state, prompt, search: withQuery(state.search, prompt) };
}

export function deleteInPrompt(state: ReaderState): ReaderState {
	const prompt = [...state.prompt].slice(0, -1).join("");
	if (state.mode !== "search" || !state.search) return { ...state, prompt };
	return { ...state, prompt, search: withQuery(state.search, prompt) };
}

export function confirmSearch(state: ReaderState): ReaderState {
	const search = state.search;
	if (!search) return { ...state, mode: "read" };
	let confirmed = search;
	if (!search.query && search.previous?.query) confirmed = withQuery(search, search.previous.query);
	if (!confirmed.query) return { ...state, mode: "read", prompt: "", search: search.previous };
	const found = confirmed.hit !== undefined || confirmed.seek !== undefined;
	return {
		...state,
		mode: "read",
		prompt: "",
		search: { ...confirmed, showStatus: true, previous: undefined },
		jumps: found ? recordJump(state.jumps, search.origin) : state.jumps,
	};
}

export function cancelSearch(state: ReaderState): ReaderState {
	const previous = state.search?.previous;
	return { ...state, mode: "read", prompt: "", search: previous ? { ...previous, showStatus: false } : undefined };
}

function openMode(state: ReaderState, mode: ReaderMode): ReaderState {
	return { ...state, mode, prompt: "" };
}

/** Commands of this module that need nothing but the state; undefined for the others. */
export function runFindingCommand(
	state: ReaderState,
	command: CommandId,
	context: CommandContext,
	key?: string,
): ReaderState | undefined {
	if (command === "count.digit") return { ...state, count: `${state.count}${key ?? ""}`.slice(-9), message: undefined };
	// Like any command, these end a count, a message and the Ctrl+G line.
	const fresh: ReaderState = { ...state, count: "", message: undefined, where: false };
	switch (command) {
		case "search.forward":
			return openSearch(fresh, "forward", context);
		case "search.backward":
			return openSearch(fresh, "backward", context);
		case "search.confirm":
			return confirmSearch(fresh);
		case "search.cancel":
			return cancelSearch(fresh);
		case "search.clear":
			return fresh.search ? { ...fresh, search: { ...fresh.search, highlight: false, showStatus: false } } : fresh;
		case "prompt.delete":
			return deleteInPrompt(fresh);
		case "goto.prompt":
			return openMode(fresh, "goto");
		case "marks.set":
			return openMode(fresh, "mark-set");
		case "marks.jump":
			return openMode(fresh, "mark-jump");
		case "where.show":
			return { ...fresh, where: true };
		case "goto.cancel":
			return { ...fresh, mode: "read", prompt: "" };
		default:
			return undefined;
	}
}

export function findingReducer(state: ReaderState, action: FindingAction): ReaderState {
	switch (action.type) {
		case "prompt-input":
			return typeInPrompt(state, action.text);
		case "search-seek":
			if (!state.search) return state;
			return { ...state, search: { ...state.search, seek: action.seek, highlight: true, showStatus: true } };
		case "search-found": {
			if (!state.search) return state;
			const { seek: _seek, ...search } = state.search;
			if (!action.hit) return { ...state, search: { ...search, notFound: true, wrapped: false } };
			return { ...state, search: { ...search, hit: action.hit, notFound: false, wrapped: action.wrapped === true } };
		}
		case "open-list":
			return { ...state, mode: action.mode, listIndex: Math.max(0, action.index), message: undefined };
		case "list-select":
			return { ...state, listIndex: Math.max(0, action.index) };
		case "set-mark":
			return {
				...state,
				mode: "read",
				marks: setMark(state.marks, action.name, action.place),
				message: `Mark ${action.name} set`,
			};
		case "jumps":
			return { ...state, jumps: action.jumps };
	}
}
