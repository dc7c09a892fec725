// Opening an updated work in the reducer: where it opens, what it says, what the contents mark;
// and the next part of a series offered on the last page.

import { describe, expect, it } from "vitest";
import { listView } from "../../../source/core/reader/lists-view.js";
import { initialState, reduce, type SavedReading } from "../../../source/core/reader/reduce.js";
import { savedRecord } from "../../../source/core/reader/saved.js";
import { readerScreen } from "../../../source/core/reader/screen.js";
import type { AppState } from "../../../source/core/reader/state.js";
import { type OpenedStory, storyFromBytes } from "../../../source/formats/open-story.js";
import {
	type ChapterKey,
	chapterParagraphs,
	ongoingAo3Html,
	seriesEntries,
	seriesWorks,
} from "../../formats/ongoing-fixtures.js";
import { placeIn, press, reading, runBackground, SETTINGS, topText } from "./harness.js";

const TERMINAL = { columns: 80, rows: 24 };

function version(chapters: ChapterKey[], path: string): OpenedStory {
	return storyFromBytes(new TextEncoder().encode(ongoingAo3Html({ chapters })), path);
}

function open(opened: OpenedStory, saved?: SavedReading): AppState {
	return initialState({
		terminal: TERMINAL,
		settings: SETTINGS,
		story: { opened, ...(saved ? { saved } : {}) },
		folder: "/books",
	});
}

/** What fic would save after these keys in the 2-chapter version. */
function readTwoChapters(...keys: string[]): { saved: SavedReading; state: AppState } {
	const state = press(open(version(["one", "two"], "/books/Salt.html")), ...keys);
	const saved = savedRecord(state)?.record;
	if (!saved) throw new Error("nothing to save");
	return { saved, state };
}

const contentsMarks = (state: AppState) => {
	const opened = press(runBackground(state), "t");
	const list = listView(reading(opened), placeIn(opened).sourceOffset);
	return list?.rows.map((row) => /^(new|updated)\b/.exec(row.right ?? "")?.[1] ?? "");
};

describe("an updated work", () => {
	it("opens at the first new chapter for a reader who had finished, and says so", () => {
		const { saved } = readTwoChapters("G");
		expect(saved.percent).toBe(100);
		expect(saved.chapters).toHaveLength(2);
		const state = open(version(["one", "two", "three"], "/books/Salt (2).html"), saved);
		expect(topText(state)).toContain("Chapter 3: The Drowned Bell");
		expect(reading(state).message).toBe("1 new chapter since you last read");
		expect(contentsMarks(state)).toEqual(["", "", "new"]);
	});

	it("keeps the exact passage of a reader in the middle, with chapters inserted before it", () => {
		const { saved, state: before } = readTwoChapters("]", "space");
		expect(saved.percent).toBeLessThan(100);
		const passage = topText(before);
		expect(chapterParagraphs("two").join(" ")).toContain(saved.snippet);
		const state = open(version(["prologue", "one", "two", "three"], "/books/Salt_v3.html"), saved);
		expect(topText(state)).toBe(passage);
		expect(reading(state).message).toBe("2 new chapters since you last read");
		expect(contentsMarks(state)).toEqual(["new", "", "", "new"]);
	});

	it("opens a record from before chapters were kept at its place, with nothing said", () => {
		const { saved, state: before } = readTwoChapters("]", "space");
		const { chapters: _none, ...older } = saved;
		const state = open(version(["one", "two", "three"], "/books/Salt.html"), older);
		expect(topText(state)).toBe(topText(before));
		expect(reading(state).message).toBeUndefined();
		expect(contentsMarks(state)).toEqual(["", "", ""]);
	});

	it("saves the chapters it has now once the reader moves, under the work's identity", () => {
		const { saved } = readTwoChapters("G");
		const state = press(open(version(["one", "two", "three"], "/books/Salt (2).html"), saved), "j");
		const next = savedRecord(state);
		expect(next?.name).toBe("ao3-41000017");
		expect(next?.record.chapters).toHaveLength(3);
		expect(next?.record.source).toBe("https://archiveofourown.org/works/41000017");
	});
});

describe("a series", () => {
	const works = seriesWorks();
	const entries = seriesEntries("/books");
	const part = (n: number) =>
		storyFromBytes(new TextEncoder().encode(works[n - 1]?.html ?? ""), `/books/${works[n - 1]?.name}`);

	it("asks for its folder to be listed when a part is opened, then offers the next part on the last page", () => {
		const start = open(part(1));
		expect(start.request).toEqual({ kind: "scan", folder: "/books" });
		const listed = reduce(start, { type: "library-listed", folder: "/books", entries });
		expect(listed.request).toBeUndefined();
		expect(listed.screen).toBe("reader");
		const atEnd = press(listed, "G");
		expect(readerScreen(atEnd, reading(atEnd)).info).toBe("next: part 2, The Far Buoy — P opens it");
		expect(press(atEnd, "P").request).toEqual({ kind: "open", path: "/books/a-the-far-buoy.html" });
		// Before the end nothing is offered; the last part has no next one.
		expect(readerScreen(listed, reading(listed)).info).toBeUndefined();
		const last = press(reduce(open(part(3)), { type: "library-listed", folder: "/books", entries }), "G", "P");
		expect(reading(last).message).toBe("No next part of this series in the library");
	});
});
