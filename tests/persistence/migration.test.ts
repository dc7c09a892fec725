// The first start after the upgrade moves the fic-nodejs folder (as today's fic writes it) into the XDG folders, once.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import type { ReadingStore } from "../../source/persistence/reading-store.js";

let home: string;
let env: NodeJS.ProcessEnv;
const legacy = () => join(home, "config", "fic-nodejs");
const config = () => join(home, "config", "fic");
const state = () => join(home, "state", "fic");
const open = (): ReadingStore => ConfStore.open(undefined, { env, device: "laptop" });

const RECORD = {
	path: "/home/me/ferry.txt",
	title: "The Ferry",
	sourceOffset: 5120,
	snippet: "the keeper mended the nets",
	percent: 41,
	lastRead: "2026-11-30T20:00:00.000Z",
	movedAt: "2026-11-30T20:00:00.000Z",
	marks: { a: { sourceOffset: 300, snippet: "the lamp room", setAt: "2026-11-29T10:00:00.000Z" } },
};

/** The folder as the fic before this change leaves it: settings and the last story, one file per story. */
function writeLegacy(): void {
	mkdirSync(join(legacy(), "stories"), { recursive: true });
	const settings = { settings: { panelOpen: false, measure: 64 }, lastStory: "/home/me/ferry.txt" };
	writeFileSync(join(legacy(), "config.json"), JSON.stringify(settings, null, "\t"));
	writeFileSync(join(legacy(), "stories", "0123abcd.json"), JSON.stringify(RECORD, null, "\t"));
	writeFileSync(join(legacy(), "stories", "4567ef01.json"), JSON.stringify({ ...RECORD, sourceOffset: 9 }));
	writeFileSync(join(legacy(), "stories", "89ab.json.corrupt-20261101T000000000Z"), '{"path": "/x", "sourceOff');
}

function expectEverythingMoved(store: ReadingStore): void {
	expect(existsSync(legacy())).toBe(false);
	expect(store.find({ fingerprint: "0123abcd", path: "/x" })).toMatchObject({
		sourceOffset: 5120,
		marks: RECORD.marks,
	});
	expect(store.find({ fingerprint: "4567ef01", path: "/x" })?.sourceOffset).toBe(9);
	expect(store.settings()).toEqual({ panelOpen: false, measure: 64 });
	expect(store.lastStoryPath()).toBe("/home/me/ferry.txt");
	expect(readdirSync(join(state(), "stories")).sort()).toEqual([
		"0123abcd.laptop.json",
		"4567ef01.laptop.json",
		"89ab.json.corrupt-20261101T000000000Z",
	]);
}

beforeAll(async () => {
	await ConfStore.ready();
});
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), "fic-migrate-"));
	env = { XDG_CONFIG_HOME: join(home, "config"), XDG_STATE_HOME: join(home, "state") };
});
afterEach(() => {
	rmSync(home, { recursive: true, force: true });
});

describe("moving the fic-nodejs folder", () => {
	it("moves settings to the config folder and each story to this device's file in the state folder, and says so", () => {
		writeLegacy();
		const store = open();
		expect(store.takeWarning()).toBe(`Moved ${legacy()} to ${config()} and ${state()}`);
		expectEverythingMoved(store);
		expect(JSON.parse(readFileSync(join(config(), "config.json"), "utf8")).lastStory).toBe("/home/me/ferry.txt");
	});

	it("happens once: the next start says nothing and finds the same places", () => {
		writeLegacy();
		open().takeWarning();
		const again = open();
		expect(again.takeWarning()).toBeUndefined();
		expectEverythingMoved(again);
	});

	it("a move that stopped halfway (files copied, some originals still there) finishes, losing nothing", () => {
		writeLegacy();
		mkdirSync(config(), { recursive: true });
		mkdirSync(join(state(), "stories"), { recursive: true });
		// The settings and one story were copied, the originals not yet removed; a newer mark was set since.
		writeFileSync(join(config(), "config.json"), readFileSync(join(legacy(), "config.json")));
		const newer = {
			...RECORD,
			marks: { ...RECORD.marks, b: { sourceOffset: 700, snippet: "x", setAt: "2026-12-01T00:00:00.000Z" } },
		};
		writeFileSync(join(state(), "stories", "0123abcd.laptop.json"), JSON.stringify(newer));
		const store = open();
		expectEverythingMoved(store);
		expect(Object.keys(store.find({ fingerprint: "0123abcd", path: "/x" })?.marks ?? {}).sort()).toEqual(["a", "b"]);
	});

	it("a config.json written by hand in the new folder first keeps its keys, and the old settings and stateDir", () => {
		writeLegacy();
		const synced = join(home, "Sync", "fic");
		const old = { lastStory: "/home/me/ferry.txt", settings: { panelOpen: false, measure: 64, stateDir: synced } };
		writeFileSync(join(legacy(), "config.json"), JSON.stringify(old));
		mkdirSync(config(), { recursive: true });
		writeFileSync(join(config(), "config.json"), JSON.stringify({ keys: { "page.next": ["x"] }, theme: "light" }));
		const store = open();
		expect(store.lastStoryPath()).toBe("/home/me/ferry.txt");
		expect(store.settings()).toMatchObject({ panelOpen: false, measure: 64, keys: { "page.next": ["x"] } });
		expect(store.settings().theme?.base).toBe("light");
		expect(existsSync(join(synced, "stories", "0123abcd.laptop.json"))).toBe(true);
		expect(store.find({ fingerprint: "0123abcd", path: "/x" })?.sourceOffset).toBe(5120);
	});

	it("a damaged file where a story's record goes is set aside, and the old record takes its place", () => {
		writeLegacy();
		mkdirSync(join(state(), "stories"), { recursive: true });
		writeFileSync(join(state(), "stories", "0123abcd.laptop.json"), '{"path": "/home/me/fer');
		const store = open();
		expect(store.find({ fingerprint: "0123abcd", path: "/x" })?.sourceOffset).toBe(5120);
		const kept = readdirSync(join(state(), "stories")).filter((name) =>
			name.startsWith("0123abcd.laptop.json.corrupt-"),
		);
		expect(kept).toHaveLength(1);
	});

	it("the stateDir setting in the old config decides where the stories go", () => {
		writeLegacy();
		const synced = join(home, "Sync", "fic");
		const withSetting = { settings: { panelOpen: true, measure: 80, stateDir: synced } };
		writeFileSync(join(legacy(), "config.json"), JSON.stringify(withSetting));
		const store = open();
		expect(existsSync(join(synced, "stories", "0123abcd.laptop.json"))).toBe(true);
		expect(store.find({ fingerprint: "0123abcd", path: "/x" })?.sourceOffset).toBe(5120);
	});

	it("FIC_CONFIG_DIR names the folder by hand: nothing is moved", () => {
		writeLegacy();
		env.FIC_CONFIG_DIR = join(home, "chosen");
		const store = open();
		expect(store.takeWarning()).toBeUndefined();
		expect(existsSync(join(legacy(), "stories", "0123abcd.json"))).toBe(true);
	});
});
