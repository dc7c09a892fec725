// Drives the reducer directly: a story opened from stories/, keys by name, background work run out.

import type { Page } from "../../../source/core/paginate.js";
import { contextOf, hereOf, pageOf, windowOf } from "../../../source/core/reader/reading.js";
import { type Action, initialState, reduce } from "../../../source/core/reader/reduce.js";
import type { AppState, KeyEvent, Reading } from "../../../source/core/reader/state.js";
import { openStory } from "../../../source/formats/open-story.js";

export const SETTINGS = { panelOpen: true, measure: 80 };

/** The reducer's state with a story open, as the app starts it (no saved place). */
export function readerOn(path: string, terminal = { columns: 80, rows: 12 }): AppState {
	return initialState({ terminal, settings: SETTINGS, story: { opened: openStory(path) }, folder: "stories" });
}

/** A key by its keymap name: one character types itself; `space` types a space. */
export function key(name: string): KeyEvent {
	if (name === "space") return { name, text: " " };
	return [...name].length === 1 ? { name, text: name } : { name };
}

/** Each key in an action of its own, as keys typed slowly arrive. */
export function press(state: AppState, ...names: string[]): AppState {
	return names.reduce((current, name) => reduce(current, { type: "keys", keys: [key(name)], at: 0 }), state);
}

/** All the keys in one action, as one write to the terminal delivers them. */
export function burst(state: AppState, ...names: string[]): AppState {
	return reduce(state, { type: "keys", keys: names.map(key), at: 0 });
}

/** Background work (page count, search, notes list) run to the end, as the app's timers would. */
export function runBackground(state: AppState): AppState {
	let current = state;
	for (let guard = 0; guard < 10_000; guard++) {
		const reading = current.reading;
		let action: Action | undefined;
		if (reading?.margin === 0) action = { type: "warm" };
		else if (reading && !reading.pages.done)
			action = { type: "counted", from: reading.pages, pages: reading.pages.advance(4) };
		else if (reading?.search?.run && !reading.search.run.done)
			action = { type: "searched", from: reading.search.run, run: reading.search.run.advance(4) };
		else if (reading?.mode === "notes-list" && reading.notes && !reading.notes.done)
			action = { type: "notes-read", from: reading.notes, notes: reading.notes.advance() };
		if (!action) return current;
		current = reduce(current, action);
	}
	throw new Error("background work never ended");
}

export function reading(state: AppState): Reading {
	if (!state.reading) throw new Error("no story open");
	return state.reading;
}

export function pageIn(state: AppState): Page {
	return pageOf(reading(state), contextOf(state).view);
}

/** The text of the page's first line that is not blank. */
export function topText(state: AppState): string {
	return pageIn(state).lines.find((line) => line.text.trim().length > 0)?.text ?? "";
}

export function placeIn(state: AppState) {
	return hereOf(reading(state), contextOf(state).view);
}

export function storyIn(state: AppState) {
	return windowOf(reading(state)).story;
}
