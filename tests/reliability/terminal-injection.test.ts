// Story files that try to drive the terminal: escape sequences, C1 controls, bells, backspaces, bidi overrides.

import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, type TestContext, test } from "vitest";
import { checkPrerequisites, isAlive } from "../e2e/tmux.js";
import { crashed, ledgerCase, runFic, type Scratch, scratch, storyText, terminalHazards } from "./hostile.js";
import { recordOutcome } from "./ledger.js";
import { openTerminal, quote, sleep, waitForReader, waitForShell } from "./screen.js";

const ESC = "\u001b";
const BEL = "\u0007";
const CLIPBOARD = `${ESC}]52;c;ZWNobyBQV05FRA==${BEL}`;
const TITLE = `${ESC}]0;PWNED${BEL}`;
const LINK = `${ESC}]8;;https://example.invalid/${ESC}\\the harbour office${ESC}]8;;${ESC}\\`;

/** Story text (original) carrying every payload, in the prose and in an author's note. */
const HOSTILE = [
	"Chapter 1: Static",
	`A/N: Thanks for reading${CLIPBOARD} and for the title ${TITLE} suggestions.`,
	`Maren tuned the set and the screen ${ESC}[2J${ESC}[H went blank, then the cursor ${ESC}[10;10H jumped.`,
	`She copied the call sign ${CLIPBOARD} into the log and rang ${LINK} twice.`,
	`The window said ${TITLE} for a moment, and the bell rang${BEL}${BEL} in the hall.`,
	"The typist struck abc\b\b\bxyz and a C1 control \u009b31m turned nothing red.",
	"Backwards: \u202eevil\u202c and isolated \u2066left\u2069 \u2067right\u2069 \u2068first\u2069 \u202aembed\u202c \u202bembed\u202c \u202doverride\u202c.",
].join("\n\n");

let work: Scratch;

beforeAll(() => {
	work = scratch("injection");
});
afterAll(() => work.remove());

describe.concurrent("the printed story never drives the terminal", () => {
	test.each(["--print", "--notes", "--json"])("a UTF-8 story full of escapes, through %s", async (flag) => {
		const path = work.file(`hostile${flag}.txt`, `${HOSTILE}\n\n${storyText(1, 6)}`);
		const run = await runFic([flag, path], { configDir: work.config });
		const hazards = terminalHazards(run.stdout);
		recordOutcome("bad input", `escape sequences, C1, BEL, backspaces and bidi in a UTF-8 story (${flag})`, {
			crashed: crashed(run),
		});
		expect(run.status, run.stderr).toBe(0);
		expect(hazards).toEqual([]);
		const text = run.stdout.toString("utf8");
		if (flag === "--print") {
			// The controls are still there to see, as stand-ins, and the prose around them is intact.
			for (const standIn of ["␛[2J", "␛]52;c;", "␛]0;PWNED␇", "␛]8;;", "␇␇", "␈␈␈", "�"])
				expect(text).toContain(standIn);
			expect(text).toContain("into the log and rang");
		}
		if (flag === "--notes") expect(text).toContain("␛]52;c;");
	});

	test("a raw C1 CSI byte (0x9B) in a Windows-1252 story, detected and with --encoding latin1", async () => {
		// In Windows-1252 0x9B is "›"; in Latin-1 it is the C1 control CSI, which must become a stand-in.
		const bytes = Buffer.concat([
			iconv.encode("Chapter 1: Static\n\n\u201cQuiet,\u201d said Maren \u2014 and the set hissed. ", "windows-1252"),
			Buffer.from([0x9b, 0x33, 0x31, 0x6d]),
			iconv.encode(" Red? No. The caf\u00e9 stayed dark.\u001b[2J\n", "windows-1252"),
		]);
		const path = work.file("c1.txt", bytes);
		const variants = [["--print"], ["--print", "--encoding", "latin1"], ["--notes"]];
		const runs = await Promise.all(variants.map((flags) => runFic([...flags, path], { configDir: work.config })));
		runs.forEach((run, index) => {
			recordOutcome("bad input", `raw C1 byte 0x9B in a single-byte file (${variants[index]?.join(" ")})`, {
				crashed: crashed(run),
			});
		});
		expect(runs.map((run) => run.status)).toEqual([0, 0, 0]);
		expect(runs.map((run) => terminalHazards(run.stdout))).toEqual([[], [], []]);
		expect(runs[0]?.stdout.toString("utf8")).toContain("\u201cQuiet,\u201d said Maren \u2014");
		expect(runs[0]?.stdout.toString("utf8")).toContain("caf\u00e9");
	});

	test("a file name made of escape sequences, in --notes and in error messages", async () => {
		// A file name is bytes the story's author chose too (a download keeps the title it was given).
		const name = `Static${TITLE}${ESC}[2J.txt`;
		const path = work.file(name, `A/N: A short note first.\n\n${storyText(1, 3)}`);
		const runs = await Promise.all([
			runFic(["--notes", path], { configDir: work.config }),
			runFic(["--print", path], { configDir: work.config }),
			runFic(["--print", join(work.dir, `missing${TITLE}.txt`)], { configDir: work.config }),
		]);
		const [notes, print, missing] = runs.map((run) => [
			...terminalHazards(run.stdout),
			...terminalHazards(Buffer.from(run.stderr)),
		]);
		recordOutcome("bad input", "a file name made of escape sequences (--notes, --print, a missing file)", {
			crashed: runs.some(crashed),
		});
		expect(runs.map((run) => run.status)).toEqual([0, 0, 1]);
		expect({ notes, print, missing }, "the file name reaches the terminal unescaped").toEqual({
			notes: [],
			print: [],
			missing: [],
		});
	});

	test("an HTML story whose character references spell out controls (&#27; &#x9b; &#x202e;)", async () => {
		const path = work.file(
			"references.html",
			[
				"<!DOCTYPE html><html><head><title>Static&#27;]0;PWNED&#7;</title></head><body>",
				"<h2>Chapter 1: Static</h2>",
				"<p>A/N: copy this &#27;]52;c;cHduZWQ=&#7; please.</p>",
				"<p>The screen &#x1b;[2J went dark &#x9b;31m and &#155;31m, then &#x202e;backwards&#x202c; and &#8;&#8; back.</p>",
				`<p>${storyText(1, 3).split("\n\n").slice(1).join("</p><p>")}</p>`,
				"</body></html>",
			].join("\n"),
		);
		const flags = ["--print", "--notes", "--json"];
		const runs = await Promise.all(flags.map((flag) => runFic([flag, path], { configDir: work.config })));
		recordOutcome("bad input", "HTML character references for ESC, BEL, C1 and bidi", { crashed: runs.some(crashed) });
		expect(runs.map((run) => run.status)).toEqual([0, 0, 0]);
		expect(runs.map((run) => terminalHazards(run.stdout))).toEqual([[], [], []]);
		expect(runs[0]?.stdout.toString("utf8")).toContain("␛[2J");
	});

	test("Markdown front matter whose YAML escapes spell out controls (\\e, \\a, \\x1b, \\u202e)", async () => {
		// The file holds only printable characters; YAML's double-quoted escapes make the controls.
		const path = work.file(
			"front.md",
			[
				"---",
				'title: "Static\\e]0;PWNED\\a\\x1b[2J \\u202eTitle"',
				'author: "Quill\\e]52;c;ZWNobyBQV05FRA==\\a"',
				'summary: "A summary \\x9b31m in red"',
				'notes: "A/N: see \\e]8;;https://example.invalid/\\e\\\\the office\\e]8;;\\e\\\\ for more"',
				"---",
				"",
				"# Chapter One",
				"",
				storyText(1, 3).replace(/^Chapter 1: .*\n/, ""),
			].join("\n"),
		);
		const runs = await Promise.all(
			["--notes", "--json", "--print"].map((flag) => runFic([flag, path], { configDir: work.config })),
		);
		const hazards = runs.map((run) => terminalHazards(run.stdout));
		recordOutcome("bad input", "Markdown front matter with YAML escapes for ESC, BEL, C1 and bidi", {
			crashed: runs.some(crashed),
		});
		expect(runs.map((run) => run.status)).toEqual([0, 0, 0]);
		expect({ notes: hazards[0], json: hazards[1], print: hazards[2] }).toEqual({ notes: [], json: [], print: [] });
	});
});

describe.concurrent("the reader on a real terminal writes none of the story's payloads", { timeout: 40_000 }, () => {
	beforeAll(checkPrerequisites);

	/** Opens `path` with every byte fic writes to the pane copied to a file; pages to the end and back; quits. */
	async function readCapturing(
		context: TestContext,
		path: string,
	): Promise<{ raw: Buffer; title: string; buffers: string; alive: boolean }> {
		const term = openTerminal(context, { columns: 100, rows: 24 });
		// An application may set tmux's clipboard with OSC 52 only when set-clipboard is on.
		term.tmux("set-option", "-g", "set-clipboard", "on");
		const rawFile = join(term.dir, "pane.raw");
		term.tmux("pipe-pane", "-o", "-t", "e2e", `cat >> ${quote(rawFile)}`);
		const pid = await term.open(quote(path));
		await waitForReader(term);
		for (const key of ["G", "g", "Space", "a", "a", "]", "b"]) {
			term.sendKeys(key);
			await sleep(80);
		}
		await waitForReader(term);
		const alive = isAlive(pid);
		term.sendKeys("q");
		await waitForShell(term);
		term.tmux("pipe-pane", "-t", "e2e");
		// cat may still be copying the last bytes: wait until the file stops growing.
		let size = -1;
		await term.until("the pane copy is complete", () => {
			const now = existsSync(rawFile) ? statSync(rawFile).size : 0;
			const settled = now > 0 && now === size;
			size = now;
			return settled;
		});
		return {
			raw: readFileSync(rawFile),
			title: term.format("#{pane_title}"),
			buffers: term.tmux("list-buffers"),
			alive,
		};
	}

	function payloadsIn(raw: Buffer): string[] {
		// The stand-ins show the payloads' text (␛]52;…), so what must be missing is ESC followed by it.
		const text = raw.toString("latin1");
		const found = ["\u001b]52;", "\u001b]0;PWNED", "\u001b]8;;"]
			.filter((payload) => text.includes(payload))
			.map((payload) => payload.replace("\u001b", "ESC"));
		if (raw.toString("utf8").includes("\u202e")) found.push("U+202E");
		// A stray C1 byte (outside a UTF-8 sequence) is what a terminal would take for CSI.
		for (const hazard of terminalHazards(raw))
			if (hazard.startsWith("stray") || hazard.startsWith("C1")) found.push(hazard);
		return [...new Set(found)];
	}

	test("a plain-text story full of escapes", async (context) => {
		const outcome = ledgerCase(
			context,
			"bad input",
			"escape sequences in a story read on a real terminal (tmux pipe-pane)",
		);
		const path = work.file("screen.txt", `${HOSTILE}\n\n${storyText(2, 10)}`);
		const result = await readCapturing(context, path);
		const found = payloadsIn(result.raw);
		outcome({
			crashed: !result.alive,
		});
		// Ink writes its own escape codes (cursor, colours, alternate screen); the story's must not get through.
		expect(result.raw.includes("\u001b[")).toBe(true);
		expect(found).toEqual([]);
		expect(result.title).not.toContain("PWNED");
		expect(result.buffers.trim(), "OSC 52 must not reach tmux's clipboard").toBe("");
	});

	test("Markdown front matter with YAML escapes", async (context) => {
		const outcome = ledgerCase(
			context,
			"bad input",
			"Markdown front matter escapes read on a real terminal (tmux pipe-pane)",
		);
		const path = work.file(
			"screen.md",
			[
				"---",
				'title: "Static\\e]0;PWNED\\a \\u202eTitle"',
				// Short payloads: a sequence cut by the panel's line wrap would be mangled, not refused.
				'notes: "A/N: \\e]8;;http://x/\\e\\\\see\\e]8;;\\e\\\\ ok \\e]52;c;cHduZWQ=\\a"',
				"---",
				"",
				"# Chapter One",
				"",
				storyText(1, 8).replace(/^Chapter 1: .*\n/, ""),
			].join("\n"),
		);
		const result = await readCapturing(context, path);
		const found = payloadsIn(result.raw);
		outcome({
			crashed: !result.alive,
		});
		expect(found).toEqual([]);
		expect(result.title).not.toContain("PWNED");
		expect(result.buffers.trim()).toBe("");
	});
});
