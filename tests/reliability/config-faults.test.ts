// The reading-positions store under damage: broken, empty or odd config files, folders that cannot be made.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fingerprintOf } from "../../source/formats/open-story.js";
import { ConfStore } from "../../source/persistence/conf-store.js";
import type { ReadingStore, StoryRecord } from "../../source/persistence/reading-store.js";
import { checkPrerequisites, isAlive } from "../e2e/tmux.js";
import { ownRecordFile } from "../persistence/own-file.js";
import { ledgerCase, type Scratch, scratch, settle, storyText } from "./hostile.js";
import { recordOutcome } from "./ledger.js";
import {
	lastExitStatus,
	nextPage,
	openTerminal,
	quitReader,
	quote,
	STABLE_MS,
	textRows,
	waitForReader,
} from "./screen.js";

let work: Scratch;
let folders = 0;
/** A fresh config folder for each case. */
function configFolder(): string {
	return join(work.dir, `config-${++folders}`);
}

beforeAll(() => {
	work = scratch("config");
});
afterAll(() => work.remove());

const record = (path: string, offset: number): StoryRecord => ({
	path,
	title: "The Ferry",
	sourceOffset: offset,
	snippet: "In entry 0042 the keeper mended the nets",
	percent: 12,
	lastRead: new Date().toISOString(),
});

/** A store that has saved two stories' places and settings, as a user's would have. */
async function usedStore(directory: string): Promise<ReadingStore> {
	const store = ConfStore.open(directory);
	store.save("aaaa1111", record("/stories/ferry.txt", 1200));
	store.save("bbbb2222", record("/stories/signal.txt", 3400));
	store.saveSettings({ panelOpen: false, measure: 64 });
	await settle(store);
	expect(store.takeWarning()).toBeUndefined();
	return store;
}

/** How many of the two saved places a store no longer finds. */
function placesLost(store: ReadingStore): number {
	const first = store.find({ fingerprint: "aaaa1111", path: "/stories/ferry.txt" })?.sourceOffset === 1200;
	const second = store.find({ fingerprint: "bbbb2222", path: "/stories/signal.txt" })?.sourceOffset === 3400;
	return (first ? 0 : 1) + (second ? 0 : 1);
}

function expectOneLineWarning(store: ReadingStore): string {
	const warning = store.takeWarning();
	expect(warning).toBeTypeOf("string");
	expect(warning).not.toContain("\n");
	// Said once.
	expect(store.takeWarning()).toBeUndefined();
	return warning as string;
}

/** Opening must not throw: a throw here is fic failing to start. */
function openSafely(directory: string): { store?: ReadingStore; crashed: boolean } {
	try {
		return { store: ConfStore.open(directory), crashed: false };
	} catch {
		return { crashed: true };
	}
}

describe("a damaged config.json is kept aside, never overwritten", () => {
	test.each([
		["corrupted JSON", '{"lastStory": "/stories/ferry.txt", "settings": {"panelOpen": fal'],
		["an empty file", ""],
		["valid JSON of the wrong shape (an array)", '[{"lastStory": "/stories/ferry.txt"}]'],
		["valid JSON of the wrong shape (a string)", '"settings"'],
	])("%s", async (name, damaged) => {
		const directory = configFolder();
		await usedStore(directory);
		writeFileSync(join(directory, "config.json"), damaged);
		const { store, crashed } = openSafely(directory);
		const lost = store ? placesLost(store) : 2;
		recordOutcome("faults", `config.json is ${name}`, { crashed, lost });
		expect(crashed).toBe(false);
		if (!store) return;
		expect(expectOneLineWarning(store)).toMatch(/kept as/);
		const backups = readdirSync(directory).filter((file) => file.startsWith("config.json.corrupt-"));
		expect(backups).toHaveLength(1);
		expect(readFileSync(join(directory, backups[0] as string), "utf8")).toBe(damaged);
		expect(lost).toBe(0);
		// The store goes on working, and the next start is quiet.
		store.save("cccc3333", record("/stories/third.txt", 7));
		await settle(store);
		const next = ConfStore.open(directory);
		expect(next.find({ fingerprint: "cccc3333", path: "/x" })?.sourceOffset).toBe(7);
		expect(next.takeWarning()).toBeUndefined();
	});

	test("valid JSON with values of the wrong types", async () => {
		const directory = configFolder();
		await usedStore(directory);
		writeFileSync(join(directory, "config.json"), '{"lastStory": 42, "settings": "wide", "stories": [1, 2]}');
		const { store, crashed } = openSafely(directory);
		const lost = store ? placesLost(store) : 2;
		recordOutcome("faults", "config.json with values of the wrong types", { crashed, lost });
		expect(crashed).toBe(false);
		expect(store?.lastStoryPath()).toBeUndefined();
		expect(store?.settings()).toEqual({ panelOpen: true, measure: 80 });
		expect(lost).toBe(0);
	});

	test("a damaged record of one story is kept aside; the others stay", async () => {
		const directory = configFolder();
		await usedStore(directory);
		const file = ownRecordFile(directory, "aaaa1111");
		writeFileSync(file, '{"path": "/stories/ferry.txt", "sourceOff');
		const { store, crashed } = openSafely(directory);
		const other = store?.find({ fingerprint: "bbbb2222", path: "/stories/signal.txt" })?.sourceOffset;
		const damaged = store?.find({ fingerprint: "aaaa1111", path: "/stories/ferry.txt" });
		// The damaged record was destroyed by the fault itself; losing anything else would be fic's doing.
		recordOutcome("faults", "one story's record file is corrupted", { crashed, lost: other === 3400 ? 0 : 1 });
		expect(crashed).toBe(false);
		expect(damaged).toBeUndefined();
		expect(other).toBe(3400);
		expect(expectOneLineWarning(store as ReadingStore)).toMatch(/kept as/);
		expect(readdirSync(join(directory, "stories")).some((name) => name.startsWith(`${basename(file)}.corrupt-`))).toBe(
			true,
		);
	});
});

describe("config folders", () => {
	test("a missing folder (several levels) is created on the first save", async () => {
		const directory = join(configFolder(), "not", "there", "yet");
		const { store, crashed } = openSafely(directory);
		store?.save("aaaa1111", record("/stories/ferry.txt", 1200));
		if (store) await settle(store);
		const found = ConfStore.open(directory).find({ fingerprint: "aaaa1111", path: "/x" })?.sourceOffset;
		recordOutcome("faults", "the config folder is missing", { crashed, lost: found === 1200 ? 0 : 1 });
		expect(crashed).toBe(false);
		expect(store?.takeWarning()).toBeUndefined();
		expect(found).toBe(1200);
	});

	test("a folder that cannot be created (a file in the way): reading goes on, one warning", () => {
		// Tests run as root, so a chmod-ed folder would not refuse anything: a plain file where the
		// folder should be refuses mkdir for everyone (ENOTDIR/EEXIST).
		const blocker = join(configFolder());
		writeFileSync(blocker, "not a folder");
		const directory = join(blocker, "fic-nodejs");
		const { store, crashed } = openSafely(directory);
		store?.save("aaaa1111", record("/stories/ferry.txt", 1200));
		const inSession = store?.find({ fingerprint: "aaaa1111", path: "/x" })?.sourceOffset;
		recordOutcome("faults", "the config folder cannot be created (a file in the way)", { crashed });
		expect(crashed).toBe(false);
		expect(expectOneLineWarning(store as ReadingStore)).toMatch(/not be saved|Cannot/);
		// Within the session the place is still kept (in memory); the user's file is untouched.
		expect(inSession).toBe(1200);
		expect(readFileSync(blocker, "utf8")).toBe("not a folder");
	});
});

describe.concurrent("the reader with a config it cannot use", { timeout: 30_000 }, () => {
	beforeAll(checkPrerequisites);

	/** Opens the story until the status bar says what was damaged, then quits: that bar, and how fic ended. */
	async function damageSaid(term: ReturnType<typeof openTerminal>, story: string) {
		const pid = await term.open(quote(story));
		const screen = await term.waitFor(/damaged/, { stableMs: STABLE_MS });
		const alive = isAlive(pid);
		term.sendKeys("q");
		await term.waitForPrompt();
		return { statusBar: screen.split("\n").at(-1) ?? "", alive, status: await lastExitStatus(term) };
	}

	test("a file where the config folder should be: the status bar says so, reading goes on", async (context) => {
		const outcome = ledgerCase(context, "faults", "the reader with a file where its config folder should be");
		const term = openTerminal(context);
		// The terminal's fic keeps its places in term.configDir: put a file there instead.
		writeFileSync(term.configDir, "not a folder");
		const story = join(term.dir, "story.txt");
		writeFileSync(story, storyText(2, 20));
		const pid = await term.open(quote(story));
		// The warning takes the status bar (at 80 columns the page number is cut off) until a key is pressed.
		const first = await term.waitFor(/not be saved|Cannot/, { stableMs: STABLE_MS });
		term.sendKeys("Space");
		const second = await waitForReader(term, (page) => page === 2);
		const third = await nextPage(term);
		const alive = isAlive(pid);
		const status = await quitReader(term);
		outcome({
			crashed: !alive || status !== 0,
		});
		expect(textRows(first).join(" ")).toContain("entry 0001");
		expect(textRows(third).join(" ")).not.toBe(textRows(second).join(" "));
		expect(status).toBe(0);
		expect(readFileSync(term.configDir, "utf8")).toBe("not a folder");
	});

	test("the story's own record damaged: the status bar names the kept copy at 100 columns, stderr gives its path", async (context) => {
		const outcome = ledgerCase(context, "faults", "the opened story's record is damaged (message in the reader)");
		const term = openTerminal(context, { columns: 100, rows: 24 });
		const story = join(term.dir, "story.txt");
		writeFileSync(story, storyText(2, 20));
		const fingerprint = fingerprintOf(readFileSync(story));
		mkdirSync(join(term.configDir, "stories"), { recursive: true });
		writeFileSync(ownRecordFile(term.configDir, fingerprint), '{"path": "/x", "sourceOff');
		const { statusBar, alive, status } = await damageSaid(term, story);
		const kept = readdirSync(join(term.configDir, "stories")).find((name) => name.includes(".corrupt-"));
		outcome({ crashed: !alive || status !== 0 });
		// The whole name, not cut off: it can be found and read.
		expect(statusBar).toContain(`Saved place damaged; kept as stories/${kept}`);
		expect(term.capture().replaceAll("\n", "")).toContain(
			`fic: a damaged saved place was kept as ${join(term.configDir, "stories", kept as string)}`,
		);
		expect(status).toBe(0);
	});

	test("config.json that is not JSON: the status bar says the settings (not the places) were damaged, stderr names the copy", async (context) => {
		const outcome = ledgerCase(context, "faults", "config.json is not JSON (message in the reader)");
		const term = openTerminal(context, { columns: 100, rows: 24 });
		const story = join(term.dir, "story.txt");
		writeFileSync(story, storyText(2, 20));
		mkdirSync(term.configDir, { recursive: true });
		writeFileSync(join(term.configDir, "config.json"), '{"theme": "light",');
		const { statusBar, alive, status } = await damageSaid(term, story);
		const kept = readdirSync(term.configDir).find((name) => name.startsWith("config.json.corrupt-"));
		outcome({ crashed: !alive || status !== 0 });
		expect(statusBar).toContain(`Settings damaged (your places are safe); kept as ${kept}`);
		expect(statusBar).not.toMatch(/position/i);
		expect(term.capture().replaceAll("\n", "")).toContain(
			`fic: a damaged settings file was kept as ${join(term.configDir, kept as string)}`,
		);
		expect(status).toBe(0);
	});

	test("settings out of range (a hand-edited measure of -100) still give readable lines", async (context) => {
		const outcome = ledgerCase(context, "faults", "config.json with an out-of-range text width (measure -100)");
		const term = openTerminal(context);
		mkdirSync(term.configDir, { recursive: true });
		writeFileSync(join(term.configDir, "config.json"), '{"settings": {"panelOpen": true, "measure": -100}}');
		const story = join(term.dir, "story.txt");
		writeFileSync(story, storyText(2, 20));
		const pid = await term.open(quote(story));
		const screen = await waitForReader(term);
		const alive = isAlive(pid);
		const status = await quitReader(term);
		outcome({
			crashed: !alive || status !== 0,
		});
		expect(status).toBe(0);
		const widest = Math.max(...textRows(screen).map((row) => row.length));
		expect(widest, `the page was:\n${screen}`).toBeGreaterThanOrEqual(20);
		expect(existsSync(join(term.configDir, "config.json"))).toBe(true);
	});
});

describe.concurrent("the person's settings broken", { timeout: 30_000 }, () => {
	beforeAll(checkPrerequisites);

	test("keys, theme and notes that break the schema: one status line names them, defaults apply, the file stays", async (context) => {
		const outcome = ledgerCase(context, "faults", "config.json's keys, theme and notes break the schema");
		const term = openTerminal(context, { columns: 300, rows: 24 });
		mkdirSync(term.configDir, { recursive: true });
		const written = { keys: { "page.next": "x", "no.such": ["y"], "page.prev": ["ctrl+ü"] }, theme: 7, notes: "aside" };
		writeFileSync(join(term.configDir, "config.json"), JSON.stringify(written));
		const story = join(term.dir, "story.txt");
		writeFileSync(story, storyText(2, 20));
		const pid = await term.open(quote(story));
		const first = await term.waitFor(/config\.json: /, { stableMs: STABLE_MS });
		const statusBar = first.split("\n").at(-1) ?? "";
		// The defaults: Space turns the page, b goes back.
		term.sendKeys("Space");
		const second = await waitForReader(term, (page) => page === 2);
		term.sendKeys("+");
		await term.waitFor(/Text width/);
		const alive = isAlive(pid);
		const status = await quitReader(term);
		outcome({ crashed: !alive || status !== 0 });
		for (const named of [
			'keys "page.next"',
			'"no.such" is not a command',
			'"ctrl+ü" is not a key name',
			"theme must be",
			"notes must be",
		])
			expect(statusBar, named).toContain(named);
		expect(textRows(second).join(" ")).not.toContain("config.json");
		expect(status).toBe(0);
		// fic saved its own settings (the width) and left what the person wrote as it was.
		const onDisk = JSON.parse(readFileSync(join(term.configDir, "config.json"), "utf8"));
		expect(onDisk).toMatchObject(written);
		expect(onDisk.settings.measure).toBe(84);
	});
});
