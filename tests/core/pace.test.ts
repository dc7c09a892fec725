// The reader's pace: words a minute learned from the pages read, and the times the status bar shows with it.

import { describe, expect, it } from "vitest";
import {
	DEFAULT_WORDS_PER_MINUTE,
	learnPage,
	NO_PACE,
	PAGES_TO_LEARN,
	pageWords,
	readPace,
	wordsPerMinute,
} from "../../source/core/pace.js";
import { reduce } from "../../source/core/reader/reduce.js";
import { readerScreen } from "../../source/core/reader/screen.js";
import type { AppState } from "../../source/core/reader/state.js";
import { key, pageIn, press, readerOn, reading } from "./reader/harness.js";

const MINUTE = 60_000;

describe("the pace estimate", () => {
	it("is 250 words a minute until five pages are read, then the reader's own", () => {
		let pace = NO_PACE;
		for (let page = 1; page <= PAGES_TO_LEARN; page++) {
			expect(wordsPerMinute(pace)).toBe(DEFAULT_WORDS_PER_MINUTE);
			pace = learnPage(pace, 300, MINUTE);
		}
		expect(wordsPerMinute(pace)).toBe(300);
		expect(wordsPerMinute(learnPage(pace, 300, 3 * MINUTE))).toBe(Math.round(1800 / 8));
	});

	it("leaves out idle time, skimming and pages with a few words", () => {
		const pace = { words: 1500, ms: 5 * MINUTE, pages: 5 };
		expect(learnPage(pace, 300, 30 * MINUTE)).toBe(pace);
		expect(learnPage(pace, 300, 1000)).toBe(pace);
		expect(learnPage(pace, 12, 10_000)).toBe(pace);
		expect(learnPage(pace, 300, 0)).toBe(pace);
	});

	it("counts what was learned long ago for half, so the pace follows the reader", () => {
		let pace = NO_PACE;
		for (let page = 0; page < 200; page++) pace = learnPage(pace, 200, MINUTE);
		expect(pace.ms).toBeLessThanOrEqual(3 * 60 * MINUTE);
		expect(wordsPerMinute(pace)).toBe(200);
		for (let page = 0; page < 100; page++) pace = learnPage(pace, 400, MINUTE);
		expect(wordsPerMinute(pace)).toBeGreaterThan(300);
	});

	it("reads a saved pace back, and nothing from a hand-edited one that is not", () => {
		expect(readPace({ words: 10, ms: 20, pages: 1 })).toEqual({ words: 10, ms: 20, pages: 1 });
		expect(readPace({ words: "10", ms: 20, pages: 1 })).toBeUndefined();
		expect(readPace({ words: -1, ms: 20, pages: 1 })).toBeUndefined();
		expect(readPace(null)).toBeUndefined();
	});
});

describe("learning the pace from the keys", () => {
	const turnAt = (state: AppState, at: number) => reduce(state, { type: "keys", keys: [key("space")], at });
	/** The first page left after an hour: idle, so nothing is learned, and the clock starts there. */
	const HOUR = 60 * MINUTE;
	const started = () => turnAt(readerOn("stories/lantern-keeper.txt", { columns: 80, rows: 16 }), HOUR);

	it("learns from pages turned forward, by the keys' times, and the status bar and Ctrl+G use it", () => {
		let state = started();
		expect(state.settings.pace).toBeUndefined();
		const words: number[] = [];
		for (let page = 1; page <= PAGES_TO_LEARN; page++) {
			words.push(pageWords(pageIn(state).lines));
			state = turnAt(state, HOUR + page * 30_000);
		}
		const total = words.reduce((sum, count) => sum + count, 0);
		expect(state.settings.pace).toEqual({ words: total, ms: PAGES_TO_LEARN * 30_000, pages: PAGES_TO_LEARN });
		const wpm = Math.round(total / (PAGES_TO_LEARN / 2));
		expect(wordsPerMinute(state.settings.pace)).toBe(wpm);
		// The status bar's time left: fewer minutes at this quicker pace than at 250 a minute.
		expect(wpm).toBeGreaterThan(300);
		const minutes = (shown: AppState) =>
			Number(/^(\d+) min/.exec(readerScreen(shown, reading(shown)).status.timeLeft)?.[1]);
		const opening = started();
		const pace = state.settings.pace ?? NO_PACE;
		expect(minutes({ ...opening, settings: { ...opening.settings, pace } })).toBeLessThan(minutes(opening));
		// Ctrl+G: the time left in the chapter and in the story, at that pace.
		const where = press(state, "ctrl+g");
		const info = readerScreen(where, reading(where)).info ?? "";
		const [inChapter, inStory] = [...info.matchAll(/([\d,]+) (?:words left in it|in the story)/g)].map((match) =>
			Number(match[1]?.replace(/,/g, "")),
		);
		expect(info).toContain(`words left in it (${Math.ceil((inChapter ?? 0) / wpm)} min)`);
		expect(info).toContain(`in the story (${Math.ceil((inStory ?? 0) / wpm)} min)`);
	});

	it("learns nothing from a burst of keys, a page left idle, or going back", () => {
		const start = started();
		// Only the burst's first key had a page read before it.
		const burst = reduce(start, { type: "keys", keys: [key("space"), key("space"), key("space")], at: HOUR + MINUTE });
		expect(burst.settings.pace?.pages).toBe(1);
		expect(turnAt(start, 2 * HOUR).settings.pace).toBeUndefined();
		const back = reduce(start, { type: "keys", keys: [key("b")], at: HOUR + 30_000 });
		expect(back.settings.pace).toBeUndefined();
	});
});
