// The person's settings in the real config.json: read from its top level, never written over by fic.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { settingsOnDisk } from "../../source/persistence/config-file.js";

let directory: string;
beforeAll(() => ConfStore.ready());
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), "fic-preferences-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const written = { keys: { "page.next": ["x"] }, theme: { base: "light", heading: "blue" }, notes: "inline" };

it("reads keys, theme and notes from config.json and keeps them when fic saves its own settings", async () => {
	const file = join(directory, "config.json");
	writeFileSync(file, JSON.stringify({ ...written, settings: { panelOpen: true, measure: 80 } }));
	const store = ConfStore.open(directory);
	expect(store.settings()).toMatchObject({
		keys: written.keys,
		theme: { base: "light", colours: { heading: "blue" } },
		notes: "inline",
		measure: 80,
	});
	store.saveSettings({ ...store.settings(), measure: 72 });
	await store.settled();
	const onDisk = JSON.parse(readFileSync(file, "utf8"));
	expect(onDisk).toMatchObject({ ...written, settings: { panelOpen: true, measure: 72 } });
	expect(Object.keys(onDisk.settings)).toEqual(["panelOpen", "measure"]);
	expect(settingsOnDisk(directory)).toMatchObject({ notes: "inline", measure: 72 });
});

it("names a value that breaks the schema, and leaves the file where it is", () => {
	writeFileSync(join(directory, "config.json"), JSON.stringify({ notes: "sideways", lastStory: "/a.txt" }));
	const store = ConfStore.open(directory);
	expect(store.settings().problems).toEqual(["notes must be panel, inline or hidden"]);
	expect(store.settings().notes).toBeUndefined();
	expect(store.lastStoryPath()).toBe("/a.txt");
	expect(readdirSync(directory)).toEqual(["config.json"]);
});

it("keeps the learned pace with fic's own settings, and reads it back", async () => {
	const store = ConfStore.open(directory);
	const pace = { words: 3000, ms: 600_000, pages: 10 };
	store.saveSettings({ ...store.settings(), pace });
	await store.settled();
	expect(JSON.parse(readFileSync(join(directory, "config.json"), "utf8")).settings.pace).toEqual(pace);
	expect(ConfStore.open(directory).settings().pace).toEqual(pace);
	writeFileSync(join(directory, "config.json"), JSON.stringify({ settings: { pace: { words: "lots" } } }));
	expect(ConfStore.open(directory).settings().pace).toBeUndefined();
});
