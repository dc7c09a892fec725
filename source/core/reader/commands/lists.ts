// The lists: contents (t), the notes list (A) and the library, moved a row or a screen at a time;
// Enter goes to the selected row's place, or opens the selected story.

import type { CommandId } from "../../keymap.js";
import { contentsRows, NotesCollector } from "../../outline.js";
import { reachChapterAt } from "../../places.js";
import { cleared, contextOf, goTo, type Handler, hereOf, readerCommand, withReading } from "../reading.js";
import type { Reading } from "../state.js";
import { libraryMove, libraryOpen, listRoom, scanFolder } from "./library.js";

/** Pieces of a long story whose notes are read at once when the notes list opens (the rest in the background). */
const NOTES_AT_OPEN = 8;

/** The contents' rows at the reading position. */
export function contentsOf(reading: Reading, here: number) {
	return contentsRows(reading.pages.contents(), reading.opened.document.size, here);
}

type Move = (index: number, room: number, length: number) => number;

const MOVES: Record<"list.down" | "list.up" | "list.pageDown" | "list.pageUp" | "list.first" | "list.last", Move> = {
	"list.down": (index) => index + 1,
	"list.up": (index) => index - 1,
	"list.pageDown": (index, room) => index + room,
	"list.pageUp": (index, room) => index - room,
	"list.first": () => 0,
	"list.last": (_index, _room, length) => length - 1,
};

function clampRow(index: number, length: number): number {
	return Math.max(0, Math.min(length - 1, index));
}

/** A relative move of the selection in whichever list is on screen. */
function listMove(command: keyof typeof MOVES): Handler {
	const move = MOVES[command];
	return (state) => {
		if (state.screen === "library") return libraryMove(state, move);
		const { view } = contextOf(state);
		return withReading(state, (reading) => {
			const length =
				reading.mode === "contents" ? reading.pages.contents().length : (reading.notes?.entries.length ?? 0);
			return { ...reading, listIndex: clampRow(move(reading.listIndex, listRoom(view.height), length), length) };
		});
	};
}

/** Enter: open the selected story, or go to the selected chapter or note. */
const openRow: Handler = (state) => {
	if (state.screen === "library") return libraryOpen(state);
	return readerCommand((reading, { view }) => {
		const here = hereOf(reading, view);
		const closed: Reading = { ...cleared(reading), mode: "read" };
		if (reading.mode === "contents") {
			const chapter = contentsOf(reading, here.sourceOffset)[reading.listIndex];
			return chapter ? goTo(closed, reachChapterAt(reading.opened.document, chapter.start), here) : reading;
		}
		const note = reading.notes?.entries[reading.listIndex];
		return note ? goTo(closed, note.target, here) : reading;
	})(state, { name: "return" });
};

function openContents(reading: Reading, here: number): Reading {
	const rows = contentsOf(reading, here);
	const current = rows.findIndex((row) => row.current);
	return { ...cleared(reading), mode: "contents", listIndex: Math.max(0, current >= 0 ? current : rows.length - 1) };
}

function openNotesList(reading: Reading, here: number): Reading {
	let notes = reading.notes ?? new NotesCollector(reading.opened.document);
	for (let count = 0; count < NOTES_AT_OPEN && !notes.done; count++) notes = notes.advance();
	const before = notes.entries.findLastIndex((entry) => entry.start <= here);
	return { ...cleared(reading), mode: "notes-list", notes, listIndex: Math.max(0, before) };
}

/** The folder a path is in (paths reaching the reader are absolute; standard input has none). */
export function folderOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash > 0 ? path.slice(0, slash) : slash === 0 ? "/" : ".";
}

/** L: the library of the story's folder, the story selected (or kept where it was in the same folder). */
const openLibrary: Handler = (state) => {
	const folder = state.reading ? folderOf(state.reading.opened.path) : state.library.folder;
	const scanned = scanFolder(state, folder);
	if (!state.reading || folder === state.library.folder) return scanned;
	return { ...scanned, library: { ...scanned.library, selected: state.reading.opened.path } };
};

export const LIST_COMMANDS = {
	"list.down": listMove("list.down"),
	"list.up": listMove("list.up"),
	"list.pageDown": listMove("list.pageDown"),
	"list.pageUp": listMove("list.pageUp"),
	"list.first": listMove("list.first"),
	"list.last": listMove("list.last"),
	"list.open": openRow,
	"contents.open": readerCommand((reading, { view }) => openContents(reading, hereOf(reading, view).sourceOffset)),
	"notes-list.open": readerCommand((reading, { view }) => openNotesList(reading, hereOf(reading, view).sourceOffset)),
	"library.open": openLibrary,
} satisfies Partial<Record<CommandId, Handler>>;
