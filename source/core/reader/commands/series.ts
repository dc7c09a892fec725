// Series: the next part of the work being read, found in the library of its folder, and the key that opens it.

import type { CommandId } from "../../keymap.js";
import { type LibraryEntry, seriesName } from "../../library-rows.js";
import { type Handler, say, withReading } from "../reading.js";
import type { AppState } from "../state.js";
import { folderOf } from "./lists.js";

const sameSeries = (a: string, b: string) => seriesName(a) === seriesName(b);

/** The part after the one being read (the lowest part number above it) among the folder's stories read so far. */
export function nextPart(state: AppState): LibraryEntry | undefined {
	const opened = state.reading?.opened;
	const series = opened?.work?.series;
	if (!opened || !series || state.library.folder !== folderOf(opened.path)) return undefined;
	let next: LibraryEntry | undefined;
	for (const entry of state.library.entries ?? []) {
		const part = entry.series;
		if (!part || entry.unreadable || entry.path === opened.path || !sameSeries(part.name, series.name)) continue;
		if (part.part > series.part && (!next || part.part < (next.series?.part ?? 0))) next = entry;
	}
	return next;
}

/** What the last page says of the next part; `key` runs series.next. */
export function nextPartText(entry: LibraryEntry, key: string | undefined): string {
	return `next: part ${entry.series?.part}, ${entry.title ?? entry.name}${key ? ` — ${key} opens it` : ""}`;
}

/**
 * A story in a series opened before its folder was listed: the folder is listed (and its stories
 * read in the background) so that the last page can offer the next part.
 */
export function listSeriesFolder(state: AppState): AppState {
	const opened = state.reading?.opened;
	if (!opened?.work?.series || state.request || state.screen !== "reader") return state;
	const folder = folderOf(opened.path);
	if (state.library.folder === folder && state.library.entries) return state;
	const library = state.library.folder === folder ? state.library : { folder, filter: "", filtering: false };
	return { ...state, library: { ...library, selected: opened.path }, request: { kind: "scan", folder } };
}

const openNextPart: Handler = (state) => {
	const next = nextPart(state);
	if (!next) return withReading(state, (reading) => say(reading, "No next part of this series in the library"));
	return { ...state, library: { ...state.library, selected: next.path }, request: { kind: "open", path: next.path } };
};

export const SERIES_COMMANDS = { "series.next": openNextPart } satisfies Partial<Record<CommandId, Handler>>;
