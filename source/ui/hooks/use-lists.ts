// The contents and notes lists: their rows (filled in as the document is walked) and their keys.

import { type Dispatch, useMemo } from "react";
import type { CommandId } from "../../core/keymap.js";
import { contentsRows, NotesCollector } from "../../core/outline.js";
import type { PageCounter } from "../../core/page-count.js";
import { reachBlockAt, reachCell } from "../../core/places.js";
import type { ReaderAction, ReaderState } from "../../core/reader-state.js";
import { type ListRow, listRoom } from "../components/list-overlay.js";
import type { Go, Where } from "./use-search.js";
import { SLICE_MS, useStepping } from "./use-stepping.js";

const KIND_LABELS = { head: "before", tail: "after", inline: "in text", chapter: "chapter", metadata: "info" };

/** A list on screen: its rows, title and the line under them. */
export interface FindingList {
	title: string;
	rows: ListRow[];
	footer: string;
	empty: string;
}

const MOVES: Partial<Record<CommandId, (index: number, room: number, length: number) => number>> = {
	"list.down": (index) => index + 1,
	"list.up": (index) => index - 1,
	"list.pageDown": (index, room) => index + room,
	"list.pageUp": (index, room) => index - room,
	"list.first": () => 0,
	"list.last": (_index, _room, length) => length - 1,
};

export function useLists(
	where: Where | undefined,
	counter: PageCounter | undefined,
	reader: ReaderState,
	dispatch: Dispatch<ReaderAction>,
	go: Go,
	height: number,
) {
	const document = where?.document;
	const collector = useMemo(() => (document ? new NotesCollector(document) : undefined), [document]);
	useStepping(reader.mode === "notes-list" ? collector : undefined);
	const contentsOpen = reader.mode === "contents";
	const contentsNow = () =>
		counter && where ? contentsRows(counter.contents(), where.document.size, where.here.sourceOffset) : [];
	// Worked out only while the list is open; the counter fills in as it counts, and the list with it.
	// biome-ignore lint/correctness/useExhaustiveDependencies: `counter.progress` says when the counter has more
	const contents = useMemo(
		() => (contentsOpen ? contentsNow() : []),
		[contentsOpen, counter, where, counter?.progress],
	);

	let list: FindingList | undefined;
	if (reader.mode === "contents") {
		const counting = counter && !counter.done ? `Counting chapters… ${Math.floor(counter.progress * 100)}% · ` : "";
		list = {
			title: "Contents",
			rows: contents.map((row) => ({
				text: row.title,
				right: `p. ${row.page}  ${String(row.percentRead).padStart(3)}% read`,
				here: row.current,
			})),
			footer: `${counting}↑/↓ j/k move · Enter go · Esc close`,
			empty: "Counting chapters…",
		};
	} else if (reader.mode === "notes-list" && collector) {
		const reading = collector.done ? "" : `Reading notes… ${Math.floor(collector.progress * 100)}% · `;
		list = {
			title: `Author's notes (${collector.entries.length}${collector.done ? "" : "+"})`,
			rows: collector.entries.map((entry) => ({
				text: entry.firstLine,
				right: `${KIND_LABELS[entry.kind]} · ${entry.chapter}`,
			})),
			footer: `${reading}↑/↓ move · Enter go · / search the notes · Esc close`,
			empty: collector.done ? "This story has no author's notes." : "Reading notes…",
		};
	}

	/** Opens a list at the row of the reading position. */
	const open = (mode: "contents" | "notes-list") => {
		if (!where) return;
		if (mode === "contents") {
			const rows = contentsNow();
			const current = rows.findIndex((row) => row.current);
			dispatch({ type: "open-list", mode, index: current >= 0 ? current : rows.length - 1 });
			return;
		}
		// A short story's notes are read at once; a long one's go on in slices while the list is open.
		const until = Date.now() + SLICE_MS;
		while (collector && !collector.done && Date.now() < until) collector.step();
		const before = (collector?.entries ?? []).findLastIndex((entry) => entry.start <= where.here.sourceOffset);
		dispatch({ type: "open-list", mode, index: Math.max(0, before) });
	};

	/** A list's keys: move, or go to the chosen row's place; false for keys the list leaves to the app. */
	const handle = (command: CommandId | undefined): boolean => {
		if (!where || !command) return false;
		const length = list?.rows.length ?? 0;
		const move = MOVES[command];
		if (move) {
			const index = move(reader.listIndex, listRoom(height), length);
			dispatch({ type: "list-select", index: Math.max(0, Math.min(length - 1, index)) });
			return true;
		}
		if (command !== "list.open") return false;
		const { document: doc, window, here } = where;
		const chapter = reader.mode === "contents" ? contents[reader.listIndex] : undefined;
		const note = reader.mode === "notes-list" ? collector?.entries[reader.listIndex] : undefined;
		if (!chapter && !note) return true;
		dispatch({ type: "close-overlay" });
		if (chapter) go(reachBlockAt(doc, window, chapter.start), here);
		else if (note) go(reachCell(doc, window, note.target), here);
		return true;
	};

	return { list, open, handle };
}
