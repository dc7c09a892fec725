// The library and long chapters in tmux: folders entered and left, the / filter, a FIFO listed
// with its reason, Esc back to the story; a chapter longer than the pieces around the page keeps its title.

import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, type TestContext, test } from "vitest";
import { ledgerCase, type Scratch, scratch } from "./hostile.js";
import { openTerminal, quote, STABLE_MS, waitForReader } from "./screen.js";

let work: Scratch;
let longChapter: string;

beforeAll(() => {
	work = scratch("library-chapters");
	work.file("harbour.txt", "The Harbour\n\nChapter 1\n\nThe tide came in over the wall.\n");
	work.file("lantern.txt", "The Lantern\n\nChapter 1\n\nThe lamp swung in the wind.\n");
	mkdirSync(join(work.dir, "drafts"));
	work.file("drafts/island.txt", "The Island\n\nChapter 1\n\nOne tree, one opinion.\n");
	expect(spawnSync("mkfifo", [join(work.dir, "pipe.txt")]).status).toBe(0);
	const parts = ["The Long Walk", "Chapter 1: Setting Out", "They left before dawn.", "Chapter 2: The Causeway"];
	for (let paragraph = 0; parts.join("\n\n").length < 400_000; paragraph++)
		parts.push(`Stone ${paragraph} of the causeway was wet, and the tide kept its own counsel. `.repeat(4));
	parts.push("Chapter 3: The Island", "The island had one tree.");
	longChapter = work.file("long.txt", parts.join("\n\n"));
});
afterAll(() => work.remove());

describe.concurrent("the library and long chapters", { timeout: 40_000 }, () => {
	test("folders, the filter, a FIFO's reason, and Esc back to the story", async (context: TestContext) => {
		const outcome = ledgerCase(context, "bad input", "library: a folder, a FIFO, the / filter, Esc back to the story");
		const term = openTerminal(context, { columns: 100, rows: 24 });
		await term.open(quote(work.dir));
		const listed = await term.waitFor((screen) => /lantern +8 words/.test(screen) && !screen.includes("Reading "), {
			stableMs: STABLE_MS,
		});
		expect(listed).toMatch(/▸ drafts\//);
		expect(listed).toMatch(/pipe\.txt — not a regular file/);
		// The FIFO is the last row.
		const rows = listed.split("\n").filter((row) => row.trim() !== "");
		expect(rows.at(-2)).toContain("pipe.txt");
		term.sendKeys("/");
		term.sendKeys("-l", "lant");
		await term.waitFor((screen) => screen.includes("/lant") && !screen.includes("The Harbour"), {
			stableMs: STABLE_MS,
		});
		term.sendKeys("Enter", "Enter");
		await waitForReader(term);
		term.sendKeys("L");
		await term.waitFor("Library ·", { stableMs: STABLE_MS });
		term.sendKeys("Escape");
		const back = await waitForReader(term);
		expect(back.split("\n").at(-1)).toMatch(/^ ?lantern · /);
		// L, then the first row past .. (the folder), in one write.
		term.sendKeys("L", "g", "j", "Enter");
		const inside = await term.waitFor((screen) => /island +\d+ words/.test(screen) && screen.includes("drafts"), {
			stableMs: STABLE_MS,
		});
		expect(inside).toMatch(/▸ \.\.\//);
		outcome({});
	});

	test("a chapter of several pieces keeps its title in the status bar from its middle", async (context: TestContext) => {
		const outcome = ledgerCase(context, "bad input", "a 400 KB chapter: its title and time left from its middle");
		const term = openTerminal(context, { columns: 100, rows: 24 });
		await term.open(quote(longChapter));
		await waitForReader(term);
		term.sendKeys("5", "0", "%");
		const middle = await term.waitFor((screen) => /· 5\d% ·/.test(screen.split("\n").at(-1) ?? ""), {
			stableMs: STABLE_MS,
		});
		expect(middle.split("\n").at(-1)).toContain("Chapter 2: The Causeway");
		expect(middle.split("\n").at(-1)).toMatch(/min left in chapter/);
		outcome({});
	});
});
