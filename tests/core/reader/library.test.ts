// The library in the reducer: folders to enter, stories filled in as they are read, the / filter,
// files it could not read at the bottom, alike titles named by file, the selection kept by path.

import { describe, expect, it } from "vitest";
import { type LibraryEntry, libraryRows } from "../../../source/core/library-rows.js";
import { rowsOf, selectedRow } from "../../../source/core/reader/commands/library.js";
import { initialState, reduce } from "../../../source/core/reader/reduce.js";
import type { AppState } from "../../../source/core/reader/state.js";
import { press, SETTINGS } from "./harness.js";

const story = (name: string, extra: Partial<LibraryEntry> = {}): LibraryEntry => ({
	path: `/books/${name}`,
	name,
	kind: "story",
	percent: 0,
	...extra,
});

const ENTRIES: LibraryEntry[] = [
	{ path: "/", name: "..", kind: "parent", percent: 0 },
	story("b-harbour.txt"),
	{ path: "/books/drafts", name: "drafts", kind: "folder", percent: 0 },
	story("a-lantern.txt", { lastRead: "2026-11-30T10:00:00Z", percent: 40 }),
	story("x.txt", { unreadable: "not a regular file (a FIFO or device)" }),
	story("c-salt.txt"),
];

function listedLibrary(): AppState {
	const start = initialState({ terminal: { columns: 100, rows: 20 }, settings: SETTINGS, folder: "/books" });
	expect(start.request).toEqual({ kind: "scan", folder: "/books" });
	return reduce(start, { type: "library-listed", folder: "/books", entries: ENTRIES });
}

/** The path of the row shown selected. */
const selectedPath = (state: AppState) => rowsOf(state.library)[selectedRow(state.library)]?.entry.path;

const labels = (state: AppState) => rowsOf(state.library).map((row) => row.label);

describe("the library's rows", () => {
	it("keep the first row selected as rows move while stories are read, until the reader moves", () => {
		const listed = listedLibrary();
		const read = reduce(listed, {
			type: "library-read",
			folder: "/books",
			entries: [{ path: "/books/c-salt.txt", title: "Salt", news: "1 new chapter", lastRead: "2026-12-01T00:00:00Z" }],
		});
		expect(selectedPath(read)).toBe("/books/drafts");
		expect(labels(read).slice(2, 4)).toEqual(["Salt", "a-lantern.txt"]);
		const moved = press(read, "j");
		expect(selectedPath(moved)).toBe("/books/c-salt.txt");
		// Once chosen, the selection is that story's, wherever its row goes.
		const later = reduce(moved, {
			type: "library-read",
			folder: "/books",
			entries: [{ path: "/books/a-lantern.txt", news: "updated" }],
		});
		expect(selectedPath(later)).toBe("/books/c-salt.txt");
	});

	it("go up, folders, stories read most recently first then by name, unreadable files last", () => {
		expect(labels(listedLibrary())).toEqual([
			"../",
			"drafts/",
			"a-lantern.txt",
			"b-harbour.txt",
			"c-salt.txt",
			"x.txt",
		]);
		expect(selectedPath(listedLibrary())).toBe("/books/drafts");
	});

	it("fill in titles as stories are read, in place, naming the file when two titles are alike", () => {
		const read = reduce(listedLibrary(), {
			type: "library-read",
			folder: "/books",
			entries: [
				{ path: "/books/b-harbour.txt", title: "The Harbour", words: 900 },
				{ path: "/books/c-salt.txt", title: "The Harbour", words: 100 },
				{ path: "/books/a-lantern.txt", unreadable: "is empty" },
			],
		});
		expect(labels(read)).toEqual([
			"../",
			"drafts/",
			"The Harbour (b-harbour.txt)",
			"The Harbour (c-salt.txt)",
			"a-lantern.txt",
			"x.txt",
		]);
		// A report for another folder (the reader has moved on) changes nothing.
		const stale = reduce(listedLibrary(), {
			type: "library-read",
			folder: "/elsewhere",
			entries: [{ path: "/books/c-salt.txt", title: "No" }],
		});
		expect(labels(stale)).toEqual(labels(listedLibrary()));
	});

	it("keep the selection on the same story when rows move under it", () => {
		const onSalt = press(listedLibrary(), "down", "down", "down");
		expect(onSalt.library.selected).toBe("/books/c-salt.txt");
		const moved = reduce(onSalt, {
			type: "library-read",
			folder: "/books",
			entries: [{ path: "/books/a-lantern.txt", unreadable: "is empty" }],
		});
		expect(rowsOf(moved.library)[selectedRow(moved.library)]?.entry.path).toBe("/books/c-salt.txt");
	});

	it("filter with / by title or file name; Enter keeps it, Esc clears it", () => {
		const filtering = press(listedLibrary(), "/", "s", "a", "l");
		expect(filtering.library.filtering).toBe(true);
		expect(labels(filtering)).toEqual(["../", "c-salt.txt"]);
		const kept = press(filtering, "return");
		expect(kept.library).toMatchObject({ filtering: false, filter: "sal" });
		expect(press(kept, "return").request).toEqual({ kind: "open", path: "/books/c-salt.txt" });
		expect(press(filtering, "backspace", "backspace", "backspace").library.filter).toBe("");
		expect(labels(press(filtering, "escape"))).toHaveLength(ENTRIES.length);
		// Esc with a kept filter clears it before it leaves the library.
		const cleared = press(kept, "escape");
		expect(cleared.library.filter).toBe("");
		expect(cleared.quitting).toBe(false);
		expect(press(cleared, "escape").quitting).toBe(false);
	});

	it("Esc never quits a library opened on a folder (q does): it clears a filter, else does nothing", () => {
		const listed = listedLibrary();
		const onSalt = press(listed, "down", "down", "down");
		const escaped = press(onSalt, "escape", "escape", "escape");
		expect(escaped.quitting).toBe(false);
		expect(escaped.screen).toBe("library");
		expect(escaped.library).toEqual(onSalt.library);
		expect(press(escaped, "down").library.selected).not.toBe(onSalt.library.selected);
		const filtered = press(listed, "/", "s", "a", "l", "return", "escape", "escape");
		expect(filtered).toMatchObject({ quitting: false, screen: "library" });
		expect(filtered.library.filter).toBe("");
		expect(press(escaped, "q").quitting).toBe(true);
		expect(press(escaped, "Q").quitting).toBe(true);
	});

	it("enter folders and go up, and say why a file cannot be opened", () => {
		const inside = press(listedLibrary(), "return");
		expect(inside.request).toEqual({ kind: "scan", folder: "/books/drafts" });
		expect(inside.library).toMatchObject({ folder: "/books/drafts", filter: "" });
		expect(inside.library.entries).toBeUndefined();
		// Inside, the first row past `..` is selected, not `..` (whose path is the folder left).
		const drafts: LibraryEntry[] = [
			{ path: "/books", name: "..", kind: "parent", percent: 0 },
			story("island.txt", { path: "/books/drafts/island.txt" }),
		];
		const listedInside = reduce(inside, { type: "library-listed", folder: "/books/drafts", entries: drafts });
		expect(selectedPath(listedInside)).toBe("/books/drafts/island.txt");
		const up = press(listedLibrary(), "g", "return");
		expect(up.request).toEqual({ kind: "scan", folder: "/" });
		// Back up, the folder come from is selected.
		const above = reduce(up, {
			type: "library-listed",
			folder: "/",
			entries: [{ path: "/books", name: "books", kind: "folder", percent: 0 }],
		});
		expect(above.library.selected).toBe("/books");
		const fifo = press(listedLibrary(), "G", "return");
		expect(fifo.request).toBeUndefined();
		expect(fifo.library.message).toBe("x.txt: not a regular file (a FIFO or device)");
	});

	it("move a screen at a time and to the ends", () => {
		expect(press(listedLibrary(), "G").library.selected).toBe("/books/x.txt");
		expect(press(listedLibrary(), "G", "home").library.selected).toBe("/");
		expect(press(listedLibrary(), "space").library.selected).toBe("/books/x.txt");
	});

	it("match a filter in the author's name too, and keep the way up", () => {
		const rows = libraryRows(
			[ENTRIES[0] as LibraryEntry, story("z.txt", { title: "Z", author: "Marrow Finch" })],
			"finch",
		);
		expect(rows.map((row) => row.label)).toEqual(["../", "Z"]);
	});
});

describe("coming back to the library", () => {
	it("keeps the titles already read and the selected story", () => {
		const read = reduce(press(listedLibrary(), "down", "down", "down"), {
			type: "library-read",
			folder: "/books",
			entries: [{ path: "/books/c-salt.txt", title: "Salt", words: 10 }],
		});
		const again = reduce(
			{ ...read, library: { ...read.library, entries: read.library.entries } },
			{
				type: "library-listed",
				folder: "/books",
				entries: ENTRIES,
			},
		);
		expect(labels(again)).toContain("Salt");
		expect(again.library.selected).toBe("/books/c-salt.txt");
	});
});
