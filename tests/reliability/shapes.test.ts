// Story files of strange shapes: huge lines, huge line counts, nothing but blanks, notes or breaks, odd bytes.

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkPrerequisites, isAlive } from "../e2e/tmux.js";
import {
	crashed,
	ledgerCase,
	refusedInOneLine,
	runFic,
	type Scratch,
	scratch,
	storyText,
	terminalHazards,
} from "./hostile.js";
import { recordOutcome } from "./ledger.js";
import { openTerminal, quitReader, quote, STABLE_MS } from "./screen.js";

let work: Scratch;

function printedLines(stdout: Buffer): string[] {
	return stdout.toString("utf8").replace(/\n$/, "").split("\n");
}

beforeAll(() => {
	work = scratch("shapes");
});
afterAll(() => work.remove());

describe.concurrent("huge", () => {
	test("one 10 MB line with no newline", { timeout: 60_000 }, async () => {
		const words = ["harbour", "lantern", "shingle", "ledger", "ferry", "gull", "tide", "rope"];
		const parts: string[] = [];
		let size = 0;
		for (let index = 0; size < 10 * 1024 * 1024; index++) {
			const word = `${words[index % words.length]}${index % 97}`;
			parts.push(word);
			size += word.length + 1;
		}
		const path = work.file("one-line.txt", parts.join(" "));
		const started = Date.now();
		const run = await runFic(["--print", "--width", "80", path], { configDir: work.config, timeout: 50_000 });
		const seconds = (Date.now() - started) / 1000;
		recordOutcome("bad input", "one 10 MB line with no newline (--print --width 80)", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		const lines = printedLines(run.stdout);
		const tooWide = lines.filter((line) => stringWidth(line) > 80);
		expect(tooWide.length, `first too-wide line: ${tooWide[0]?.slice(0, 100)}`).toBe(0);
		// Nothing dropped: every word comes out, in order.
		const out = lines.join(" ").split(/\s+/).filter(Boolean);
		const broken = out.filter((word) => !/^[a-z]+\d+$/.test(word) || !words.some((stem) => word.startsWith(stem)));
		expect(broken.slice(0, 4), "words cut in two").toEqual([]);
		expect(out.length).toBe(parts.length);
		expect(out.at(-1)).toBe(parts.at(-1));
		expect(seconds).toBeLessThan(45);
	});

	test("200,000 one-word lines", async () => {
		const words = Array.from({ length: 200_000 }, (_, index) => `w${index}`);
		const run = await runFic(["--print", "--width", "80", work.file("lines.txt", `${words.join("\n")}\n`)], {
			configDir: work.config,
		});
		recordOutcome("bad input", "200,000 one-word lines", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		const out = run.stdout.toString("utf8").split(/\s+/).filter(Boolean);
		expect(out.length).toBe(words.length);
		expect(out.slice(0, 3)).toEqual(["w0", "w1", "w2"]);
		expect(out.at(-1)).toBe("w199999");
		expect(printedLines(run.stdout).every((line) => stringWidth(line) <= 80)).toBe(true);
	});

	test("a 5,000-character word", async () => {
		const word = Array.from({ length: 5000 }, (_, index) => "abcdefghij"[index % 10]).join("");
		const run = await runFic(
			["--print", "--width", "80", work.file("long-word.txt", `Before it ${word} and after.\n`)],
			{
				configDir: work.config,
			},
		);
		recordOutcome("bad input", "a 5,000-character word", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		const lines = printedLines(run.stdout);
		expect(lines.every((line) => stringWidth(line) <= 80)).toBe(true);
		// Split across lines but whole: no character lost or added.
		expect(lines.join("").replace(/\s+/g, "")).toBe(`Beforeit${word}andafter.`);
	});
});

describe.concurrent("empty of story", () => {
	test("a file of only blank lines is refused in one line", async () => {
		const run = await runFic(["--print", work.file("blank.txt", "\n\n   \n\t\n\r\n\n")], { configDir: work.config });
		recordOutcome("bad input", "a file of only blank lines", { crashed: crashed(run) });
		expect(refusedInOneLine(run, 1), run.stderr).toBe(true);
		expect(run.stderr).toMatch(/no text/);
		expect(run.stdout.length).toBe(0);
	});

	test("only scene breaks", async () => {
		const path = work.file("breaks.txt", "* * *\n\n~~~\n\n***\n\n-x-x-\n\noOo\n");
		const runs = await Promise.all(
			["--print", "--json", "--notes"].map((flag) => runFic([flag, path], { configDir: work.config })),
		);
		recordOutcome("bad input", "a file of only scene breaks", { crashed: runs.some(crashed) });
		// Either an (empty) story or a one-line refusal: both are answers, neither is a crash.
		for (const run of runs) {
			expect(run.status === 0 || refusedInOneLine(run, 1), run.stderr).toBe(true);
			expect(terminalHazards(run.stdout)).toEqual([]);
		}
	});

	test("only author's notes, no story: --json shows the notes and no text", async () => {
		const path = work.file("notes-only.txt", NOTES_ONLY);
		const run = await runFic(["--json", path], { configDir: work.config });
		recordOutcome("bad input", "only author's notes and no story (--json)", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		const story = JSON.parse(run.stdout.toString("utf8"));
		expect(story.notes.length).toBeGreaterThanOrEqual(2);
		expect(story.notes.map((note: { text: string }) => note.text).join("\n")).toContain("prompt exchange");
		expect(story.text.trim()).toBe("");
	});
});

const NOTES_ONLY = [
	"A/N: This is the placeholder for chapter one, written for the prompt exchange.",
	"Disclaimer: the harbour belongs to its creator.",
	"A/N: The real chapter goes up next week, thank you for your patience!",
].join("\n\n");

describe.concurrent("line ends, tabs and NUL bytes", () => {
	test("mixed CRLF, CR and LF", async () => {
		const path = work.file(
			"line-ends.txt",
			"First line\r\nof one paragraph\rstill the same\nparagraph.\r\n\r\nSecond paragraph here.\r\rThird paragraph here.\n\nFourth.\r",
		);
		const json = await runFic(["--json", path], { configDir: work.config });
		const print = await runFic(["--print", path], { configDir: work.config });
		recordOutcome("bad input", "mixed CRLF, CR and LF line ends", { crashed: crashed(json) || crashed(print) });
		expect([json.status, print.status]).toEqual([0, 0]);
		expect(JSON.parse(json.stdout.toString("utf8")).text.split("\n\n")).toEqual([
			"First line of one paragraph still the same paragraph.",
			"Second paragraph here.",
			"Third paragraph here.",
			"Fourth.",
		]);
		expect(print.stdout.includes("\r")).toBe(false);
	});

	test("tabs", async () => {
		const path = work.file("tabs.txt", "\tIndented\twith\ttabs between\t\twords, and a\ttable:\n\tone\ttwo\tthree\n");
		const run = await runFic(["--print", "--width", "20", path], { configDir: work.config });
		recordOutcome("bad input", "tabs", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout.includes("\t")).toBe(false);
		expect(printedLines(run.stdout).every((line) => stringWidth(line) <= 20)).toBe(true);
		expect(run.stdout.toString("utf8").replace(/\s+/g, " ")).toContain("Indented with tabs between words");
	});

	test("one stray NUL byte is read as text", async () => {
		const run = await runFic(
			["--print", work.file("stray-nul.txt", "The ferry left\u0000 at dawn, and nobody waved.\n")],
			{
				configDir: work.config,
			},
		);
		recordOutcome("bad input", "one stray NUL byte in a story", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout.toString("utf8")).toContain("nobody waved");
		expect(terminalHazards(run.stdout)).toEqual([]);
	});

	test.each([
		["an executable", () => readFileSync(process.execPath).subarray(0, 64 * 1024)],
		["a gzip-compressed story", () => gzipSync(storyText(3, 20))],
	])("%s is refused as binary in one line", async (name, bytes) => {
		const run = await runFic(["--print", work.file(`binary-${name.replace(/\W+/g, "-")}.txt`, bytes())], {
			configDir: work.config,
		});
		recordOutcome("bad input", `a real binary file: ${name}`, { crashed: crashed(run) });
		expect(terminalHazards(run.stdout)).toEqual([]);
		expect(refusedInOneLine(run, 1), `status ${run.status}, stderr ${JSON.stringify(run.stderr)}`).toBe(true);
		expect(run.stderr).toMatch(/binary/);
		expect(run.stdout.length).toBe(0);
	});
});

describe("the reader on a notes-only story", { timeout: 30_000 }, () => {
	beforeAll(checkPrerequisites);

	test("shows the notes, takes keys and quits cleanly with q", async (context) => {
		const outcome = ledgerCase(context, "bad input", "only author's notes and no story (the reader in tmux)");
		const term = openTerminal(context, { columns: 100, rows: 24 });
		const pid = await term.open(quote(work.file("notes-only-reader.txt", NOTES_ONLY)));
		const screen = await term.waitFor("prompt exchange", { stableMs: STABLE_MS });
		for (const key of ["Space", "b", "G", "g", "j", "k", "]", "[", "a", "a"]) term.sendKeys(key);
		await term.waitFor("prompt exchange", { stableMs: STABLE_MS });
		const alive = isAlive(pid);
		const status = await quitReader(term);
		outcome({
			crashed: !alive || status !== 0,
		});
		expect(screen).toContain("A/N");
		expect(alive).toBe(true);
		expect(status).toBe(0);
	});
});
