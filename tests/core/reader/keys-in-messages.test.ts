// What the status bar tells of a key names the key in force: the keys setting may have moved R, P and v.

import { describe, expect, it } from "vitest";
import { initialState, reduce } from "../../../source/core/reader/reduce.js";
import { readerScreen } from "../../../source/core/reader/screen.js";
import type { AppState, Settings } from "../../../source/core/reader/state.js";
import { openStory, storyFromBytes } from "../../../source/formats/open-story.js";
import { seriesEntries, seriesWorks } from "../../formats/ongoing-fixtures.js";
import { placeIn, press, reading, runBackground, SETTINGS } from "./harness.js";

const MOVED = { "place.elsewhere": ["E"], "series.next": ["O"], "notes.cycle": ["V"] };
const SETTINGS_MOVED = { ...SETTINGS, keys: MOVED };

const info = (state: AppState) => readerScreen(state, reading(state)).info;

function lanternKeeper(settings: Settings = SETTINGS_MOVED): AppState {
	const opened = openStory("stories/lantern-keeper.txt");
	return initialState({ terminal: { columns: 120, rows: 30 }, settings, story: { opened }, folder: "stories" });
}

describe("keys named in the status bar", () => {
	it("another device's place: the key that goes there", () => {
		const start = runBackground(lanternKeeper());
		const told = reduce(start, { type: "read-elsewhere", device: "laptop", place: placeIn(press(start, "space")) });
		expect(info(told)).toBe("read further on laptop (E goes there)");
		// Bound to no key, the offer names none.
		const unbound = runBackground(lanternKeeper({ ...SETTINGS, keys: { "place.elsewhere": [] } }));
		const further = placeIn(press(unbound, "space"));
		const toldUnbound = reduce(unbound, { type: "read-elsewhere", device: "laptop", place: further });
		expect(info(toldUnbound)).toBe("read further on laptop");
	});

	it("the notes modes: the key that cycles them", () => {
		const inline = press(lanternKeeper(), "V");
		expect(reading(inline).message).toBe("Notes in the text (V: beside, in the text, hidden)");
		expect(reading(press(inline, "a")).message).toBe("Notes are in the text: V shows them beside the page");
	});

	it("the next part of a series: the key that opens it", () => {
		const entries = seriesEntries("/books");
		const first = seriesWorks()[0];
		const opened = storyFromBytes(new TextEncoder().encode(first?.html ?? ""), `/books/${first?.name}`);
		const start = initialState({
			terminal: { columns: 80, rows: 24 },
			settings: SETTINGS_MOVED,
			story: { opened },
			folder: "/books",
		});
		const atEnd = press(reduce(start, { type: "library-listed", folder: "/books", entries }), "G");
		expect(info(atEnd)).toBe("next: part 2, The Far Buoy — O opens it");
		expect(press(atEnd, "O").request).toEqual({ kind: "open", path: "/books/a-the-far-buoy.html" });
	});
});
