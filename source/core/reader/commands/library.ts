// The library: moves over its rows (by the selected path, so rows may move under it), opening a
// story or a folder, the / filter, and what the app reports as it lists and reads the folder.

import type { CommandId } from "../../keymap.js";
import { type LibraryEntry, libraryRows, orderEntries } from "../../library-rows.js";
import type { Handler } from "../reading.js";
import type { AppState, Library } from "../state.js";

/** Rows a list shows at a time: the screen less its title, a gap and its footer. */
export function listRoom(height: number): number {
	return Math.max(1, height - 3);
}

export function rowsOf(library: Library) {
	return libraryRows(library.entries ?? [], library.filter);
}

/** The selected row's index among the rows shown; when the filter hides it, the first row past `..`. */
export function selectedRow(library: Library): number {
	const rows = rowsOf(library);
	const index = rows.findIndex((row) => row.entry.path === library.selected);
	if (index >= 0) return index;
	return Math.max(
		0,
		rows.findIndex((row) => row.entry.kind !== "parent"),
	);
}

function withLibrary(state: AppState, edit: (library: Library) => Library): AppState {
	return { ...state, library: edit(state.library) };
}

/** A relative move of the selection: `move(index, room, length)` gives the row to select. */
export function libraryMove(state: AppState, move: (index: number, room: number, length: number) => number): AppState {
	return withLibrary(state, (library) => {
		const rows = rowsOf(library);
		if (rows.length === 0) return library;
		const index = Math.max(
			0,
			Math.min(rows.length - 1, move(selectedRow(library), listRoom(state.terminal.rows), rows.length)),
		);
		return { ...library, selected: rows[index]?.entry.path, message: undefined };
	});
}

/** Enter: open the story, or go into the folder; a file that could not be read says why. */
export function libraryOpen(state: AppState): AppState {
	const row = rowsOf(state.library)[selectedRow(state.library)];
	if (!row) return state;
	const { entry } = row;
	if (entry.unreadable)
		return withLibrary(state, (library) => ({ ...library, message: `${entry.name}: ${entry.unreadable}` }));
	if (entry.kind !== "story") return scanFolder(state, entry.path);
	// The filter has done its work: coming back with L shows the whole folder, this story selected.
	const library = { ...state.library, filter: "", filtering: false, selected: entry.path };
	return { ...state, library, request: { kind: "open", path: entry.path } };
}

/** Show the library of `folder` (kept as it was when it is the same folder) and list it afresh. */
export function scanFolder(state: AppState, folder: string): AppState {
	const same = folder === state.library.folder;
	const library: Library = same
		? { ...state.library, message: undefined }
		: { folder, filter: "", filtering: false, selected: state.library.folder };
	return { ...state, screen: "library", library, request: { kind: "scan", folder } };
}

/**
 * The folder as listed: its entries in order, the selection kept when it is still there, and what
 * was read of its stories before (coming back with L) kept, so rows do not blank and fill again.
 */
export function listed(state: AppState, folder: string, entries: LibraryEntry[], message?: string): AppState {
	return withLibrary(state, (library) => {
		const known = new Map(folder === library.folder ? (library.entries ?? []).map((entry) => [entry.path, entry]) : []);
		const ordered = orderEntries(
			entries.map((entry) => {
				const before = known.get(entry.path);
				if (!before?.title || entry.unreadable) return entry;
				const { title, author, words } = before;
				return { ...entry, title, ...(author ? { author } : {}), ...(words === undefined ? {} : { words }) };
			}),
		);
		// Coming up from a folder selects that folder; going into one starts past its `..` (left
		// unnamed, so the selection stays on the first row as rows move while the stories are read).
		const kept = ordered.some((entry) => entry.path === library.selected && entry.kind !== "parent");
		const { selected: _before, ...rest } = library;
		return {
			...rest,
			folder,
			entries: ordered,
			...(kept ? { selected: library.selected } : {}),
			...(message ? { message } : {}),
		};
	});
}

/** Entries read since: their titles, authors and words, or why they could not be read. */
export function entriesRead(
	state: AppState,
	folder: string,
	read: Array<Partial<LibraryEntry> & { path: string }>,
): AppState {
	if (folder !== state.library.folder || !state.library.entries) return state;
	const byPath = new Map(read.map((entry) => [entry.path, entry]));
	return withLibrary(state, (library) => ({
		...library,
		entries: library.entries?.map((entry) => {
			const update = byPath.get(entry.path);
			return update ? { ...entry, ...update } : entry;
		}),
	}));
}

export function typeInFilter(state: AppState, text: string): AppState {
	return withLibrary(state, (library) => ({ ...library, filter: library.filter + text }));
}

export function deleteInFilter(state: AppState): AppState {
	return withLibrary(state, (library) => ({ ...library, filter: [...library.filter].slice(0, -1).join("") }));
}

/**
 * Esc in the library cancels, as in less and vim: a filter is cleared first; then back to the story
 * it was opened from. It never quits (q does): with no story to go back to it does nothing.
 */
const closeLibrary: Handler = (state) => {
	if (state.library.filter) return withLibrary(state, (library) => ({ ...library, filter: "" }));
	return state.reading ? { ...state, screen: "reader" } : state;
};

export const LIBRARY_COMMANDS = {
	"library.close": closeLibrary,
	"library.filter": (state) => withLibrary(state, (library) => ({ ...library, filter: "", filtering: true })),
	"library.filterDone": (state) => withLibrary(state, (library) => ({ ...library, filtering: false })),
	"library.filterCancel": (state) => withLibrary(state, (library) => ({ ...library, filter: "", filtering: false })),
} satisfies Partial<Record<CommandId, Handler>>;
