// The reader's state and its reducer: every command becomes a new anchor or a mode change.

import {
	type FindingAction,
	type FindingState,
	findingReducer,
	initialFinding,
	runFindingCommand,
} from "./finding-state.js";
import { recordJump } from "./jump-list.js";
import type { CommandId, Mode } from "./keymap.js";
import type { Marks } from "./marks.js";
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
import { placeOf, type SavedPlace } from "./resume.js";
import type { Anchor, Story } from "./story.js";

export const MIN_MEASURE = 20;
export const MAX_MEASURE = 200;
export const MEASURE_STEP = 4;
export const DEFAULT_MEASURE = 80;

/** The reader's modes: every keymap mode but the library's. */
export type ReaderMode = Exclude<Mode, "library">;

export interface ReaderState extends FindingState {
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
	| { type: "command"; command: CommandId; context: CommandContext; key?: string }
	| { type: "load"; state: ReaderState }
	| { type: "close-overlay" }
	/** `from`: the place left, recorded in the jump list (searches, marks, lists, go-to, g and G). */
	| { type: "jump"; anchor: Anchor; from?: SavedPlace }
	| { type: "message"; text: string }
	| FindingAction;

/** Commands whose move is a jump (recorded in the jump list), besides the finding commands. */
export function recordsJump(command: CommandId): boolean {
	return command === "story.first" || command === "story.last";
}

export function initialReaderState(
	anchor: Anchor,
	settings: { panelOpen: boolean; measure: number },
	message?: string,
	marks?: Marks,
): ReaderState {
	const state: ReaderState = {
		...initialFinding(marks),
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
			return { ...state, mode: "read", prompt: "" };
		case "jump":
			return {
				...state,
				anchor: action.anchor,
				panelScroll: 0,
				count: "",
				where: false,
				jumps: action.from ? recordJump(state.jumps, action.from) : state.jumps,
			};
		case "message":
			return { ...state, message: action.text, count: "" };
		case "command":
			return runCommand(state, action.command, action.context, action.key);
		default:
			return findingReducer(state, action);
	}
}

function runCommand(state: ReaderState, command: CommandId, context: CommandContext, key?: string): ReaderState {
	const found = runFindingCommand(state, command, context, key);
	if (found) return found;
	// Any other command ends a count and the search status (the highlights stay).
	const cleared: ReaderState = {
		...state,
		message: undefined,
		count: "",
		where: false,
		search: state.search?.showStatus ? { ...state.search, showStatus: false } : state.search,
	};
	switch (command) {
		case "app.quit":
			return { ...cleared, quitting: true };
		case "help.toggle":
			return { ...cleared, mode: state.mode === "help" ? "read" : "help" };
		case "info.toggle":
			return { ...cleared, mode: state.mode === "info" ? "read" : "info" };
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
			const moved = navigate(cleared, command, context, page);
			if (!recordsJump(command) || moved.anchor === cleared.anchor) return moved;
			return { ...moved, jumps: recordJump(state.jumps, placeOf(context.story, page.top)) };
		}
	}
}
