// The contents and notes lists as shown: title, rows, the line under them.

import type { ChapterState } from "../chapter-news.js";
import type { ContentsRow } from "../outline.js";
import { contentsOf } from "./commands/lists.js";
import type { Reading } from "./state.js";

const KIND_LABELS = { head: "before", tail: "after", inline: "in text", chapter: "chapter", metadata: "info" };

export interface ListRowView {
	text: string;
	/** Right-aligned, e.g. "p. 12   40%". */
	right?: string;
	/** The row the reader is in (the current chapter). */
	here?: boolean;
}

export interface ListView {
	title: string;
	rows: ListRowView[];
	selected: number;
	footer: string;
	empty: string;
}

/** Chapters new or revised since the last read are marked before their page. */
const NEWS_MARKS = { new: "new  ", revised: "updated  ", seen: "" };

function contentsRow(row: ContentsRow, state: ChapterState | undefined): ListRowView {
	const mark = state ? NEWS_MARKS[state] : "";
	return {
		text: row.title,
		right: `${mark}p. ${row.page}  ${String(row.percentRead).padStart(3)}% read`,
		here: row.current,
	};
}

/** The list open over the page, if any. `here`: the source offset at the top of the page. */
export function listView(reading: Reading, here: number): ListView | undefined {
	if (reading.mode === "contents") {
		const { pages } = reading;
		const counting = pages.done ? "" : `Counting chapters… ${Math.floor(pages.progress * 100)}% · `;
		return {
			title: "Contents",
			rows: contentsOf(reading, here).map((row, index) => contentsRow(row, reading.news?.states[index])),
			selected: reading.listIndex,
			footer: `${counting}↑/↓ j/k move · Enter go · Esc close`,
			empty: "Counting chapters…",
		};
	}
	const notes = reading.notes;
	if (reading.mode !== "notes-list" || !notes) return undefined;
	const progress = notes.done ? "" : `Reading notes… ${Math.floor(notes.progress * 100)}% · `;
	return {
		title: `Author's notes (${notes.entries.length}${notes.done ? "" : "+"})`,
		rows: notes.entries.map((entry) => ({
			text: entry.firstLine,
			right: `${KIND_LABELS[entry.kind]} · ${entry.chapter}`,
		})),
		selected: reading.listIndex,
		footer: `${progress}↑/↓ move · Enter go · / search the notes · Esc close`,
		empty: notes.done ? "This story has no author's notes." : "Reading notes…",
	};
}
