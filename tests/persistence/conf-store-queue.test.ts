// Writes made before conf has loaded: queued in order, seen by reads at once, on disk when settled.
// A file of its own, so conf is not loaded yet when each store opens.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { DEFAULT_SETTINGS, type StoryRecord } from "../../source/persistence/reading-store.js";
import { ownRecordFile } from "./own-file.js";

let directory: string;
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), "fic-queue-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const record = (offset: number): StoryRecord => ({
	path: "/stories/ferry.txt",
	title: "The Ferry",
	sourceOffset: offset,
	snippet: "the keeper mended the nets",
	percent: 10,
	lastRead: new Date().toISOString(),
});

describe("a store whose conf has not arrived yet", () => {
	it("answers reads with the writes it is holding, and puts them on disk when settled", async () => {
		const store = ConfStore.open(directory);
		store.save("abc123", record(500));
		store.save("abc123", record(900));
		store.saveSettings({ panelOpen: false, measure: 60 });
		// conf is imported asynchronously, so nothing can be on disk in this same turn.
		expect(existsSync(ownRecordFile(directory, "abc123"))).toBe(false);
		expect(store.find({ fingerprint: "abc123", path: "/elsewhere.txt" })?.sourceOffset).toBe(900);
		expect(store.find({ fingerprint: "0000", path: "/stories/ferry.txt" })?.sourceOffset).toBe(900);
		expect(store.all().map((entry) => entry.name)).toEqual(["abc123"]);
		expect(store.settings()).toEqual({ panelOpen: false, measure: 60 });
		expect(store.lastStoryPath()).toBe("/stories/ferry.txt");

		await store.settled();
		const onDisk = JSON.parse(readFileSync(ownRecordFile(directory, "abc123"), "utf8"));
		expect(onDisk.sourceOffset).toBe(900);
		const reopened = ConfStore.open(directory);
		expect(reopened.find({ fingerprint: "abc123", path: "/elsewhere.txt" })?.sourceOffset).toBe(900);
		expect(reopened.settings()).toEqual({ panelOpen: false, measure: 60 });
		expect(reopened.lastStoryPath()).toBe("/stories/ferry.txt");
	});

	it("keeps the last of settings changed and changed back before it arrived", async () => {
		const store = ConfStore.open(directory);
		store.saveSettings({ ...DEFAULT_SETTINGS, measure: DEFAULT_SETTINGS.measure + 2 });
		store.saveSettings({ ...DEFAULT_SETTINGS });
		await store.settled();
		expect(ConfStore.open(directory).settings()).toEqual(DEFAULT_SETTINGS);
	});
});
