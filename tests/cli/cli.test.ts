import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFsError } from "../../source/formats/open-story.js";
import { ongoingAo3Html } from "../formats/ongoing-fixtures.js";

const CLI = resolve("dist/fic.js");
let scratch: string;

function fic(...args: string[]) {
	const result = spawnSync(process.execPath, [CLI, ...args], {
		encoding: "utf8",
		env: { ...process.env, FIC_CONFIG_DIR: join(scratch, "config") },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-cli-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("fic --print", () => {
	it("wraps the story to --width, notes left out", () => {
		const { status, stdout } = fic("--print", "--width", "40", "stories/lantern-keeper.txt");
		expect(status).toBe(0);
		const lines = stdout.split("\n");
		expect(lines.length).toBeGreaterThan(50);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(40);
		expect(stdout).toContain("Every evening at the ninth bell");
		expect(stdout).not.toContain("A/N");
		expect(stdout).not.toContain("Disclaimer");
		expect(stdout).not.toMatch(/Review;\s+tell/);
	});

	it("keeps CJK and emoji within the width", () => {
		const { status, stdout } = fic("--print", "--width", "30", "stories/yuki-no-tegami.txt");
		expect(status).toBe(0);
		for (const line of stdout.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(30);
		expect(stdout).toContain("❄");
	});

	it("puts a blank line between chapters", () => {
		const { stdout } = fic("--print", "--width", "70", "stories/salt-and-static.txt");
		expect(stdout).toMatch(/\n\nChapter Two - Interference\n/);
		expect(stdout).toMatch(/\n\nChapter 3: Field Notes\n/);
	});

	it("prints like --print when stdout is not a terminal", () => {
		const { status, stdout } = fic("stories/lantern-keeper.txt");
		expect(status).toBe(0);
		expect(stdout).toContain("Every evening at the ninth bell");
	});
});

describe("fic --notes and --json", () => {
	it("lists only the notes, with kind, chapter and position", () => {
		const { status, stdout } = fic("--notes", "stories/salt-and-static.txt");
		expect(status).toBe(0);
		expect(stdout).toMatch(/\[head\] A\/N · Chapter 1: The Lighthouse Radio · \d+%/);
		expect(stdout).toMatch(/\[inline\] A\/N · Chapter Two - Interference · \d+%/);
		expect(stdout).toMatch(/\[tail\] Author's Note · Chapter 3: Field Notes · 9\d%/);
		expect(stdout).not.toContain("Nell Carrow arrived");
	});

	it("writes the parsed story as JSON", () => {
		const { status, stdout } = fic("--json", "stories/lantern-keeper.txt");
		expect(status).toBe(0);
		const story = JSON.parse(stdout);
		expect(story.title).toBe("The Lantern Keeper");
		expect(story.author).toBe("Quillfeather");
		expect(story.chapters).toHaveLength(1);
		expect(story.wordCount).toBeGreaterThan(900);
		const tail = story.notes.find((note: { kind: string }) => note.kind === "tail");
		expect(tail.text).toContain("Review; tell me if you want another chapter.");
		expect(tail.confidence).toBeGreaterThan(0.5);
		expect(tail.end).toBeGreaterThan(tail.start);
		expect(story.text).not.toContain("Review; tell me");
		expect(story.text).toContain("An hour later");
	});

	it("names the work in its JSON: identity, source, series, each chapter's fingerprint", () => {
		const series = { name: "The Tidewater Cycle", part: 2, id: 9001 };
		const path = writeFile("salt.html", ongoingAo3Html({ chapters: ["one", "two"], series }));
		const { status, stdout } = fic("--json", path);
		expect(status).toBe(0);
		const story = JSON.parse(stdout);
		expect(story.identity).toBe("ao3-41000017");
		expect(story.source).toBe("https://archiveofourown.org/works/41000017");
		expect(story.series).toEqual({
			name: "The Tidewater Cycle",
			part: 2,
			url: "https://archiveofourown.org/series/9001",
		});
		expect(story.chapters.map((chapter: { fingerprint: string }) => chapter.fingerprint)).toEqual([
			expect.stringMatching(/^[0-9a-f]{12}$/),
			expect.stringMatching(/^[0-9a-f]{12}$/),
		]);
		expect(story.chapters[0].state).toBeUndefined();
		const plain = JSON.parse(fic("--json", "stories/lantern-keeper.txt").stdout);
		expect([plain.identity, plain.source, plain.series]).toEqual([null, null, null]);

		// Against the reader's record (which had only the first chapter): seen, then new.
		mkdirSync(join(scratch, "config", "stories"), { recursive: true });
		const [first] = story.chapters as Array<{ title: string; fingerprint: string }>;
		writeFileSync(
			join(scratch, "config", "stories", "ao3-41000017.json"),
			JSON.stringify({
				path: path,
				title: "Salt and Lanterns",
				sourceOffset: 10,
				snippet: "",
				percent: 100,
				lastRead: "2026-11-30T10:00:00.000Z",
				chapters: [{ title: first?.title, fingerprint: first?.fingerprint }],
			}),
		);
		const again = JSON.parse(fic("--json", path).stdout);
		expect(again.chapters.map((chapter: { state: string }) => chapter.state)).toEqual(["seen", "new"]);
	});
});

describe("help, version and bad input", () => {
	it("lists every flag and key in --help", () => {
		const { status, stdout } = fic("--help");
		expect(status).toBe(0);
		for (const flag of ["--print", "--width", "--notes", "--json", "--version"]) expect(stdout).toContain(flag);
		for (const key of ["Next page", "Previous chapter".slice(0, 5), "Quit", "PgDn"]) expect(stdout).toContain(key);
	});

	it("takes -h and -V for --help and --version", () => {
		const help = fic("-h");
		expect(help.status).toBe(0);
		expect(help.stdout).toContain("--print");
		expect(help.stdout).toContain("-h");
		const version = fic("-V");
		expect(version.status).toBe(0);
		expect(version.stdout.trim()).toBe(fic("--version").stdout.trim());
	});

	it("prints the version", () => {
		expect(fic("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it("answers an unknown flag with a usage line and status 2", () => {
		const { status, stderr } = fic("--frobnicate", "stories/lantern-keeper.txt");
		expect(status).toBe(2);
		expect(stderr).toContain("unknown option --frobnicate");
		expect(stderr).toContain("Usage: fic");
	});

	it.each([
		["a missing file", () => join(scratch, "missing.txt"), /no such file/],
		["a directory", () => scratch, /is a directory/],
		["an empty file", () => writeFile("empty.txt", ""), /is empty/],
		["a binary file", () => writeFile("binary.txt", Buffer.alloc(4096, 0)), /binary/],
		["a path through a file", () => join(writeFile("plain.txt", "text"), "child.txt"), /cannot read|no such file/],
	])("refuses %s with one line and status 1", (_name, makePath, message) => {
		const { status, stderr, stdout } = fic("--print", makePath());
		expect(status).toBe(1);
		expect(stderr).toMatch(message);
		expect(stderr.trim().split("\n")).toHaveLength(1);
		expect(stderr).not.toMatch(/\s+at /);
		expect(stdout).toBe("");
	});

	it("reads a text file with one stray NUL byte", () => {
		const { status, stdout } = fic("--print", writeFile("stray.txt", "A story with one\u0000 stray byte in it."));
		expect(status).toBe(0);
		expect(stdout).toContain("stray byte");
	});

	it("names permission problems in words (root can read anything, so the mapping is checked directly)", () => {
		const error = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
		expect(describeFsError(error, "/x.txt")).toBe("permission denied: /x.txt");
	});
});

function writeFile(name: string, content: string | Buffer): string {
	const path = join(scratch, name);
	writeFileSync(path, content);
	return path;
}
