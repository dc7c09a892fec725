// The command line's mistakes and odd names through the built CLI: one clear line and the right status, never a guess.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
	CLI,
	crashed,
	entries,
	refusedInOneLine,
	runCommand,
	runFic,
	type Scratch,
	scratch,
	storyText,
} from "./hostile.js";
import { recordOutcome } from "./ledger.js";
import { quote } from "./screen.js";

const STORY = storyText(2, 6);
let work: Scratch;
let story: string;

beforeAll(() => {
	work = scratch("command-line");
	story = work.file("ferry.txt", STORY);
});
afterAll(() => work.remove());

/** A usage error as fic promises it: status 2, one line saying what is wrong, then the usage line. */
function usageError(run: { status: number | null; stderr: string }): string {
	const [message, usage, ...rest] = run.stderr.trimEnd().split("\n");
	expect(run.status).toBe(2);
	expect(usage).toMatch(/^Usage: fic/);
	expect(rest).toEqual([]);
	return message ?? "";
}

describe.concurrent("usage errors", () => {
	test.for([
		["fic a b", () => [story, story], /^fic: one FILE, FOLDER or - at a time$/],
		[
			"fic --print --json FILE",
			() => ["--print", "--json", story],
			/^fic: --print and --json cannot be used together$/,
		],
		[
			"fic --width -5 --print FILE",
			() => ["--width", "-5", "--print", story],
			/^fic: the width must be a positive number/,
		],
		["fic --width=0 --print FILE", () => ["--width=0", "--print", story], /^fic: the width must be a positive number/],
		["fic --encoding --print FILE", () => ["--encoding", "--print", story], /^fic: --encoding needs a name$/],
		["fic --encoding= FILE", () => ["--encoding=", story], /^fic: --encoding needs a name$/],
		["fic --print FILE --width", () => ["--print", story, "--width"], /^fic: --width needs a number of columns$/],
	] as const)("%s", async ([name, args, message]) => {
		const run = await runFic(args(), { configDir: work.config });
		recordOutcome("bad input", `command line: ${name}`, { crashed: crashed(run) });
		expect(run.stdout.length).toBe(0);
		expect(usageError(run)).toMatch(message);
	});
});

/** Bytes that are not UTF-8 in a name: é in Latin-1 is the single byte 0xE9. */
const latin1 = (name: string) => Buffer.from(name, "latin1");

describe.concurrent("file names that are not UTF-8", () => {
	test("fic --print café.txt (Latin-1 name) opens it, and a name one byte off is not taken for it", async () => {
		const folder = join(work.dir, "latin1");
		mkdirSync(folder);
		writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), latin1("café.txt")]), STORY);
		// Through bash, so argv holds the raw bytes as a person's shell would pass them.
		const inFolder = (name: string) =>
			runCommand(["bash", "-c", `cd ${quote(folder)} && ${quote(process.execPath)} ${quote(CLI)} --print ${name}`], {
				configDir: work.config,
			});
		const opened = await inFolder("caf$'\\xe9'.txt");
		const other = await inFolder("caf$'\\xe8'.txt");
		recordOutcome("bad input", "a story named in Latin-1 (not UTF-8) on the command line", {
			crashed: crashed(opened) || crashed(other),
		});
		expect(opened.status, opened.stderr).toBe(0);
		expect(entries(opened.stdout.toString("utf8"))).toEqual(entries(STORY));
		// caf\xe8 decodes to the same "caf�" as caf\xe9: the raw bytes tell them apart.
		expect(refusedInOneLine(other, 1), other.stderr).toBe(true);
		expect(other.stderr).toMatch(/no such file: .*caf\uFFFD\.txt \(� marks bytes of the name that are not UTF-8/);
	});

	test("a newline in a file name: the story is titled by the name on one line", async () => {
		const path = work.file("two\nlines.txt", "Just one paragraph, in entry 0001.\n");
		const run = await runFic(["--json", path], { configDir: work.config });
		recordOutcome("bad input", "a newline in a story's file name", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout.toString("utf8")).title).toBe("two␊lines");
	});
});
