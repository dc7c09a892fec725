// Property: keys delivered in one event reach the same state as the same keys one at a time,
// whatever the mode and however the keys are grouped into writes.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { LAYERS } from "../../../source/core/keymap.js";
import type { LibraryEntry } from "../../../source/core/library-rows.js";
import { NotesCollector } from "../../../source/core/outline.js";
import { PageCounter } from "../../../source/core/page-count.js";
import { type Action, initialState, reduce } from "../../../source/core/reader/reduce.js";
import type { AppState, KeyEvent } from "../../../source/core/reader/state.js";
import { SearchRun } from "../../../source/core/search.js";
import { type OpenedStory, openStory } from "../../../source/formats/open-story.js";
import { key, SETTINGS } from "./harness.js";

const scratch = mkdtempSync(join(tmpdir(), "fic-bursts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A story of several 48 KiB pieces, so moves cross pieces and windows. */
function longStory(): string {
	const path = join(scratch, "long.txt");
	const parts: string[] = ["Long Road\n\nA/N: thanks for reading, this one is long."];
	for (let chapter = 1; parts.join("\n\n").length < 200_000; chapter++) {
		parts.push(`Chapter ${chapter}`);
		for (let paragraph = 0; paragraph < 30; paragraph++)
			parts.push(`The road went on past marker ${chapter}-${paragraph}, and the lamp swung over the cart. `.repeat(3));
	}
	writeFileSync(path, parts.join("\n\n"));
	return path;
}

const opened = new Map<string, OpenedStory>();
function open(path: string): OpenedStory {
	let story = opened.get(path);
	if (!story) {
		story = openStory(path);
		opened.set(path, story);
	}
	return story;
}

const LIBRARY = ["stories/salt-and-static.txt", "stories/the-tidewatcher.ao3.html", "stories/lantern-keeper.txt"];
const ENTRIES: LibraryEntry[] = [
	{ path: "/", name: "..", kind: "parent", percent: 0 },
	...LIBRARY.map((path) => ({ path, name: path, kind: "story" as const, title: path, words: 1, percent: 0 })),
];

/** What the app does for a request, answered at once (the same way in both deliveries). */
function answerRequests(state: AppState): AppState {
	let current = state;
	while (current.request) {
		const request = current.request;
		let action: Action;
		if (request.kind === "open") action = { type: "opened", opened: open(request.path) };
		else if (request.kind === "suspend") action = { type: "resumed" };
		else action = { type: "library-listed", folder: request.folder, entries: ENTRIES };
		current = reduce(current, action);
	}
	return current;
}

function deliver(state: AppState, writes: KeyEvent[][]): AppState {
	return writes.reduce(
		(current, keys) => answerRequests(reduce(current, { type: "keys", keys, at: 0 })),
		answerRequests(state),
	);
}

/** The state as data: jobs by their progress, a story by its path. */
function snapshot(state: AppState): string {
	return JSON.stringify(state, (name, value) => {
		if (name === "opened") return (value as OpenedStory).path;
		if (value instanceof PageCounter) return { counted: value.progress };
		if (value instanceof SearchRun) return { searched: value.progress, total: value.total };
		if (value instanceof NotesCollector) return { notes: value.entries.length };
		return value;
	});
}

const BOUND = [...new Set(Object.values(LAYERS).flatMap((layer) => Object.values(layer).flat()))].filter(
	(name): name is string => typeof name === "string",
);
const QUITTING = new Set(["q", "Q", "ctrl+c"]);
const KEYS = fc.oneof(
	{ weight: 12, arbitrary: fc.constantFrom(...BOUND.filter((name) => !QUITTING.has(name))) },
	{ weight: 4, arbitrary: fc.constantFrom(..."abcelnrstxz0123456789".split("")) },
	{ weight: 1, arbitrary: fc.constantFrom("q", "ctrl+c") },
);

/** Keys, and the writes they are grouped into (each cut starts a new write). */
const TYPING = fc
	.tuple(fc.array(KEYS, { minLength: 1, maxLength: 24 }), fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }))
	.map(([names, cuts]) => {
		const writes: KeyEvent[][] = [[]];
		names.forEach((name, index) => {
			if (index > 0 && cuts[index]) writes.push([]);
			writes.at(-1)?.push(key(name));
		});
		return { names, writes };
	});

const STARTS: Array<[string, () => AppState]> = [
	[
		"a short story at 80 columns",
		() =>
			initialState({
				terminal: { columns: 80, rows: 14 },
				settings: SETTINGS,
				story: { opened: open("stories/salt-and-static.txt") },
				folder: "stories",
			}),
	],
	[
		"a long story in pieces at 120 columns",
		() =>
			initialState({
				terminal: { columns: 120, rows: 30 },
				settings: SETTINGS,
				story: { opened: open(longStory()) },
				folder: scratch,
			}),
	],
	["the library", () => initialState({ terminal: { columns: 100, rows: 20 }, settings: SETTINGS, folder: "stories" })],
];

describe("keys in one write and one at a time", () => {
	it.each(STARTS)("reach the same state from %s", (_name, start) => {
		const initial = start();
		fc.assert(
			fc.property(TYPING, ({ names, writes }) => {
				const together = deliver(initial, writes);
				const alone = deliver(
					initial,
					names.map((name) => [key(name)]),
				);
				expect(snapshot(together)).toBe(snapshot(alone));
			}),
			{ numRuns: 150 },
		);
	});

	it("a change that breaks the fold would be seen: a dropped key changes the state", () => {
		const initial = STARTS[0]?.[1]() as AppState;
		const three = deliver(initial, [[key("space"), key("space"), key("space")]]);
		const two = deliver(initial, [[key("space"), key("space")]]);
		expect(snapshot(three)).not.toBe(snapshot(two));
	});
});
