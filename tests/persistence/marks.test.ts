// Marks are kept with the story's place in its record: a restart (a new store on the same folder) keeps them.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readMarks } from "../../source/core/marks.js";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { isStoryRecord, type StoryRecord } from "../../source/persistence/reading-store.js";
import { firstTextLine, type Harness, KEYS, renderApp, statusLine, storyStart } from "../ui/render-app.js";
import { ownRecordFile } from "./own-file.js";

let directory: string;
let app: Harness | undefined;
// conf loads just after a store opens; wait for it (not returning its class: vitest would call that as a teardown).
beforeAll(async () => {
	await ConfStore.ready();
});
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), "fic-marks-"));
});
afterEach(() => {
	app?.unmount();
	app = undefined;
	rmSync(directory, { recursive: true, force: true });
});

const record: StoryRecord = {
	path: "/stories/a.txt",
	title: "A Story",
	sourceOffset: 10,
	snippet: "somewhere",
	percent: 1,
	lastRead: new Date().toISOString(),
};

describe("marks in the reading store", () => {
	it("are written to the story's file and read back by a new store", async () => {
		const store = ConfStore.open(directory);
		store.save("abc", { ...record, marks: { a: { sourceOffset: 1234, snippet: "the lamp room" } } });
		await store.settled();
		const file = JSON.parse(readFileSync(ownRecordFile(directory, "abc"), "utf8"));
		// Each mark gets the time it was set, so two windows' marks can be merged letter by letter.
		expect(file.marks).toEqual({ a: { sourceOffset: 1234, snippet: "the lamp room", setAt: expect.any(String) } });
		const again = ConfStore.open(directory);
		expect(readMarks(again.find({ fingerprint: "abc", path: record.path })?.marks)).toEqual({
			a: { sourceOffset: 1234, snippet: "the lamp room" },
		});
	});

	it("leave old records without marks valid, and a record with broken marks still keeps its place", () => {
		expect(isStoryRecord(record)).toBe(true);
		expect(isStoryRecord({ ...record, marks: "nonsense" })).toBe(true);
		expect(readMarks({ ...record, marks: "nonsense" }.marks)).toEqual({});
	});

	it("survive quitting the reader and opening the story again", async () => {
		const story = "stories/salt-and-static.txt";
		app = await renderApp(storyStart(story), { columns: 100, rows: 30 }, ConfStore.open(directory));
		for (let page = 0; page < 4; page++) await app.press(KEYS.space);
		const marked = firstTextLine(app.frame(), 66);
		await app.press("m");
		await app.press("z");
		expect(statusLine(app.frame())).toContain("Mark z set");
		await app.press("g");
		app.saver.flush();
		await app.store.settled();
		app.unmount();

		// The record on disk holds the mark; a broken mark written beside it by hand is ignored.
		const folder = join(directory, "stories");
		const [name] = readdirSync(folder);
		const file = join(folder, name as string);
		const saved = JSON.parse(readFileSync(file, "utf8"));
		expect(Object.keys(saved.marks)).toEqual(["z"]);
		writeFileSync(file, JSON.stringify({ ...saved, marks: { ...saved.marks, b: { sourceOffset: "x" } } }));

		app = await renderApp(storyStart(story), { columns: 100, rows: 30 }, ConfStore.open(directory));
		expect(statusLine(app.frame())).toContain("page 1 of");
		await app.press("'");
		expect(statusLine(app.frame())).toContain("(z)");
		await app.press("z");
		expect(firstTextLine(app.frame(), 66)).toBe(marked);
	});
});
