// What is on screen: the notes panel, the text width, the overlays (help, story info, notes), quitting.

import { keymapOf } from "../../key-bindings.js";
import type { CommandId } from "../../keymap.js";
import { clampMeasure, MEASURE_STEP } from "../../measure.js";
import { overlayMaxScroll } from "../overlay-lines.js";
import {
	cleared,
	contextOf,
	geometryOf,
	type Handler,
	notesModeOf,
	readerCommand,
	readKeyOf,
	windowOf,
	withReading,
} from "../reading.js";
import type { AppState, ReaderMode } from "../state.js";

function toggle(mode: ReaderMode): Handler {
	return readerCommand((reading) => ({
		...cleared(reading),
		mode: reading.mode === mode ? "read" : mode,
		overlayScroll: 0,
	}));
}

/** j and k in the help and the story info, as far as their lines go. */
function scrollOverlay(step: number): Handler {
	return (state) => {
		const { columns } = state.terminal;
		return withReading(state, (reading) => {
			if (reading.mode !== "help" && reading.mode !== "info") return reading;
			const story = windowOf(reading).story;
			const keymap = keymapOf(state.settings.keys);
			const most = overlayMaxScroll(reading.mode, story, keymap, columns, geometryOf(state).textHeight);
			return { ...reading, overlayScroll: Math.max(0, Math.min(most, reading.overlayScroll + step)) };
		});
	};
}

function measureBy(step: number): Handler {
	return (state) => {
		const measure = clampMeasure(state.settings.measure + step);
		const settings = { ...state.settings, measure };
		return withReading({ ...state, settings }, (reading) => ({
			...cleared(reading),
			message: `Text width ${measure} columns`,
		}));
	};
}

/** a: show or hide the panel; on a narrow screen, show the notes over the text. */
const toggleNotes: Handler = (state) => {
	const mode = notesModeOf(state);
	if (mode !== "panel") {
		const where = mode === "inline" ? "in the text" : "hidden";
		const key = readKeyOf(state, "notes.cycle");
		return withReading(state, (reading) => ({
			...cleared(reading),
			message: `Notes are ${where}${key ? `: ${key} shows them beside the page` : ""}`,
		}));
	}
	if (contextOf(state).narrow) return withReading(state, (reading) => ({ ...cleared(reading), mode: "notes" }));
	const panelOpen = !state.settings.panelOpen;
	return withReading({ ...state, settings: { ...state.settings, panelOpen } }, (reading) => ({
		...cleared(reading),
		message: panelOpen ? "Notes panel shown" : "Notes panel hidden",
	}));
};

export const VIEW_COMMANDS = {
	"notes.toggle": toggleNotes,
	"notes.scrollDown": readerCommand((reading) => ({ ...cleared(reading), panelScroll: reading.panelScroll + 1 })),
	"notes.scrollUp": readerCommand((reading) => ({
		...cleared(reading),
		panelScroll: Math.max(0, reading.panelScroll - 1),
	})),
	"width.wider": measureBy(MEASURE_STEP),
	"width.narrower": measureBy(-MEASURE_STEP),
	"help.toggle": toggle("help"),
	"info.toggle": toggle("info"),
	"overlay.scrollDown": scrollOverlay(1),
	"overlay.scrollUp": scrollOverlay(-1),
	"overlay.close": readerCommand((reading) => ({ ...cleared(reading), mode: "read", prompt: "" })),
	"app.quit": (state): AppState => ({ ...state, quitting: true }),
	"app.suspend": (state): AppState => ({ ...state, request: { kind: "suspend" } }),
} satisfies Partial<Record<CommandId, Handler>>;
