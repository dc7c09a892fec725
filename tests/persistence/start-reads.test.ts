// A start reads config.json once and the story's record once, however often the first screen asks.

import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";

const reads = vi.hoisted(() => [] as string[]);
vi.mock("node:fs", async (importOriginal) => {
	const real = await importOriginal<typeof import("node:fs")>();
	const readFileSync = ((...args: Parameters<typeof real.readFileSync>) => {
		reads.push(String(args[0]));
		return real.readFileSync(...args);
	}) as typeof real.readFileSync;
	return { ...real, readFileSync, default: { ...real, readFileSync } };
});

const FINGERPRINT = "404d29c9985c8d45ed2c05d0";
const RECORD = {
	path: "/stories/salt.txt",
	title: "Salt",
	sourceOffset: 1200,
	snippet: "the harbour light",
	percent: 12,
	lastRead: "2026-11-30T10:00:00.000Z",
};
let directory: string;
const readsOf = (name: string) => reads.filter((path) => path === join(directory, name)).length;

beforeEach(() => {
	directory = fs.mkdtempSync(join(tmpdir(), "fic-reads-"));
	fs.mkdirSync(join(directory, "stories"));
	fs.writeFileSync(
		join(directory, "config.json"),
		JSON.stringify({ lastStory: RECORD.path, settings: { measure: 70 } }),
	);
	fs.writeFileSync(join(directory, "stories", `${FINGERPRINT}.json`), JSON.stringify(RECORD));
	reads.length = 0;
});
afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

describe("the reads of a start", () => {
	it("reads config.json once and the record once for the settings, the last story and two look-ups", () => {
		const store = ConfStore.open(directory);
		expect(store.lastStoryPath()).toBe(RECORD.path);
		expect(store.find({ fingerprint: FINGERPRINT, path: RECORD.path })?.sourceOffset).toBe(1200);
		expect(store.settings().measure).toBe(70);
		expect(store.find({ fingerprint: FINGERPRINT, path: RECORD.path })?.snippet).toBe(RECORD.snippet);
		expect(readsOf("config.json")).toBe(1);
		expect(readsOf(`stories/${FINGERPRINT}.json`)).toBe(1);
	});

	it("reads the disk again once conf has arrived, where another window may have saved", async () => {
		const store = ConfStore.open(directory);
		expect(store.find({ fingerprint: FINGERPRINT, path: RECORD.path })?.sourceOffset).toBe(1200);
		await store.settled();
		await new Promise((resolve) => setTimeout(resolve, 10));
		const moved = { ...RECORD, sourceOffset: 5000 };
		fs.writeFileSync(join(directory, "stories", `${FINGERPRINT}.json`), JSON.stringify(moved));
		fs.writeFileSync(join(directory, "config.json"), JSON.stringify({ settings: { measure: 60 } }));
		expect(store.find({ fingerprint: FINGERPRINT, path: RECORD.path })?.sourceOffset).toBe(5000);
		expect(store.settings().measure).toBe(60);
	});

	it("sees its own settings saved during the start", () => {
		const store = ConfStore.open(directory);
		expect(store.settings().measure).toBe(70);
		store.saveSettings({ panelOpen: true, measure: 74 });
		store.saveSettings({ panelOpen: true, measure: 70 });
		expect(store.settings().measure).toBe(70);
	});
});
