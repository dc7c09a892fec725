import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { PositionSaver } from "../../source/persistence/position-saver.js";
import type { StoryRecord } from "../../source/persistence/reading-store.js";
import { ownRecordFile } from "./own-file.js";

let directory: string;
// conf loads just after a store opens; once it has, saves reach the disk at once.
beforeAll(() => ConfStore.ready());
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), "fic-store-"));
});
afterEach(() => {
	chmodSync(directory, 0o755);
	rmSync(directory, { recursive: true, force: true });
});

const record = (path: string, offset: number): StoryRecord => ({
	path,
	title: "A Story",
	sourceOffset: offset,
	snippet: "somewhere in the middle",
	percent: 42,
	lastRead: new Date().toISOString(),
});

describe("conf-backed reading store", () => {
	it("writes the real config file and reads it back in a new store", () => {
		const store = ConfStore.open(directory);
		store.save("abc", record("/stories/a.txt", 1234));
		store.saveSettings({ panelOpen: false, measure: 64 });
		const file = JSON.parse(readFileSync(ownRecordFile(directory, "abc"), "utf8"));
		expect(file.sourceOffset).toBe(1234);
		expect(JSON.parse(readFileSync(join(directory, "config.json"), "utf8")).lastStory).toBe("/stories/a.txt");
		const again = ConfStore.open(directory);
		expect(again.find({ fingerprint: "abc", path: "/elsewhere.txt" })?.sourceOffset).toBe(1234);
		expect(again.settings()).toEqual({ panelOpen: false, measure: 64 });
		expect(again.lastStoryPath()).toBe("/stories/a.txt");
	});

	it("keeps settings it does not know (stateDir, device) when the reader's settings are saved, and follows them", async () => {
		const synced = join(directory, "synced");
		const settings = { settings: { panelOpen: true, measure: 80, stateDir: synced, device: "desk" } };
		writeFileSync(join(directory, "config.json"), JSON.stringify(settings));
		const store = ConfStore.open(directory);
		store.saveSettings({ panelOpen: false, measure: 72 });
		store.save("abc", record("/stories/a.txt", 5));
		await store.settled();
		const saved = JSON.parse(readFileSync(join(directory, "config.json"), "utf8")).settings;
		expect(saved).toEqual({ panelOpen: false, measure: 72, stateDir: synced, device: "desk" });
		expect(readdirSync(join(synced, "stories"))).toEqual(["abc.desk.json"]);
	});

	it("finds a story by path when its fingerprint changed", () => {
		const store = ConfStore.open(directory);
		store.save("old-print", record("/stories/a.txt", 99));
		expect(store.find({ fingerprint: "new-print", path: "/stories/a.txt" })?.sourceOffset).toBe(99);
		expect(store.find({ fingerprint: "new-print", path: "/stories/b.txt" })).toBeUndefined();
	});

	it.each([
		["corrupted JSON", '{"stories": {"abc": '],
		["an empty file", ""],
		["JSON that is not an object", "[1, 2, 3]"],
	])("keeps %s aside as a backup and starts fresh with a one-time message", (_name, content) => {
		writeFileSync(join(directory, "config.json"), content);
		const store = ConfStore.open(directory);
		const warning = store.takeWarning();
		// The kept file's name, short enough for the status bar at 100 columns; its full path goes to stderr at exit.
		// config.json holds settings, not places: the message must not say the places were lost.
		expect(warning).toMatch(/^Settings damaged \(your places are safe\); kept as config\.json\.corrupt-\d{8}T\d{9}Z$/);
		expect(warning?.length).toBeLessThanOrEqual(98);
		expect((store as ConfStore).setAside()).toEqual([
			{ path: join(directory, `config.json.corrupt-${warning?.split("corrupt-")[1]}`), held: "settings file" },
		]);
		expect(store.takeWarning()).toBeUndefined();
		const backups = readdirSync(directory).filter((name) => name.startsWith("config.json.corrupt-"));
		expect(backups).toHaveLength(1);
		expect(readFileSync(join(directory, backups[0] as string), "utf8")).toBe(content);
		store.save("abc", record("/a.txt", 5));
		expect(ConfStore.open(directory).find({ fingerprint: "abc", path: "/a.txt" })?.sourceOffset).toBe(5);
	});

	it("ignores records of the wrong shape instead of crashing", () => {
		mkdirSync(join(directory, "stories"));
		writeFileSync(join(directory, "stories", "bad.json"), JSON.stringify({ path: 3 }));
		writeFileSync(join(directory, "stories", "good.json"), JSON.stringify(record("/g.txt", 7)));
		writeFileSync(join(directory, "config.json"), JSON.stringify({ settings: { measure: "wide" } }));
		const store = ConfStore.open(directory);
		expect(store.find({ fingerprint: "bad", path: "/x" })).toBeUndefined();
		expect(store.all().map((entry) => entry.name)).toEqual(["good"]);
		expect(store.settings().measure).toBe(80);
	});

	it("goes on reading with a warning when the folder cannot be created", () => {
		const blocker = join(directory, "not-a-folder");
		writeFileSync(blocker, "a file where the config folder should be");
		const store = ConfStore.open(join(blocker, "fic"));
		expect(store.takeWarning()).toMatch(/reading positions will not be saved/);
		store.save("abc", record("/a.txt", 1));
		expect(store.find({ fingerprint: "abc", path: "/a.txt" })?.sourceOffset).toBe(1);
	});

	it("saves debounced moves once, and everything on flush", async () => {
		const store = ConfStore.open(directory);
		const saver = new PositionSaver(store, 50);
		saver.schedule("abc", record("/a.txt", 1));
		saver.schedule("abc", record("/a.txt", 2));
		expect(existsSync(ownRecordFile(directory, "abc"))).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 120));
		expect(ConfStore.open(directory).find({ fingerprint: "abc", path: "/a.txt" })?.sourceOffset).toBe(2);
		saver.schedule("abc", record("/a.txt", 3));
		saver.flush();
		expect(ConfStore.open(directory).find({ fingerprint: "abc", path: "/a.txt" })?.sourceOffset).toBe(3);
	});

	it("keeps working when a write fails, and says so once", () => {
		const store = ConfStore.open(join(directory, "cfg"));
		store.save("abc", record("/a.txt", 1));
		rmSync(join(directory, "cfg", "stories"), { recursive: true });
		writeFileSync(join(directory, "cfg", "stories"), "a file where the stories folder should be");
		store.save("abc", record("/a.txt", 2));
		expect(store.takeWarning()).toMatch(/Cannot save reading positions/);
		expect(() => store.save("abc", record("/a.txt", 3))).not.toThrow();
		expect(() => store.find({ fingerprint: "abc", path: "/a.txt" })).not.toThrow();
		expect(store.settings().measure).toBe(80);
	});
});
