// The reader's state and its reducer: every command becomes a new anchor or a mode change.

import type { CommandId } from "./keymap.js";
import {
	firstPage,
	lastPage,
	lineDown,
	lineUp,
	nextChapter,
	nextPage,
	type Page,
	pageAt,
	previousChapter,
	previousPage,
	type Viewport,
} from "./paginate.js";
import type { Anchor, Story } from "./story.js";

export const MIN_MEASURE = 20;
export const MAX_MEASURE = 200;
export const MEASURE_STEP = 4;
export const DEFAULT_MEASURE = 80;

export type ReaderMode = "read" | "help" | "notes";

export interface ReaderState {
	anchor: Anchor;
	mode: ReaderMode;
	panelOpen: boolean;
	/** The readable measure: the most columns of text, whatever the terminal width. */
	measure: number;
	panelScroll: number;
	/** One-line message for the status bar, cleared by the next command. */
	message?: string;
	quitting: boolean;
}

export interface CommandContext {
	story: Story;
	view: Viewport;
	/** The panel cannot be shown at this width: `a` shows the notes over the text instead. */
	narrow: boolean;
}

export type ReaderAction =
	| { type: "command"; command: CommandId; context: CommandContext }
	| { type: "load"; state: ReaderState }
	| { type: "close-overlay" }
	| { type: "jump"; anchor: Anchor }
	| { type: "message"; text: string };

export function initialReaderState(
	anchor: Anchor,
	settings: { panelOpen: boolean; measure: number },
	message?: string,
): ReaderState {
	const state: ReaderState = {
		anchor,
		mode: "read",
		panelOpen: settings.panelOpen,
		measure: settings.measure,
		panelScroll: 0,
		quitting: false,
	};
	if (message) state.message = message;
	return state;
}

function move(state: ReaderState, target: Anchor | undefined, edgeMessage: string): ReaderState {
	if (!target) return { ...state, message: edgeMessage };
	return { ...state, anchor: target, panelScroll: 0, message: undefined };
}

function navigate(state: ReaderState, command: CommandId, context: CommandContext, page: Page): ReaderState {
	const { story, view } = context;
	const END = "End of the story";
	const START = "Start of the story";
	switch (command) {
		case "page.next":
			return move(state, nextPage(story, page, view), END);
		case "page.prev":
			return move(state, previousPage(story, page, view), START);
		case "line.down":
			return move(state, lineDown(story, page, view), END);
		case "line.up":
			return move(state, lineUp(story, page, view), START);
		case "story.first":
			return move(state, firstPage(), START);
		case "story.last":
			return move(state, lastPage(story, view), END);
		case "chapter.next":
			return move(state, nextChapter(story, page), "This is the last chapter");
		case "chapter.prev":
			return move(state, previousChapter(story, page), "This is the first chapter");
		default:
			return state;
	}
}

function withMeasure(state: ReaderState, measure: number): ReaderState {
	const clamped = Math.min(MAX_MEASURE, Math.max(MIN_MEASURE, measure));
	return {
		...state,
		measure: clamped,
		message: `Text width ${clamped} columns`,
	};
}

export function readerReducer(state: ReaderState, action: ReaderAction): ReaderState {
	switch (action.type) {
		case "load":
			return action.state;
		case "close-overlay":
			return { ...state, mode: "read" };
		case "jump":
			return { ...state, anchor: action.anchor, panelScroll: 0 };
		case "message":
			return { ...state, message: action.text };
		case "command":
			return runCommand(state, action.command, action.context);
	}
}

function runCommand(state: ReaderState, command: CommandId, context: CommandContext): ReaderState {
	const cleared = { ...state, message: undefined };
	switch (command) {
		case "app.quit":
			return { ...cleared, quitting: true };
		case "help.toggle":
			return { ...cleared, mode: state.mode === "help" ? "read" : "help" };
		case "overlay.close":
			return { ...cleared, mode: "read" };
		case "notes.toggle":
			if (context.narrow) return { ...cleared, mode: "notes" };
			return {
				...cleared,
				panelOpen: !state.panelOpen,
				message: state.panelOpen ? "Notes panel hidden" : "Notes panel shown",
			};
		case "notes.scrollDown":
			return { ...cleared, panelScroll: state.panelScroll + 1 };
		case "notes.scrollUp":
			return { ...cleared, panelScroll: Math.max(0, state.panelScroll - 1) };
		case "width.wider":
			return withMeasure(cleared, state.measure + MEASURE_STEP);
		case "width.narrower":
			return withMeasure(cleared, state.measure - MEASURE_STEP);
		default: {
			const page = pageAt(context.story, state.anchor, context.view);
			return navigate(cleared, command, context, page);
		}
	}
}
