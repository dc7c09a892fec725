// --print, --notes and --json only read: the built CLI, in a temp HOME with XDG folders, moves no old
// fic-nodejs folder, makes no folder and renames no file; --json reads the old folder's record where it is.

import { spawnSync } from "node:child_process";
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ongoingAo3Html } from "../formats/ongoing-fixtures.js";

const CLI = resolve("dist/fic.js");
let home: string;

const legacy = () => join(home, "config", "fic-nodejs");

function fic(...args: string[]) {
	const { FIC_CONFIG_DIR: _config, FIC_STATE_DIR: _state, ...rest } = process.env;
	const env = {
		...rest,
		HOME: home,
		XDG_CONFIG_HOME: join(home, "config"),
		XDG_STATE_HOME: join(home, "state"),
		FIC_DEVICE: "desk",
	};
	return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env });
}

/** Every file under a folder with its contents: what a command that only reads must leave as it was. */
function snapshot(folder: string): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (at: string) => {
		for (const name of readdirSync(at)) {
			const path = join(at, name);
			if (statSync(path).isDirectory()) walk(path);
			else files[path.slice(home.length)] = readFileSync(path, "utf8");
		}
	};
	walk(folder);
	return files;
}

/** An AO3 work of two chapters, and the old folder as fic before the XDG move left it, with a record of the first chapter. */
function workAndLegacyRecord(): string {
	const story = join(home, "salt.html");
	writeFileSync(story, ongoingAo3Html({ chapters: ["one", "two"] }));
	const chapters = JSON.parse(fic("--json", story).stdout).chapters as Array<{ title: string; fingerprint: string }>;
	mkdirSync(join(legacy(), "stories"), { recursive: true });
	writeFileSync(join(legacy(), "config.json"), JSON.stringify({ settings: { measure: 64 }, lastStory: story }));
	const record = {
		path: story,
		title: "Salt and Lanterns",
		sourceOffset: 10,
		snippet: "",
		percent: 40,
		lastRead: "2026-11-30T10:00:00.000Z",
		chapters: [{ title: chapters[0]?.title, fingerprint: chapters[0]?.fingerprint }],
	};
	writeFileSync(join(legacy(), "stories", "ao3-41000017.json"), JSON.stringify(record));
	// A damaged record: the reader sets such a file aside; a command that only reads leaves it.
	writeFileSync(join(legacy(), "stories", "0123abcd.json"), '{"path": "/x", "sourceOff');
	return story;
}

beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), "fic-read-only-"));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe("commands that only read", () => {
	it("--json reads the chapters' state from the old folder's record and leaves the folder where it is", () => {
		const story = workAndLegacyRecord();
		const before = snapshot(legacy());
		const result = fic("--json", story);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe("");
		expect(JSON.parse(result.stdout).chapters.map((chapter: { state: string }) => chapter.state)).toEqual([
			"seen",
			"new",
		]);
		expect(snapshot(legacy())).toEqual(before);
		expect(existsSync(join(home, "config", "fic"))).toBe(false);
		expect(existsSync(join(home, "state"))).toBe(false);
	});

	it("--json leaves this device's damaged record where it is (the reader sets it aside; a reading command does not)", () => {
		const story = workAndLegacyRecord();
		const stories = join(home, "state", "fic", "stories");
		mkdirSync(stories, { recursive: true });
		writeFileSync(join(stories, "ao3-41000017.desk.json"), '{"path": "/x", "sourceOff');
		const before = snapshot(home);
		const result = fic("--json", story);
		expect(result.status).toBe(0);
		expect(JSON.parse(result.stdout).chapters.map((chapter: { state: string }) => chapter.state)).toEqual([
			"seen",
			"new",
		]);
		expect(snapshot(home)).toEqual(before);
	});

	it.each(["--print", "--notes", "--json", "--print --width 40"])(
		"%s moves nothing, makes no folder and renames no file",
		(flags) => {
			const story = workAndLegacyRecord();
			const before = snapshot(home);
			const result = fic(...flags.split(" "), story);
			expect(result.status).toBe(0);
			expect(result.stdout.length).toBeGreaterThan(0);
			expect(snapshot(home)).toEqual(before);
			expect(readdirSync(home).sort()).toEqual(["config", "salt.html"]);
			expect(readdirSync(join(home, "config"))).toEqual(["fic-nodejs"]);
		},
	);

	it("--json reads the state folder's records, and the old folder's too while a move is cut short (merged)", () => {
		const story = workAndLegacyRecord();
		const stories = join(home, "state", "fic", "stories");
		mkdirSync(stories, { recursive: true });
		const desk = JSON.parse(readFileSync(join(legacy(), "stories", "ao3-41000017.json"), "utf8"));
		const chapters = JSON.parse(fic("--json", story).stdout).chapters as Array<{ title: string; fingerprint: string }>;
		// The part already moved: the phone has read only the second chapter; the old folder still holds the first.
		const second = chapters.slice(1).map(({ title, fingerprint }) => ({ title, fingerprint }));
		const phone = { ...desk, lastRead: "2026-12-01T10:00:00.000Z", device: "phone", chapters: second };
		writeFileSync(join(stories, "ao3-41000017.phone.json"), JSON.stringify(phone));
		const states = () => JSON.parse(fic("--json", story).stdout).chapters.map((c: { state?: string }) => c.state);
		expect(states()).toEqual(["seen", "seen"]);
		rmSync(legacy(), { recursive: true });
		expect(states()).toEqual(["new", "seen"]);
		rmSync(stories, { recursive: true });
		expect(states()).toEqual([undefined, undefined]);
	});
});
