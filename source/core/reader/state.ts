// The reader's whole state, one value: the screen, the story being read and its place, the
// prompts, lists and overlays, the library, and the requests the app carries out.

import type { ChapterNews } from "../chapter-news.js";
import type { StoryDocument } from "../document.js";
import type { JumpList } from "../jump-list.js";
import type { Mode } from "../keymap.js";
import type { LibraryEntry } from "../library-rows.js";
import type { Marks } from "../marks.js";
import type { NotesCollector } from "../outline.js";
import type { Pace } from "../pace.js";
import type { PageCounter } from "../page-count.js";
import type { Position } from "../position.js";
import type { NotesMode, Preferences } from "../preferences.js";
import type { SavedPlace } from "../resume.js";
import type { Direction, SearchHit, SearchKey, SearchRun, SearchScope } from "../search.js";
import type { Work } from "../work.js";

/** One key as the reducer sees it: its keymap name, and the character it types at a prompt. */
export interface KeyEvent {
	name: string;
	/** Printable keys only: what the key types (named keys like `return` type nothing). */
	text?: string;
}

export interface Terminal {
	columns: number;
	rows: number;
}

/** What fic saves itself (panel, width), and what the person wrote in config.json (keys, theme, notes). */
export interface Settings extends Preferences {
	panelOpen: boolean;
	/** The readable measure: the most columns of text, whatever the terminal width. */
	measure: number;
	/** The reader's pace as learned from the pages read (core/pace.ts). */
	pace?: Pace;
}

/** A story as opened by the app (formats/open-story.ts gives more; this is what the reader needs). */
export interface OpenedDocument {
	document: StoryDocument;
	path: string;
	fingerprint: string;
	/** The work the file names and its chapters (formats/open-story.ts); older callers may leave it out. */
	work?: Work;
}

/** A match being looked for; answered as the document's pieces are searched. */
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
	/** The search over the document for `query` (none for an empty query), and what it was started for. */
	run?: SearchRun;
	runFor?: string;
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

export type ReaderMode = Exclude<Mode, "library" | "library-filter">;

export interface Reading {
	opened: OpenedDocument;
	position: Position;
	/** Pieces read on each side of the position: 0 until the first screen is shown, then 1. */
	margin: 0 | 1;
	mode: ReaderMode;
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
	panelScroll: number;
	/** How far the help or the story info is scrolled. */
	overlayScroll: number;
	/** One-line message for the status bar, cleared by the next command. */
	message?: string;
	/** Pages counted for the current text width and height. */
	pages: PageCounter;
	/** The notes list's entries, collected while it is open. */
	notes?: NotesCollector;
	/** The reader has moved (or set a mark) since the story was opened: only then is the place saved. */
	moved: boolean;
	/** What was new or revised when the story was opened, against the chapters its record had. */
	news?: ChapterNews;
	/** When the page at the position was reached (a key's time, ms): how long it was read, for the pace. */
	shownAt?: number;
	/** This story's own way of showing its notes (v, or its record); `opened.document` shows them so. */
	notesMode?: NotesMode;
	/** A newer place reached on another device while this story is open: offered until the reader goes there. */
	elsewhere?: { device: string; place: SavedPlace };
}

export interface Library {
	folder: string;
	/** In the folder's order; undefined while the folder is being listed. */
	entries?: LibraryEntry[];
	/** The selected entry, by path (rows move as files are read and as the filter changes). */
	selected?: string;
	/** What was typed after / : only the stories whose title, author or file name hold it are shown. */
	filter: string;
	/** The / prompt is open: keys type into the filter. */
	filtering: boolean;
	message?: string;
}

/** Work the app does for the reducer (reading files); keys that arrive meanwhile wait in `queued`. */
export type Request = { kind: "open"; path: string } | { kind: "scan"; folder: string } | { kind: "suspend" };

export interface AppState {
	terminal: Terminal;
	settings: Settings;
	screen: "reader" | "library";
	reading?: Reading;
	library: Library;
	request?: Request;
	queued: KeyEvent[];
	/** When the last key arrived (ms): background work steps aside for a moment after it. */
	lastKeyAt: number;
	quitting: boolean;
}
