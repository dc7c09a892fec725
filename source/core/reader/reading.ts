// Derived views of the reading state (the window, the page, the place at its top) and the small
// moves every command module shares: go to a position, clear the one-shot status, edit the reading.

import type { StoryWindow } from "../document.js";
import { type Geometry, screenGeometry } from "../geometry.js";
import { recordJump } from "../jump-list.js";
import { keymapOf } from "../key-bindings.js";
import { type CommandId, displayKey } from "../keymap.js";
import type { Page, Viewport } from "../paginate.js";
import { pageAt } from "../paginate.js";
import { type Position, samePosition, toAnchor, windowAt } from "../position.js";
import type { NotesMode } from "../preferences.js";
import { placeOf, type SavedPlace } from "../resume.js";
import type { Anchor } from "../story.js";
import type { AppState, KeyEvent, Reading } from "./state.js";

/** What a command needs besides the reading: the text area, and whether the panel fits. */
export interface Context {
	view: Viewport;
	narrow: boolean;
}

export type Handler = (state: AppState, key: KeyEvent) => AppState;

/** How the notes are shown: the story's own choice (v, kept with its place), else the notes setting. */
export function notesModeOf(state: AppState): NotesMode {
	return state.reading?.notesMode ?? state.settings.notes ?? "panel";
}

/** The key that runs `command` while reading, as the help shows it (the keys setting may have moved it). */
export function readKeyOf(state: AppState, command: CommandId): string | undefined {
	const key = keymapOf(state.settings.keys)
		.bindings("read")
		.find((binding) => binding.command === command)?.keys[0];
	return key === undefined ? undefined : displayKey(key);
}

export function geometryOf(state: AppState): Geometry {
	const { terminal, settings } = state;
	const panel = settings.panelOpen && notesModeOf(state) === "panel";
	return screenGeometry(terminal.columns, terminal.rows, panel, settings.measure);
}

export function contextOf(state: AppState): Context {
	const geometry = geometryOf(state);
	return { view: { width: geometry.textWidth, height: geometry.textHeight }, narrow: geometry.narrow };
}

export function windowOf(reading: Reading): StoryWindow {
	return windowAt(reading.opened.document, reading.position.piece, reading.margin);
}

export function anchorOf(reading: Reading, window: StoryWindow = windowOf(reading)): Anchor {
	return toAnchor(reading.opened.document, window, reading.position);
}

const pages = new WeakMap<StoryWindow, Map<string, Page>>();
const KEPT_PAGES = 8;

/** The page at the reading position (laid out once per position and view). */
export function pageOf(reading: Reading, view: Viewport): Page {
	const window = windowOf(reading);
	const anchor = anchorOf(reading, window);
	let kept = pages.get(window);
	if (!kept) {
		kept = new Map();
		pages.set(window, kept);
	}
	const key = `${anchor.block}/${anchor.offset}/${view.width}/${view.height}`;
	let page = kept.get(key);
	if (!page) {
		page = pageAt(window.story, anchor, view);
		if (kept.size >= KEPT_PAGES) kept.delete(kept.keys().next().value as string);
		kept.set(key, page);
	}
	return page;
}

/** The place at the top of the page: what a jump leaves, what is saved. */
export function hereOf(reading: Reading, view: Viewport): SavedPlace {
	return placeOf(windowOf(reading).story, pageOf(reading, view).top);
}

/** Edit the reading (a no-op without one). */
export function withReading(state: AppState, edit: (reading: Reading) => Reading): AppState {
	return state.reading ? { ...state, reading: edit(state.reading) } : state;
}

/** A handler of the reader: runs only while a story is open. */
export function readerCommand(run: (reading: Reading, context: Context, key: KeyEvent) => Reading): Handler {
	return (state, key) => withReading(state, (reading) => run(reading, contextOf(state), key));
}

/** What any command ends: a count, a message, the Ctrl+G line, the search status (the highlights stay). */
export function cleared(reading: Reading): Reading {
	const search = reading.search?.showStatus ? { ...reading.search, showStatus: false } : reading.search;
	return { ...reading, message: undefined, count: "", where: false, search };
}

/** Go to a position; `from` (the place left) goes into the jump list. */
export function goTo(reading: Reading, position: Position, from?: SavedPlace): Reading {
	if (samePosition(position, reading.position)) return reading;
	return {
		...reading,
		position,
		panelScroll: 0,
		moved: true,
		jumps: from ? recordJump(reading.jumps, from) : reading.jumps,
	};
}

export function say(reading: Reading, message: string): Reading {
	return { ...reading, message };
}
