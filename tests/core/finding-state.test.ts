// The reducer's finding part, called directly: prompt, search state, counts, lists, marks, jumps.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jumpBack, jumpForward, MAX_JUMPS, previousPlace, recordJump } from "../../source/core/jump-list.js";
import type { CommandId } from "../../source/core/keymap.js";
import { readMarks } from "../../source/core/marks.js";
import { pageAt } from "../../source/core/paginate.js";
import {
	type CommandContext,
	initialReaderState,
	type ReaderAction,
	type ReaderState,
	readerReducer,
} from "../../source/core/reader-state.js";
import { placeOf, type SavedPlace } from "../../source/core/resume.js";
import type { SearchHit } from "../../source/core/search.js";
import { parseStory } from "../../source/formats/open-story.js";

const { story } = parseStory(readFileSync("stories/salt-and-static.txt", "utf8"), "salt-and-static.txt");
const context: CommandContext = { story, view: { width: 60, height: 10 }, narrow: false };
const start = initialReaderState({ block: 0, offset: 0 }, { panelOpen: true, measure: 80 });

function run(state: ReaderState, ...commands: CommandId[]): ReaderState {
	return commands.reduce((current, command) => readerReducer(current, { type: "command", command, context }), state);
}

function act(state: ReaderState, ...actions: ReaderAction[]): ReaderState {
	return actions.reduce(readerReducer, state);
}

const typeText = (state: ReaderState, text: string) =>
	act(state, ...[...text].map((char): ReaderAction => ({ type: "prompt-input", text: char })));
const place = (sourceOffset: number): SavedPlace => ({ sourceOffset, snippet: `at ${sourceOffset}` });
const hit: SearchHit = { piece: 0, item: 12, start: 500, from: 4, to: 8 };

describe("search in the reducer", () => {
	it("opens the prompt at the page top, remembering where it started", () => {
		const later = run(start, "page.next", "page.next");
		const searching = run(later, "search.forward");
		expect(searching.mode).toBe("search");
		expect(searching.prompt).toBe("");
		expect(searching.search?.direction).toBe("forward");
		expect(searching.search?.scope).toBe("story");
		expect(searching.search?.origin).toEqual(placeOf(story, pageAt(story, later.anchor, context.view).top));
		expect(run(later, "search.backward").search?.direction).toBe("backward");
	});

	it("follows every letter typed: the query and a seek from where the search started", () => {
		const searching = typeText(run(start, "search.forward"), "nell");
		expect(searching.prompt).toBe("nell");
		expect(searching.search?.query).toBe("nell");
		expect(searching.search?.seek).toEqual({
			key: searching.search?.originKey,
			direction: "forward",
			inclusive: true,
			record: false,
		});
		const backward = typeText(run(start, "search.backward"), "n");
		expect(backward.search?.seek?.inclusive).toBe(false);
		const edited = run(searching, "prompt.delete");
		expect(edited.search?.query).toBe("nel");
		const emptied = run(typeText(run(start, "search.forward"), "n"), "prompt.delete");
		expect(emptied.search?.query).toBe("");
		expect(emptied.search?.seek).toBeUndefined();
	});

	it("keeps a found match, and a confirmed search records where it started", () => {
		const searching = typeText(run(start, "search.forward"), "nell");
		const found = act(searching, { type: "search-found", hit, wrapped: false });
		expect(found.search?.hit).toEqual(hit);
		expect(found.search?.seek).toBeUndefined();
		const confirmed = run(found, "search.confirm");
		expect(confirmed.mode).toBe("read");
		expect(confirmed.search?.showStatus).toBe(true);
		expect(confirmed.jumps.places).toEqual([searching.search?.origin]);
		// The next command ends the status, not the highlights.
		const paged = run(confirmed, "page.next");
		expect(paged.search?.showStatus).toBe(false);
		expect(paged.search?.highlight).toBe(true);
		expect(run(paged, "search.clear").search?.highlight).toBe(false);
	});

	it("records nothing and says not found when nothing matched", () => {
		const searching = typeText(run(start, "search.forward"), "zebra");
		const none = act(searching, { type: "search-found" });
		expect(none.search?.notFound).toBe(true);
		expect(run(none, "search.confirm").jumps.places).toEqual([]);
	});

	it("Esc restores the search before, and Enter on an empty prompt repeats it", () => {
		const first = run(
			act(typeText(run(start, "search.forward"), "nell"), { type: "search-found", hit }),
			"search.confirm",
		);
		const cancelled = run(typeText(run(first, "search.forward"), "ruth"), "search.cancel");
		expect(cancelled.mode).toBe("read");
		expect(cancelled.search?.query).toBe("nell");
		expect(cancelled.search?.hit).toEqual(hit);
		const repeated = run(run(first, "search.backward"), "search.confirm");
		expect(repeated.search?.query).toBe("nell");
		expect(repeated.search?.seek?.direction).toBe("backward");
		const nothing = run(run(start, "search.forward"), "search.confirm");
		expect(nothing.search).toBeUndefined();
	});

	it("searches the notes when started from the notes list or the notes overlay", () => {
		const list = act(start, { type: "open-list", mode: "notes-list", index: 0 });
		expect(run(list, "search.forward").search?.scope).toBe("notes");
		const overlay = readerReducer(start, {
			type: "command",
			command: "notes.toggle",
			context: { ...context, narrow: true },
		});
		expect(run(overlay, "search.backward").search?.scope).toBe("notes");
	});

	it("n and N become seeks that record the jump", () => {
		const searching = act(typeText(run(start, "search.forward"), "nell"), { type: "search-found", hit });
		const seek = { key: { start: 500, from: 4 }, direction: "backward" as const, inclusive: false, record: true };
		const next = act(run(searching, "search.confirm"), { type: "search-seek", seek });
		expect(next.search?.seek).toEqual(seek);
		expect(next.search?.showStatus).toBe(true);
	});
});

describe("counts, lists, marks and jumps in the reducer", () => {
	it("collects a count that the next command or jump ends", () => {
		const counted = act(
			start,
			{ type: "command", command: "count.digit", context, key: "1" },
			{ type: "command", command: "count.digit", context, key: "2" },
		);
		expect(counted.count).toBe("12");
		expect(run(counted, "page.next").count).toBe("");
		expect(act(counted, { type: "jump", anchor: { block: 3, offset: 0 } }).count).toBe("");
	});

	it("opens the go-to prompt, the lists and the mark prompts, and closes them", () => {
		expect(run(start, "goto.prompt").mode).toBe("goto");
		expect(typeText(run(start, "goto.prompt"), "42").prompt).toBe("42");
		expect(run(typeText(run(start, "goto.prompt"), "42"), "goto.cancel")).toMatchObject({ mode: "read", prompt: "" });
		const list = act(start, { type: "open-list", mode: "contents", index: 2 }, { type: "list-select", index: 3 });
		expect(list).toMatchObject({ mode: "contents", listIndex: 3 });
		expect(run(list, "overlay.close").mode).toBe("read");
		expect(run(start, "marks.set").mode).toBe("mark-set");
		expect(run(start, "marks.jump").mode).toBe("mark-jump");
	});

	it("sets a mark at the page top", () => {
		const here = placeOf(story, start.anchor);
		const marked = act(run(start, "marks.set"), { type: "set-mark", name: "a", place: here });
		expect(marked.mode).toBe("read");
		expect(marked.marks).toEqual({ a: here });
		expect(marked.message).toBe("Mark a set");
		expect(initialReaderState(start.anchor, { panelOpen: true, measure: 80 }, undefined, { b: here }).marks).toEqual({
			b: here,
		});
	});

	it("records a jump for g and G and for jumps made with a place left", () => {
		const moved = run(start, "page.next");
		const last = run(moved, "story.last");
		expect(last.jumps.places).toEqual([placeOf(story, pageAt(story, moved.anchor, context.view).top)]);
		expect(run(start, "page.next", "page.next").jumps.places).toEqual([]);
		const jumped = act(start, { type: "jump", anchor: { block: 9, offset: 0 }, from: place(7) });
		expect(jumped.jumps.places).toEqual([place(7)]);
		expect(run(start, "where.show").where).toBe(true);
		expect(run(run(start, "where.show"), "line.down").where).toBe(false);
	});
});

describe("the jump list", () => {
	it("walks back and forth, keeping where the walk began", () => {
		let list = recordJump(recordJump({ places: [], index: 0 }, place(1)), place(2));
		const back = jumpBack(list, place(3));
		expect(back?.target).toEqual(place(2));
		list = back?.list ?? list;
		const further = jumpBack(list, place(2));
		expect(further?.target).toEqual(place(1));
		list = further?.list ?? list;
		expect(jumpBack(list, place(1))).toBeUndefined();
		const forward = jumpForward(list);
		expect(forward?.target).toEqual(place(2));
		expect(jumpForward(forward?.list ?? list)?.target).toEqual(place(3));
		expect(jumpForward(jumpForward(forward?.list ?? list)?.list ?? list)).toBeUndefined();
	});

	it("keeps the last 100 jumps, each place once", () => {
		let list = { places: [] as SavedPlace[], index: 0 };
		for (let offset = 0; offset < 150; offset++) list = recordJump(list, place(offset));
		expect(list.places).toHaveLength(MAX_JUMPS);
		expect(list.places[0]).toEqual(place(50));
		list = recordJump(list, place(60));
		expect(list.places.filter((entry) => entry.sourceOffset === 60)).toHaveLength(1);
		expect(list.places.at(-1)).toEqual(place(60));
	});

	it("'' goes to the place the latest jump left, not to here", () => {
		const list = recordJump(recordJump({ places: [], index: 0 }, place(1)), place(2));
		expect(previousPlace(list, place(9))).toEqual(place(2));
		expect(previousPlace(list, place(2))).toEqual(place(1));
		expect(previousPlace({ places: [], index: 0 }, place(1))).toBeUndefined();
	});
});

describe("marks read from a stored record", () => {
	it("keeps well-formed marks and drops the rest", () => {
		expect(
			readMarks({
				a: { sourceOffset: 12, snippet: "the lamp room" },
				B: { sourceOffset: 0, snippet: "" },
				ab: { sourceOffset: 1, snippet: "x" },
				"1": { sourceOffset: 1, snippet: "x" },
				c: { sourceOffset: "12", snippet: "x" },
				d: { sourceOffset: -1, snippet: "x" },
				e: null,
			}),
		).toEqual({ a: { sourceOffset: 12, snippet: "the lamp room" }, B: { sourceOffset: 0, snippet: "" } });
		expect(readMarks(undefined)).toEqual({});
		expect(readMarks([{ sourceOffset: 1, snippet: "x" }])).toEqual({});
	});
});
