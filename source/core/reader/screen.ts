// What the screen shows, derived from the state once per render: the page, its notes, the status
// bar, the prompt, and any overlay or list over the page.

import { chapterFacts } from "../chapter-facts.js";
import type { Geometry } from "../geometry.js";
import type { Highlight, Range } from "../highlight.js";
import { keymapOf } from "../key-bindings.js";
import { wordsPerMinute } from "../pace.js";
import type { Page } from "../paginate.js";
import { notesForPage, type PanelNotes } from "../panel-notes.js";
import { type StatusParts, statusParts } from "../status.js";
import type { Note, Story } from "../story.js";
import { nextPart, nextPartText } from "./commands/series.js";
import { noteMatches, pageHighlights } from "./highlights.js";
import { type ListView, listView } from "./lists-view.js";
import { type HelpRow, helpRows } from "./overlay-lines.js";
import { geometryOf, hereOf, notesModeOf, pageOf, readKeyOf, windowOf } from "./reading.js";
import type { AppState, Reading } from "./state.js";
import { searchStatus, statusInfo } from "./status-info.js";

export interface Prompt {
	/** "/" or "?" for a search, ":" for go to. */
	prefix: string;
	text: string;
	info?: string;
}

export interface ReaderScreen {
	geometry: Geometry;
	/** The window's story the page is laid out in. */
	story: Story;
	page: Page;
	panel: PanelNotes;
	panelScroll: number;
	/** How far the help or story info is scrolled. */
	overlayScroll: number;
	status: StatusParts;
	message?: string;
	info?: string;
	prompt?: Prompt;
	overlay?: "help" | "info" | "notes";
	/** The help's rows, with the keys in force. */
	help?: HelpRow[];
	/** The story as the info overlay shows it (a long text story's words and chapters estimated). */
	infoStory?: Story;
	list?: ListView;
	highlights?: Highlight[][];
	noteMatches?: (note: Note) => Range[];
}

/**
 * A long text story is read in pieces: its words are the first piece's rate scaled to the file,
 * and its chapters are known once counted.
 */
function storyForInfo(reading: Reading, story: Story): Story {
	const { document } = reading.opened;
	if (document.pieceCount === 1) return story;
	const first = document.piece(0);
	const scale = document.size / Math.max(1, first.blocks.at(-1)?.end ?? 1);
	const chapters = reading.pages.done ? String(reading.pages.contents().length) : "still counting";
	const info = { ...story.info, stats: { ...story.info?.stats, Chapters: chapters } };
	return { ...story, wordCount: Math.round(first.wordCount * scale), info };
}

function promptOf(reading: Reading): Prompt | undefined {
	if (reading.mode === "search") {
		const info = searchStatus(reading);
		const prefix = reading.search?.direction === "backward" ? "?" : "/";
		return { prefix, text: reading.prompt, ...(info ? { info } : {}) };
	}
	if (reading.mode === "goto") return { prefix: ":", text: reading.prompt, info: "a page, or a percent like 50%" };
	return undefined;
}

const OVERLAYS = { help: "help", info: "info", notes: "notes" } as const;

export function readerScreen(state: AppState, reading: Reading): ReaderScreen {
	const geometry = geometryOf(state);
	const view = { width: geometry.textWidth, height: geometry.textHeight };
	const window = windowOf(reading);
	const page = pageOf(reading, view);
	const here = hereOf(reading, view);
	const { document } = reading.opened;
	const screen: ReaderScreen = {
		geometry,
		story: window.story,
		page,
		// Notes in the text or hidden: none beside the page, nor over it.
		panel: notesModeOf(state) === "panel" ? notesForPage(window.story, page) : { notes: [], current: false },
		panelScroll: reading.panelScroll,
		overlayScroll: reading.overlayScroll,
		status: statusParts(
			window.story,
			page,
			reading.pages.pageNumber(window, page),
			chapterFacts(document, window, page, reading.pages, reading.position.piece),
			wordsPerMinute(state.settings.pace),
		),
	};
	const info = statusInfo(reading, window, page, here, state.settings.pace, readKeyOf(state, "place.elsewhere"));
	if (info) screen.info = info;
	if (reading.message) screen.message = reading.message;
	// The last page of a part of a series offers the next part, when the library holds it.
	const next =
		page.endsChapter && page.chapter === window.story.chapters.length - 1 && !window.story.continuesAfter
			? nextPart(state)
			: undefined;
	if (next) {
		const offer = nextPartText(next, readKeyOf(state, "series.next"));
		screen.info = offer;
		if (reading.message) screen.message = `${reading.message} · ${offer}`;
	}
	const prompt = promptOf(reading);
	if (prompt) screen.prompt = prompt;
	const overlay = OVERLAYS[reading.mode as keyof typeof OVERLAYS];
	if (overlay) screen.overlay = overlay;
	if (overlay === "help") screen.help = helpRows(keymapOf(state.settings.keys));
	if (overlay === "info") screen.infoStory = storyForInfo(reading, window.story);
	const list = listView(reading, here.sourceOffset);
	if (list) screen.list = list;
	const highlights = pageHighlights(document, window, page, reading.search);
	if (highlights) screen.highlights = highlights;
	const matches = noteMatches(document, reading.search);
	if (matches) screen.noteMatches = matches;
	return screen;
}
