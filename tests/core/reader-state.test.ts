import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CommandId } from "../../source/core/keymap.js";
import { type Page, pageAt } from "../../source/core/paginate.js";
import {
	type CommandContext,
	initialReaderState,
	MAX_MEASURE,
	MIN_MEASURE,
	type ReaderState,
	readerReducer,
} from "../../source/core/reader-state.js";
import { parseStory } from "../../source/formats/open-story.js";

const { story } = parseStory(readFileSync("stories/salt-and-static.txt", "utf8"), "salt-and-static.txt");
const context: CommandContext = { story, view: { width: 60, height: 10 }, narrow: false };

function run(state: ReaderState, ...commands: CommandId[]): ReaderState {
	return commands.reduce((current, command) => readerReducer(current, { type: "command", command, context }), state);
}

function pageOf(state: ReaderState): Page {
	return pageAt(story, state.anchor, context.view);
}

const start = initialReaderState({ block: 0, offset: 0 }, { panelOpen: true, measure: 80 });

describe("reader reducer", () => {
	it("moves the anchor a page at a time and back", () => {
		const forward = run(start, "page.next");
		expect(forward.anchor).not.toEqual(start.anchor);
		expect(run(forward, "page.prev").anchor).toEqual(start.anchor);
	});

	it("moves one line with line.down and line.up", () => {
		const down = run(start, "line.down");
		expect(pageOf(down).lines[0]).toEqual(pageOf(start).lines[1]);
		expect(run(down, "line.up").anchor).toEqual(start.anchor);
	});

	it("does not wrap around at either end and says so", () => {
		const atStart = run(start, "page.prev");
		expect(atStart.anchor).toEqual(start.anchor);
		expect(atStart.message).toBe("Start of the story");
		const last = run(start, "story.last");
		const beyond = run(last, "page.next");
		expect(beyond.anchor).toEqual(last.anchor);
		expect(beyond.message).toBe("End of the story");
	});

	it("jumps between chapters", () => {
		const second = run(start, "chapter.next");
		expect(pageOf(second).chapter).toBe(1);
		expect(pageOf(second).startsChapter).toBe(true);
		const middle = run(second, "page.next", "page.next");
		expect(pageOf(run(middle, "chapter.prev")).chapter).toBe(1);
		expect(pageOf(run(middle, "chapter.prev", "chapter.prev")).chapter).toBe(0);
	});

	it("reaches the last chapter's last page with story.last", () => {
		const page = pageOf(run(start, "story.last"));
		expect(page.chapter).toBe(story.chapters.length - 1);
		expect(page.endsChapter).toBe(true);
	});

	it("clamps the text width and toggles the panel", () => {
		let state = start;
		for (let index = 0; index < 100; index++) state = run(state, "width.narrower");
		expect(state.measure).toBe(MIN_MEASURE);
		for (let index = 0; index < 100; index++) state = run(state, "width.wider");
		expect(state.measure).toBe(MAX_MEASURE);
		expect(run(start, "notes.toggle").panelOpen).toBe(false);
	});

	it("opens the notes overlay instead of the panel when narrow", () => {
		const narrow = readerReducer(start, {
			type: "command",
			command: "notes.toggle",
			context: { ...context, narrow: true },
		});
		expect(narrow.mode).toBe("notes");
		expect(narrow.panelOpen).toBe(true);
		expect(readerReducer(narrow, { type: "close-overlay" }).mode).toBe("read");
	});

	it("opens and closes help, and marks quitting", () => {
		expect(run(start, "help.toggle").mode).toBe("help");
		expect(run(start, "help.toggle", "help.toggle").mode).toBe("read");
		expect(run(start, "app.quit").quitting).toBe(true);
	});

	it("scrolls the panel but never above the top", () => {
		expect(run(start, "notes.scrollDown", "notes.scrollDown").panelScroll).toBe(2);
		expect(run(start, "notes.scrollUp").panelScroll).toBe(0);
	});
});
