// Pipes, closed pipes, endless devices and huge sparse files through the built CLI: read whole, end quietly, refused in bounded memory.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// @ts-expect-error: the benchmark's story generator is plain JavaScript without types
import { writeStory } from "../../bench/generate.mjs";
import {
	CLI,
	crashed,
	entries,
	type Run,
	refusedInOneLine,
	runCommand,
	runFic,
	type Scratch,
	scratch,
	storyText,
} from "./hostile.js";
import { recordOutcome } from "./ledger.js";
import { quote } from "./screen.js";

/** About 1.2 MB: far over the 64 KiB a pipe holds, so a reader that does not wait for the writer fails. */
const BIG_STORY = storyText(20, 200);
/** Memory allowed for an input of `bytes` (the rule: three times the input plus 120 MB). */
const allowedKb = (bytes: number) => (3 * bytes + 120 * 1024 * 1024) / 1024;

let work: Scratch;
let big: string;
const FIC = `${quote(process.execPath)} ${quote(CLI)}`;
/** fic as installed runs it: with the Node flags of the built file's first line (#!/usr/bin/env -S node …). */
const INSTALLED_FIC = `${quote(process.execPath)} ${/^#!.*?node\s*(.*)$/m.exec(readFileSync(CLI, "utf8").split("\n")[0] ?? "")?.[1] ?? ""} ${quote(CLI)}`;

beforeAll(() => {
	work = scratch("streams");
	big = work.file("big.txt", BIG_STORY);
});
afterAll(() => work.remove());

/** A command line run by bash, with fic's reading positions kept in the scratch folder. */
function bash(command: string, timeout = 30_000): Promise<Run> {
	return runCommand(["bash", "-c", command], { configDir: work.config, timeout });
}

/** fic's peak memory (GNU time's maximum resident set, in KB) and seconds, with the output discarded. */
async function measured(command: string): Promise<{ run: Run; peakKb: number; seconds: number }> {
	const report = join(work.dir, `time-${Math.random().toString(36).slice(2)}`);
	const run = await bash(`/usr/bin/time -f '%M %e' -o ${quote(report)} ${command}`);
	const [peak, seconds] = readFileSync(report, "utf8").trim().split("\n").at(-1)?.split(" ").map(Number) ?? [];
	return { run, peakKb: peak ?? Number.NaN, seconds: seconds ?? Number.NaN };
}

describe.concurrent("standard input read to its end", () => {
	test.for([
		["cat story | fic --print (1.2 MB)", () => `cat ${quote(big)} | ${FIC} --print`],
		["cat story | fic --print - (1.2 MB)", () => `cat ${quote(big)} | ${FIC} --print -`],
		["a slow writer: (sleep 1; cat story) | fic --print", () => `(sleep 1; cat ${quote(big)}) | ${FIC} --print`],
		[
			"a writer in pieces: (head -c 70000; sleep 0.5; rest) | fic",
			() => `(head -c 70000 ${quote(big)}; sleep 0.5; tail -c +70001 ${quote(big)}) | ${FIC}`,
		],
	] as const)("%s: the whole story, exit 0", async ([name, command]) => {
		const run = await bash(command());
		recordOutcome("bad input", name, { crashed: crashed(run) });
		expect(run.stderr).toBe("");
		expect(run.status).toBe(0);
		expect(entries(run.stdout.toString("utf8"))).toEqual(entries(BIG_STORY));
	});
});

describe.concurrent("a closed output pipe ends fic quietly, as it ends cat", () => {
	test.for([
		["fic --print story | head -2", () => `${FIC} --print ${quote(big)} | head -2`],
		["fic story | head -1", () => `${FIC} ${quote(big)} | head -1`],
		["fic --notes story | head -1", () => `${FIC} --notes ${quote(work.file("notes.txt", noteStory()))} | head -1`],
		["fic --json story | head -c 50", () => `${FIC} --json ${quote(big)} | head -c 50`],
	] as const)("%s", async ([name, command]) => {
		const cat = await bash(`cat ${quote(big)} ${quote(big)} | head -2 >/dev/null; echo "status=\${PIPESTATUS[0]}"`);
		const run = await bash(`${command()} >/dev/null; echo "status=\${PIPESTATUS[0]}"`);
		const status = Number(/status=(\d+)/.exec(run.stdout.toString("utf8"))?.[1]);
		recordOutcome("faults", `output pipe closed early: ${name}`, { crashed: run.stderr !== "" || status !== 141 });
		// No stack trace and no message: nothing at all on stderr.
		expect(run.stderr).toBe("");
		// 141 = 128 + SIGPIPE, what the shell reports for cat in the same place.
		expect(status).toBe(Number(/status=(\d+)/.exec(cat.stdout.toString("utf8"))?.[1]));
		expect(status).toBe(141);
	});
});

/** A story with a note in every one of 3,000 chapters: --notes writes far more than a pipe holds. */
function noteStory(): string {
	const chapters: string[] = [];
	for (let chapter = 1; chapter <= 3000; chapter++)
		chapters.push(
			`Chapter ${chapter}\n\nA/N: Thanks for reading chapter ${chapter}.\n\n${storyText(1, 2).split("\n\n").slice(1).join("\n\n")}`,
		);
	return chapters.join("\n\n");
}

describe.concurrent("endless input is refused after the first megabyte of no text, in bounded memory", () => {
	test.for([
		["fic --print /dev/zero", "--print /dev/zero", /\/dev\/zero looks like a binary file/],
		["fic --print /dev/urandom", "--print /dev/urandom", /\/dev\/urandom looks like a binary file/],
		["fic --print - < /dev/zero", "--print - < /dev/zero", /standard input looks like a binary file/],
		["yes '' | fic --print (endless blank lines)", "--print", /standard input has no text in its first megabyte/],
	] as const)("%s", async ([name, args, message]) => {
		const command = name.startsWith("yes") ? `yes '' | ${FIC} ${args}` : `${FIC} ${args}`;
		const { run, peakKb, seconds } = await measured(command);
		recordOutcome("bad input", `endless input: ${name} (refused within 5 s, under 123 MB)`, { crashed: crashed(run) });
		expect(refusedInOneLine(run, 1), run.stderr).toBe(true);
		expect(run.stderr).toMatch(message);
		expect(peakKb).toBeLessThan(allowedKb(1024 * 1024));
		expect(seconds).toBeLessThan(5);
	});

	test("a 2 GB sparse file of 300 KB text then NULs: stopped at the text's end", async () => {
		const path = join(work.dir, "sparse.txt");
		const text = storyText(6, 50);
		writeFileSync(path, text);
		// Sparse: the 2 GB take no disk space; the file is removed with the scratch folder.
		execFileSync("truncate", ["-s", "2G", path]);
		const { run, peakKb, seconds } = await measured(`${FIC} --print ${quote(path)}`);
		const printed = await runFic(["--print", path], { configDir: work.config });
		recordOutcome(
			"bad input",
			`a 2 GB sparse file of 300 KB text then NULs (peak ${Math.round(peakKb / 1024)} MB, ${seconds} s)`,
			{
				crashed: crashed(run),
			},
		);
		expect(run.status, run.stderr).toBe(0);
		expect(entries(printed.stdout.toString("utf8"))).toEqual(entries(text));
		expect(printed.stdout.includes(0)).toBe(false);
		expect(peakKb).toBeLessThan(allowedKb(Buffer.byteLength(text)));
		expect(seconds).toBeLessThan(5);
	});

	test("a 2 GB sparse file of nothing but NULs is refused in one line", async () => {
		const path = join(work.dir, "holes.txt");
		writeFileSync(path, "");
		execFileSync("truncate", ["-s", "2G", path]);
		const { run, seconds } = await measured(`${FIC} --print ${quote(path)}`);
		recordOutcome("bad input", "a 2 GB sparse file of only NULs", { crashed: crashed(run) });
		expect(refusedInOneLine(run, 1), run.stderr).toBe(true);
		expect(run.stderr).toMatch(/has no text/);
		expect(seconds).toBeLessThan(5);
	});
});

describe.concurrent("deep HTML", () => {
	test("20,000 nested <div>s: the story is read, no stack overflow", async () => {
		const html = `<html><body>${"<div>".repeat(20_000)}<p>In entry 0001 the keeper read on.</p>${"</div>".repeat(20_000)}<p>In entry 0002 the keeper slept.</p></body></html>`;
		const path = work.file("deep.html", html);
		const run = await runFic(["--print", path], { configDir: work.config });
		recordOutcome("bad input", "20,000 nested <div>s in an HTML story", { crashed: crashed(run) });
		expect(run.stderr).toBe("");
		expect(run.status).toBe(0);
		expect(entries(run.stdout.toString("utf8"))).toEqual([1, 2]);
	});
});

describe.concurrent("a 20 MB story is printed in bounded memory (three times its size plus 120 MB)", () => {
	let story: string;
	beforeAll(() => {
		story = join(work.dir, "twenty.txt");
		writeStory(story, 20);
	});

	test.for(["--print", "--notes", "--json"])("fic %s", async (flag) => {
		const { run, peakKb, seconds } = await measured(`${INSTALLED_FIC} ${flag} ${quote(story)} >/dev/null`);
		const size = readFileSync(story).length;
		recordOutcome("bad input", `a 20 MB story: fic ${flag} (peak ${Math.round(peakKb / 1024)} MB, ${seconds} s)`, {
			crashed: crashed(run) || peakKb >= allowedKb(size),
		});
		expect(run.stderr).toBe("");
		expect(run.status).toBe(0);
		expect(peakKb).toBeGreaterThan(0);
		expect(peakKb).toBeLessThan(allowedKb(size));
	});
});
