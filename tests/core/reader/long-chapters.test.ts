// A chapter longer than the window of pieces around the page: its title, the time left in it, and
// going back from the next chapter's first page to the page that paging forward ended on.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialState } from "../../../source/core/reader/reduce.js";
import { readerScreen } from "../../../source/core/reader/screen.js";
import type { AppState } from "../../../source/core/reader/state.js";
import { countWords } from "../../../source/core/story.js";
import { openStory } from "../../../source/formats/open-story.js";
import { PIECE_BYTES } from "../../../source/formats/text-document.js";
import { press, reading, runBackground, SETTINGS } from "./harness.js";

let scratch: string;
let path: string;
const LONG_WORDS: string[] = [];

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-long-chapter-"));
	const parts = ["The Long Walk", "Chapter 1: Setting Out", "They left before dawn with the maps rolled tight."];
	parts.push("Chapter 2: The Causeway");
	for (let paragraph = 0; parts.join("\n\n").length < PIECE_BYTES * 7; paragraph++) {
		const text =
			`Stone ${paragraph} of the causeway was wet, and the tide kept its own counsel about the hour. `.repeat(4);
		LONG_WORDS.push(text);
		parts.push(text);
	}
	parts.push("Chapter 3: The Island", "The island had one tree and one opinion about visitors.");
	path = join(scratch, "long-chapter.txt");
	writeFileSync(path, parts.join("\n\n"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function open(): AppState {
	return initialState({
		terminal: { columns: 80, rows: 12 },
		settings: SETTINGS,
		story: { opened: openStory(path) },
		folder: scratch,
	});
}

const status = (state: AppState) => readerScreen(state, reading(state)).status;

describe("a chapter of several pieces", () => {
	it("shows its title and the time left to its end from its middle", () => {
		const middle = runBackground(press(open(), "5", "0", "%"));
		expect(reading(middle).position.piece).toBeGreaterThan(2);
		expect(status(middle).chapter).toBe("Chapter 2: The Causeway");
		// Before counting reaches it, the title is found by looking back; the time left is "at least".
		const early = press(open(), "5", "0", "%");
		expect(status(early).chapter).toBe("Chapter 2: The Causeway");
		expect(status(early).timeLeft).toMatch(/\+ min left in chapter$/);
		const words = countWords(LONG_WORDS.join(" "));
		const minutes = Number(/(\d+) min/.exec(status(middle).timeLeft)?.[1]);
		const hours = Number(/(\d+) h/.exec(status(middle).timeLeft)?.[1] ?? 0);
		const shown = hours * 60 + minutes;
		// Halfway through the chapter: about half its reading time is left (250 words a minute).
		expect(shown).toBeGreaterThan((words / 250) * 0.35);
		expect(shown).toBeLessThan((words / 250) * 0.65);
	});

	it("b from the next chapter's first page lands on the page that paging forward ended on", () => {
		const toChapter = (title: string) => {
			let state = runBackground(open());
			for (let jump = 0; jump < 5 && status(state).chapter !== title; jump++) state = press(state, "]");
			expect(status(state).chapter).toBe(title);
			return state;
		};
		let forward = toChapter("Chapter 2: The Causeway");
		let lastOfChapter = reading(forward).position;
		for (let turn = 0; turn < 2000; turn++) {
			const next = press(forward, "space");
			if (status(next).chapter === "Chapter 3: The Island") break;
			forward = next;
			lastOfChapter = reading(forward).position;
		}
		const third = toChapter("Chapter 3: The Island");
		const back = press(third, "b");
		expect(reading(back).position).toEqual(lastOfChapter);
		expect(reading(press(third, "k")).position).toEqual(lastOfChapter);
	});
});
