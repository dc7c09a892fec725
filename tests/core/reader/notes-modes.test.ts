// The notes modes in the reducer: panel, inline and hidden, v cycling them, and a story opened in each.

import { describe, expect, it } from "vitest";
import { geometryOf } from "../../../source/core/reader/reading.js";
import { initialState } from "../../../source/core/reader/reduce.js";
import { savedRecord } from "../../../source/core/reader/saved.js";
import { readerScreen } from "../../../source/core/reader/screen.js";
import type { AppState } from "../../../source/core/reader/state.js";
import { openStory } from "../../../source/formats/open-story.js";
import { pageIn, placeIn, press, reading, runBackground, SETTINGS } from "./harness.js";

const STORY = "stories/lantern-keeper.txt";
const WIDE = { columns: 120, rows: 30 };
const OPENING_NOTE = "A/N: This was written for the winter prompt exchange";

function openWith(notes?: "panel" | "inline" | "hidden", saved?: { notesMode: string }): AppState {
	const opened = openStory(STORY);
	const place = saved ? { sourceOffset: 0, snippet: "", ...saved } : undefined;
	return initialState({
		terminal: WIDE,
		settings: { ...SETTINGS, ...(notes ? { notes } : {}) },
		story: { opened, ...(place ? { saved: place } : {}) },
		folder: "stories",
	});
}

const squash = (text: string) => text.replace(/\s+/g, "");
const pageText = (state: AppState) =>
	pageIn(state)
		.lines.map((line) => line.text)
		.join("\n");
const panelNotes = (state: AppState) => readerScreen(state, reading(state)).panel.notes.length;

describe("how notes are shown", () => {
	it("beside the page by default: the opening note in the panel, not in the text", () => {
		const state = openWith();
		expect(panelNotes(state)).toBeGreaterThan(0);
		expect(geometryOf(state).panelWidth).toBeGreaterThan(0);
		expect(pageText(state)).not.toContain(OPENING_NOTE);
	});

	it("inline: the opening note in the text, marked as a note line, and no panel", () => {
		const state = openWith("inline");
		const note = pageIn(state).lines.find((line) => line.text.includes(OPENING_NOTE.slice(0, 30)));
		expect(note?.role).toBe("note");
		expect(note?.text.startsWith("│ ")).toBe(true);
		expect(geometryOf(state).panelWidth).toBe(0);
		expect(panelNotes(state)).toBe(0);
	});

	it("hidden: no note on the page nor beside it, and the notes list still has them all", () => {
		const state = openWith("hidden");
		expect(pageText(state)).not.toContain("A/N");
		expect(panelNotes(state)).toBe(0);
		expect(geometryOf(state).panelWidth).toBe(0);
		const listed = runBackground(press(state, "A"));
		expect(reading(listed).mode).toBe("notes-list");
		expect(reading(listed).notes?.entries.length).toBe(openStory(STORY).document.whole().notes.length);
	});

	it("v cycles panel, inline, hidden, saying each, and keeps the passage at the top of the page", () => {
		let state = press(openWith(), "space", "space");
		const passage = placeIn(state).snippet;
		for (const [said, mode] of [
			["Notes in the text", "inline"],
			["Notes hidden", "hidden"],
			["Notes beside the page", "panel"],
		] as const) {
			state = press(state, "v");
			expect(reading(state).message).toContain(said);
			expect(reading(state).notesMode).toBe(mode);
			// The panel comes and goes, so the lines wrap anew: the passage starts on the new page's first line.
			const top = pageIn(state).lines.filter((line) => line.text.trim() !== "");
			const [first, second] = top.map((line) => squash(line.text));
			const start = squash(passage).slice(0, 16);
			expect(`${first}${second}`, mode).toContain(start);
			expect(`${first}${second}`.indexOf(start), mode).toBeLessThan(first?.length ?? 0);
		}
	});

	it("on the first page, v to inline shows the opening note at the top", () => {
		const state = press(openWith(), "v");
		expect(pageText(state)).toContain(OPENING_NOTE.slice(0, 30));
	});

	it("a chapter whose head notes are written above its heading: v and the contents show the heading, then the notes", () => {
		// salt-and-static.txt starts with a header and two notes, then `Chapter 1: …`: the inline view
		// puts the notes under the heading, so they come after it on the page though they come first in the file.
		const header = (state: AppState) =>
			pageIn(state)
				.lines.find((line) => line.text.trim() !== "")
				?.text.trim();
		const open = (notes?: "inline") =>
			initialState({
				terminal: WIDE,
				settings: { ...SETTINGS, ...(notes ? { notes } : {}) },
				story: { opened: openStory("stories/salt-and-static.txt") },
				folder: "stories",
			});
		const viaV = press(open(), "v");
		expect(reading(viaV).notesMode).toBe("inline");
		expect(header(viaV)).toBe("Chapter 1: The Lighthouse Radio");
		expect(pageText(viaV)).toContain("│ Disclaimer: Skerry Light");
		const viaContents = press(runBackground(press(open("inline"), "space", "space", "t")), "return");
		expect(header(viaContents)).toBe("Chapter 1: The Lighthouse Radio");
		expect(pageText(viaContents)).toContain("│ Disclaimer: Skerry Light");
	});

	it("a percent in the text view starts the page on text at or after it, not on a note's blank row", () => {
		const opened = openStory("stories/salt-and-static.txt");
		const state = press(
			initialState({
				terminal: WIDE,
				settings: { ...SETTINGS, notes: "inline" },
				story: { opened },
				folder: "stories",
			}),
			"5",
			"0",
			"%",
		);
		expect(pageIn(state).lines[0]?.text.trim()).not.toBe("");
		expect(placeIn(state).sourceOffset / opened.document.size).toBeGreaterThanOrEqual(0.5);
	});

	it("keeps the story's choice with its place, and opens with it over the setting", () => {
		const state = press(openWith("inline"), "v");
		expect(savedRecord(state)?.record.notesMode).toBe("hidden");
		const reopened = openWith("inline", { notesMode: "hidden" });
		expect(reading(reopened).notesMode).toBe("hidden");
		expect(pageText(reopened)).not.toContain("A/N");
		// A record naming no known mode is the setting's.
		expect(reading(openWith("inline", { notesMode: "sideways" })).notesMode).toBeUndefined();
		expect(savedRecord(press(openWith("inline"), "space"))?.record.notesMode).toBeUndefined();
	});

	it("a says where the notes are when they are not beside the page", () => {
		const state = press(openWith("hidden"), "a");
		expect(reading(state).message).toBe("Notes are hidden: v shows them beside the page");
		expect(state.settings.panelOpen).toBe(true);
	});
});

describe("opening a story in any notes mode", () => {
	it("never parses the whole story: only the pieces around the place (a 50 MB story opens as fast as a short one)", () => {
		for (const notes of ["panel", "inline", "hidden"] as const) {
			const opened = openStory(STORY);
			let wholeRead = false;
			// The file's whole story is there for --print and --json; the reader must not touch it.
			Object.defineProperty(opened, "story", {
				get() {
					wholeRead = true;
					throw new Error("the whole story was read");
				},
			});
			let state = initialState({
				terminal: WIDE,
				settings: { ...SETTINGS, notes },
				story: { opened },
				folder: "stories",
			});
			state = press(state, "v", "space", "v");
			expect(wholeRead, notes).toBe(false);
			expect(pageIn(state).lines.length).toBeGreaterThan(0);
		}
	});
});
