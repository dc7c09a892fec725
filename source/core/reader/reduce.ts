// The reader as one pure state machine: keys are folded one at a time, each resolved against the
// mode the key before left; background work and the app's answers to requests arrive as actions.

import { type ChapterNews, type ChapterPrint, compareChapters, firstNewChapter, sinceText } from "../chapter-news.js";
import { EMPTY_JUMPS } from "../jump-list.js";
import { keymapOf, preferenceProblems } from "../key-bindings.js";
import type { LibraryEntry } from "../library-rows.js";
import { isMarkName, readMarks } from "../marks.js";
import type { NotesCollector } from "../outline.js";
import { PageCounter } from "../page-count.js";
import { DOCUMENT_START, type Position, toPosition, windowAt } from "../position.js";
import { isNotesMode } from "../preferences.js";
import { restorePlace, type SavedPlace } from "../resume.js";
import type { SearchRun } from "../search.js";
import { HANDLERS } from "./commands/index.js";
import { entriesRead, listed, typeInFilter } from "./commands/library.js";
import { markJumpKey, markKey } from "./commands/marks.js";
import { openedShowing } from "./commands/notes.js";
import { listSeriesFolder } from "./commands/series.js";
import { withPaceLearned } from "./pace-learning.js";
import { contextOf, withReading } from "./reading.js";
import { typeInPrompt } from "./search-prompt.js";
import { settle } from "./settle.js";
import type { AppState, KeyEvent, OpenedDocument, Reading, Settings, Terminal } from "./state.js";

/** A story's saved place and marks, as the store keeps them, with the chapters the reader had. */
export interface SavedReading extends SavedPlace {
	marks?: unknown;
	percent?: number;
	chapters?: ChapterPrint[];
	notesMode?: unknown;
}

export type Action =
	| { type: "keys"; keys: KeyEvent[]; at: number }
	| { type: "resize"; terminal: Terminal }
	| { type: "opened"; opened: OpenedDocument; saved?: SavedReading; message?: string }
	| { type: "open-failed"; message: string }
	/** The folder as listed (names and kinds, records found by path), then its stories as they are read. */
	| { type: "library-listed"; folder: string; entries: LibraryEntry[]; message?: string }
	| { type: "library-read"; folder: string; entries: Array<Partial<LibraryEntry> & { path: string }> }
	/**
	 * Background work reports: pages counted, pieces searched, notes read further, each from the job
	 * value it started from (a report from a job the state has since replaced is dropped).
	 */
	| { type: "counted"; from: PageCounter; pages: PageCounter }
	| { type: "searched"; from: SearchRun; run: SearchRun }
	| { type: "notes-read"; from: NotesCollector; notes: NotesCollector }
	/** The first screen is shown: read the pieces around the place too. */
	| { type: "warm" }
	/** Back from the shell after Ctrl+Z. */
	| { type: "resumed" }
	/** Something the store has to say (a save that failed, a damaged record set aside). */
	| { type: "warned"; message: string }
	/** The story's record changed on disk: another device's reader is further on, at `place`. */
	| { type: "read-elsewhere"; device: string; place: SavedPlace };

/**
 * Where a story opens: at its saved place (the snippet finds it when chapters were inserted before
 * it), or, for a reader who had read to the end and now has new chapters, at the first new one.
 */
function startPosition(opened: OpenedDocument, saved: SavedReading | undefined, news?: ChapterNews): Position {
	if (!saved) return DOCUMENT_START;
	const { document } = opened;
	// Only the piece holding the place is read before the first screen.
	const window = windowAt(document, document.pieceOf(saved.sourceOffset), 0);
	const anchor = restorePlace(window.story, saved);
	const chapters = window.story.chapters;
	const current = window.story.blocks[anchor.block]?.chapter ?? 0;
	const next = news && (saved.percent ?? 0) >= 100 ? firstNewChapter(news, current) : undefined;
	const start = next === undefined ? undefined : chapters[next];
	return toPosition(document, window, start ? { block: start.firstBlock, offset: 0 } : anchor);
}

/** What changed since the record's chapters, when anything did (news are only known for stories read whole). */
function newsOf(opened: OpenedDocument, saved: SavedReading | undefined): ChapterNews | undefined {
	const now = opened.work?.chapters;
	if (!saved?.chapters || !now) return undefined;
	const news = compareChapters(saved.chapters, now);
	return news.added > 0 || news.revised > 0 ? news : undefined;
}

function openReading(state: AppState, given: OpenedDocument, saved?: SavedReading, warning?: string): Reading {
	// The story's own choice (v), when its record has one fic knows.
	const own = isNotesMode(saved?.notesMode) ? saved.notesMode : undefined;
	const opened = openedShowing(given, own ?? state.settings.notes ?? "panel");
	const news = newsOf(opened, saved);
	const message = warning ?? (news && sinceText(news));
	const reading: Reading = {
		opened,
		position: startPosition(opened, saved, news),
		margin: 0,
		mode: "read",
		count: "",
		prompt: "",
		jumps: EMPTY_JUMPS,
		marks: readMarks(saved?.marks),
		listIndex: 0,
		where: false,
		panelScroll: 0,
		overlayScroll: 0,
		pages: new PageCounter(opened.document, contextOf(state).view),
		moved: false,
		shownAt: state.lastKeyAt,
	};
	if (news) reading.news = news;
	if (message) reading.message = message;
	if (own) reading.notesMode = own;
	return reading;
}

export interface Start {
	terminal: Terminal;
	settings: Settings;
	/** A story opened before the first screen, or the folder whose library to show. */
	story?: { opened: OpenedDocument; saved?: SavedReading; message?: string };
	folder: string;
	message?: string;
}

/** What was wrong in config.json's keys, theme and notes, in one line for the first screen. */
function settingsProblems(settings: Settings): string | undefined {
	const problems = preferenceProblems(settings);
	return problems.length > 0 ? `config.json: ${problems.join("; ")}` : undefined;
}

export function initialState(start: Start): AppState {
	const said = [start.message ?? start.story?.message, settingsProblems(start.settings)].filter(Boolean);
	const message = said.length > 0 ? said.join(" · ") : undefined;
	const base: AppState = {
		terminal: start.terminal,
		settings: start.settings,
		screen: start.story ? "reader" : "library",
		library: {
			folder: start.folder,
			filter: "",
			filtering: false,
			...(message && !start.story ? { message } : {}),
		},
		queued: [],
		lastKeyAt: 0,
		quitting: false,
	};
	if (!start.story) return { ...base, request: { kind: "scan", folder: start.folder } };
	const { opened, saved } = start.story;
	return listSeriesFolder(settle({ ...base, reading: openReading(base, opened, saved, message) }));
}

/** Keys in a mode that no command takes: typed at a prompt, a mark's letter, or closing an overlay. */
function unboundKey(state: AppState, key: KeyEvent): AppState {
	if (state.screen === "library") return state.library.filtering && key.text ? typeInFilter(state, key.text) : state;
	const context = contextOf(state);
	return withReading(state, (reading) => {
		switch (reading.mode) {
			case "search":
			case "goto":
				return key.text ? typeInPrompt(reading, key.text) : reading;
			case "mark-set":
				return markKey(reading, context, key);
			case "mark-jump":
				return markJumpKey(reading, context, key);
			case "read":
				return reading;
			default:
				return { ...reading, mode: "read", prompt: "" };
		}
	});
}

function reduceKey(state: AppState, key: KeyEvent): AppState {
	if (state.quitting) return state;
	const library = state.library.filtering ? "library-filter" : "library";
	const mode = state.screen === "library" ? library : (state.reading?.mode ?? "read");
	if (state.screen === "reader" && !state.reading) return state;
	// A mark's letter after m or ' is not a command, even where a letter has one.
	const markLetter = (mode === "mark-set" || mode === "mark-jump") && isMarkName(key.name);
	const command = markLetter ? undefined : keymapOf(state.settings.keys).resolve(mode, key.name);
	const next = command ? HANDLERS[command](state, key) : unboundKey(state, key);
	return settle(withPaceLearned(state, next, command));
}

/** Keys are folded one by one; while the app works on a request (opening a story) they wait their turn. */
function reduceKeys(state: AppState, keys: KeyEvent[]): AppState {
	let next = state;
	for (const key of keys) {
		if (next.request || next.queued.length > 0) next = { ...next, queued: [...next.queued, key] };
		else next = reduceKey(warm(next), key);
	}
	return next;
}

function warm(state: AppState): AppState {
	return state.reading?.margin === 0 ? withReading(state, (reading) => ({ ...reading, margin: 1 })) : state;
}

/** A request answered: the keys that waited for it go on. */
function answered(state: AppState): AppState {
	const { queued } = state;
	const { request: _done, ...rest } = state;
	return reduceKeys({ ...rest, queued: [] }, queued);
}

export function reduce(state: AppState, action: Action): AppState {
	switch (action.type) {
		case "keys":
			return reduceKeys({ ...state, lastKeyAt: action.at }, action.keys);
		case "resize":
			return settle({ ...state, terminal: action.terminal });
		case "opened":
			return listSeriesFolder(
				answered(
					settle({
						...state,
						screen: "reader",
						reading: openReading(state, action.opened, action.saved, action.message),
					}),
				),
			);
		case "open-failed":
			return answered({ ...state, library: { ...state.library, message: action.message } });
		case "library-listed":
			return answered(listed(state, action.folder, action.entries, action.message));
		case "library-read":
			return entriesRead(state, action.folder, action.entries);
		case "counted":
			return withReading(state, (reading) =>
				reading.pages === action.from ? { ...reading, pages: action.pages } : reading,
			);
		case "searched":
			return settle(
				withReading(state, (reading) => {
					const search = reading.search;
					return search?.run === action.from ? { ...reading, search: { ...search, run: action.run } } : reading;
				}),
			);
		case "notes-read":
			return withReading(state, (reading) =>
				reading.notes === action.from ? { ...reading, notes: action.notes } : reading,
			);
		case "warm":
			return warm(state);
		case "resumed":
			return answered(state);
		case "warned":
			return state.screen === "reader" && state.reading
				? withReading(state, (reading) => ({ ...reading, message: action.message }))
				: { ...state, library: { ...state.library, message: action.message } };
		case "read-elsewhere":
			return withReading(state, (reading) => ({
				...reading,
				elsewhere: { device: action.device, place: action.place },
			}));
	}
}
