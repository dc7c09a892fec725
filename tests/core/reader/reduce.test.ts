// The reducer called directly with keys: moves, overlays, search, counts, lists, marks and jumps.

import { describe, expect, it } from "vitest";
import { MAX_MEASURE, MIN_MEASURE } from "../../../source/core/measure.js";
import { reduce } from "../../../source/core/reader/reduce.js";
import { burst, key, pageIn, placeIn, press, readerOn, reading, runBackground, storyIn, topText } from "./harness.js";

const SALT = "stories/salt-and-static.txt";
const start = runBackground(readerOn(SALT));

describe("moving", () => {
	it("turns a page and back to the same page", () => {
		const forward = press(start, "space");
		expect(reading(forward).position).not.toEqual(reading(start).position);
		expect(reading(press(forward, "b")).position).toEqual(reading(start).position);
	});

	it("moves one line with j and k", () => {
		const down = press(start, "j");
		expect(pageIn(down).lines[0]).toEqual(pageIn(start).lines[1]);
		expect(reading(press(down, "k")).position).toEqual(reading(start).position);
	});

	it("does not go past either end and says so", () => {
		const atStart = press(start, "b");
		expect(reading(atStart).position).toEqual(reading(start).position);
		expect(reading(atStart).message).toBe("Start of the story");
		const last = press(start, "G");
		const beyond = press(last, "space");
		expect(reading(beyond).position).toEqual(reading(last).position);
		expect(reading(beyond).message).toBe("End of the story");
		expect(pageIn(last).chapter).toBe(storyIn(start).chapters.length - 1);
		expect(pageIn(last).endsChapter).toBe(true);
	});

	it("jumps between chapters with ] and [", () => {
		const second = press(start, "]");
		expect(pageIn(second).chapter).toBe(1);
		expect(pageIn(second).startsChapter).toBe(true);
		const middle = press(second, "space", "space");
		expect(pageIn(press(middle, "[")).chapter).toBe(1);
		expect(pageIn(press(middle, "[", "[")).chapter).toBe(0);
	});

	it("goes to page 3 with 3g, and counts are ended by the next command", () => {
		const third = press(start, "3", "g");
		expect(reading(press(start, "3")).count).toBe("3");
		expect(reading(third).count).toBe("");
		expect(reading(third).position).toEqual(reading(press(start, "space", "space")).position);
		expect(reading(press(start, "1", "space")).count).toBe("");
	});

	it("saves nothing until the reader moves", () => {
		expect(reading(start).moved).toBe(false);
		expect(reading(press(start, "H", "escape")).moved).toBe(false);
		expect(reading(press(start, "space")).moved).toBe(true);
	});
});

describe("the view", () => {
	it("clamps the text width and toggles the panel", () => {
		const narrowest = press(start, ...Array(100).fill("-"));
		expect(narrowest.settings.measure).toBe(MIN_MEASURE);
		expect(press(start, ...Array(100).fill("+")).settings.measure).toBe(MAX_MEASURE);
		const wide = reduce(start, { type: "resize", terminal: { columns: 100, rows: 12 } });
		expect(press(wide, "a").settings.panelOpen).toBe(false);
		expect(press(wide, "a", "a").settings.panelOpen).toBe(true);
	});

	it("shows the notes over the text on a narrow screen, and any key closes them", () => {
		const narrow = reduce(start, { type: "resize", terminal: { columns: 60, rows: 12 } });
		const notes = press(narrow, "a");
		expect(reading(notes).mode).toBe("notes");
		expect(notes.settings.panelOpen).toBe(true);
		expect(reading(press(notes, "x")).mode).toBe("read");
	});

	it("opens and closes the help and the info, and quits", () => {
		expect(reading(press(start, "H")).mode).toBe("help");
		expect(reading(press(start, "H", "H")).mode).toBe("read");
		expect(reading(press(start, "i", "space")).mode).toBe("read");
		expect(press(start, "q").quitting).toBe(true);
		expect(press(start, "t", "ctrl+c").quitting).toBe(true);
	});

	it("scrolls the panel but never above the top", () => {
		expect(reading(press(start, "J", "J")).panelScroll).toBe(2);
		expect(reading(press(start, "K")).panelScroll).toBe(0);
	});

	it("counts pages again for a new width, keeping the place", () => {
		const later = press(start, "space", "space");
		const resized = reduce(later, { type: "resize", terminal: { columns: 120, rows: 30 } });
		expect(reading(resized).pages.done).toBe(false);
		expect(reading(resized).position).toEqual(reading(later).position);
		expect(reading(runBackground(resized)).pages.done).toBe(true);
	});
});

describe("search", () => {
	it("opens the prompt at the page top, remembering where it started", () => {
		const later = press(start, "space", "space");
		const searching = press(later, "/");
		expect(reading(searching).mode).toBe("search");
		expect(reading(searching).search?.origin).toEqual(placeIn(later));
		expect(reading(press(later, "?")).search?.direction).toBe("backward");
	});

	it("follows each letter typed and lands on the first match", () => {
		const searching = runBackground(press(start, "/", "l", "a", "m", "p"));
		expect(reading(searching).prompt).toBe("lamp");
		expect(reading(searching).search?.hit).toBeDefined();
		const block = storyIn(searching).blocks[pageIn(searching).lines.find((line) => line.text)?.block ?? 0];
		expect(pageIn(searching).lines.some((line) => /lamp/i.test(line.text))).toBe(true);
		expect(block).toBeDefined();
	});

	it("Enter keeps the place and records where the search started; Esc goes back", () => {
		const typed = runBackground(press(start, "space", "/", "s", "t", "a", "t", "i", "c"));
		const confirmed = press(typed, "return");
		expect(reading(confirmed).mode).toBe("read");
		expect(reading(confirmed).jumps.places).toEqual([reading(typed).search?.origin]);
		const cancelled = press(typed, "escape");
		expect(reading(cancelled).position).toEqual(reading(press(start, "space")).position);
	});

	it("says not found and goes back to where it started for a query that matches nothing", () => {
		const none = runBackground(press(start, "space", "/", "z", "q", "x", "z"));
		expect(reading(none).search?.notFound).toBe(true);
		expect(reading(none).position).toEqual(reading(press(start, "space")).position);
		expect(reading(press(none, "return")).jumps.places).toEqual([]);
	});

	it("n goes on to the next match, N back, both recorded as jumps", () => {
		const first = runBackground(press(start, "/", "n", "e", "l", "l", "return"));
		const second = runBackground(press(first, "n"));
		expect(reading(second).search?.hit).not.toEqual(reading(first).search?.hit);
		const back = runBackground(press(second, "N"));
		expect(reading(back).search?.hit).toEqual(reading(first).search?.hit);
		expect(reading(press(start, "n")).message).toMatch(/^No search yet/);
	});

	it("searches the notes when started from the notes list or the notes overlay", () => {
		expect(reading(press(start, "A", "/")).search?.scope).toBe("notes");
		const narrow = reduce(start, { type: "resize", terminal: { columns: 60, rows: 12 } });
		expect(reading(press(narrow, "a", "?")).search?.scope).toBe("notes");
	});
});

describe("lists, marks and jumps", () => {
	it("goes to a chapter from the contents, recording the jump", () => {
		const chapter = press(start, "t", "down", "return");
		expect(reading(chapter).mode).toBe("read");
		expect(pageIn(chapter).chapter).toBe(1);
		expect(reading(chapter).jumps.places).toEqual([placeIn(start)]);
	});

	it("sets a mark at the page top and comes back to it", () => {
		const marked = press(start, "space", "m", "a");
		expect(reading(marked).marks.a).toEqual(placeIn(press(start, "space")));
		expect(reading(marked).message).toBe("Mark a set");
		const back = press(marked, "G", "'", "a");
		expect(reading(back).position).toEqual(reading(marked).position);
		expect(reading(press(start, "'", "z")).message).toBe("Mark z is not set");
		expect(reading(press(start, "m", "1")).message).toMatch(/^A mark is a letter/);
	});

	it("'' goes back where the last jump left, Ctrl+O and Tab walk the jumps", () => {
		const jumped = press(start, "space", "G");
		const back = press(jumped, "'", "'");
		expect(reading(back).position).toEqual(reading(press(start, "space")).position);
		const walked = press(jumped, "ctrl+o");
		expect(reading(walked).position).toEqual(reading(back).position);
		expect(reading(press(walked, "tab")).position).toEqual(reading(jumped).position);
		expect(reading(press(start, "ctrl+o")).message).toBe("No earlier jump");
	});

	it("goes to a percent and to a page from the prompt", () => {
		const half = press(start, "5", "0", "%");
		expect(Math.floor(Number(half.reading?.position.block))).toBeGreaterThan(0);
		const prompt = press(start, ":", "2", "return");
		expect(reading(prompt).position).toEqual(reading(press(start, "space")).position);
		expect(reading(press(start, ":", "x", "return")).message).toMatch(/^Go to:/);
	});

	it("Ctrl+G shows where the page is until the next command", () => {
		expect(reading(press(start, "ctrl+g")).where).toBe(true);
		expect(reading(press(start, "ctrl+g", "j")).where).toBe(false);
	});
});

describe("keys that arrive together", () => {
	it("three spaces in one write turn three pages", () => {
		expect(reading(burst(start, "space", "space", "space")).position).toEqual(
			reading(press(start, "space", "space", "space")).position,
		);
		expect(topText(burst(start, "space", "space", "space"))).not.toBe(topText(start));
	});

	it("keys typed at a prompt are text, even letters that are commands elsewhere", () => {
		const typed = burst(start, "/", "q", "u", "i", "t");
		expect(reading(typed).prompt).toBe("quit");
		expect(typed.quitting).toBe(false);
	});

	it("keys after a request wait for it and then go on", () => {
		const library = burst(start, "L", "down", "return", "space");
		expect(library.request).toEqual({ kind: "scan", folder: "stories" });
		expect(library.queued.map((event) => event.name)).toEqual(["down", "return", "space"]);
		const entries = ["a", "b"].map((name) => ({
			path: `stories/${name}.txt`,
			name,
			kind: "story" as const,
			percent: 0,
		}));
		const listed = reduce(library, { type: "library-listed", folder: "stories", entries });
		expect(listed.library.selected).toBe("stories/b.txt");
		expect(listed.request).toEqual({ kind: "open", path: "stories/b.txt" });
		expect(listed.queued.map((event) => event.name)).toEqual(["space"]);
		expect(key("space")).toEqual({ name: "space", text: " " });
	});
});

describe("the help and the story info on a small screen", () => {
	const small = reduce(start, { type: "resize", terminal: { columns: 80, rows: 12 } });

	it("scroll with j and k as far as their lines go, and any other key closes them", () => {
		const help = press(small, "H");
		const down = press(help, ...Array(80).fill("j"));
		expect(reading(down).overlayScroll).toBeGreaterThan(20);
		expect(reading(press(down, "j")).overlayScroll).toBe(reading(down).overlayScroll);
		expect(reading(press(down, "k")).overlayScroll).toBe(reading(down).overlayScroll - 1);
		expect(reading(press(down, "x")).mode).toBe("read");
		expect(reading(press(press(down, "x"), "H")).overlayScroll).toBe(0);
		expect(reading(press(small, "i", "j", "j", "j")).overlayScroll).toBeGreaterThan(0);
	});

	it("do not scroll when everything fits", () => {
		const tall = reduce(start, { type: "resize", terminal: { columns: 200, rows: 60 } });
		expect(reading(press(tall, "H", "j", "j")).overlayScroll).toBe(0);
		expect(reading(press(tall, "i", "j", "j")).overlayScroll).toBe(0);
	});
});
