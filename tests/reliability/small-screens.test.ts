// Small and narrow terminals in tmux: the help and the story info scroll instead of overlapping,
// whole descriptions at 80 columns, the notes hint kept in a narrow status bar, CJK cut by width.

import stringWidth from "string-width";
import { describe, expect, type TestContext, test } from "vitest";
import { ledgerCase } from "./hostile.js";
import { openTerminal, STABLE_MS, waitForReader } from "./screen.js";

describe.concurrent("small screens", { timeout: 40_000 }, () => {
	test("help at 80×15 shows whole rows and scrolls to the last one", async (context: TestContext) => {
		const outcome = ledgerCase(context, "bad input", "help and story info on an 80×15 terminal");
		const term = openTerminal(context, { columns: 80, rows: 15 });
		await term.open("stories/salt-and-static.txt");
		await waitForReader(term);
		term.sendKeys("H");
		const top = await term.waitFor("fic — keys", { stableMs: STABLE_MS });
		expect(top).toContain("j/k scroll");
		expect(top).toContain("Start of chapter, or the previous one");
		expect(top).not.toContain("Suspend to the shell");
		for (let line = 0; line < 30; line++) term.sendKeys("j");
		const bottom = await term.waitFor((screen) => screen.includes("Suspend to the shell"), { stableMs: STABLE_MS });
		// Each row is one key and its description: no row drawn over another.
		for (const row of bottom.split("\n").slice(2)) expect(row.match(/ {2,}\S/g)?.length ?? 0).toBeLessThanOrEqual(2);
		term.sendKeys("Escape");
		await waitForReader(term);
		term.sendKeys("q");
		await term.waitForPrompt();
		// An AO3 work's info (summary, tags, stats) is longer than 13 rows: it scrolls too.
		await term.open("stories/the-tidewatcher.ao3.html");
		await waitForReader(term);
		term.sendKeys("i");
		const info = await term.waitFor("Story info", { stableMs: STABLE_MS });
		term.sendKeys("j", "j", "j", "j", "j", "j", "j", "j", "j", "j");
		const scrolled = await term.waitFor((screen) => screen !== info, { stableMs: STABLE_MS });
		expect(scrolled).toContain("Story info");
		outcome({});
	});

	test("a narrow status bar keeps the notes hint and the page; CJK titles are cut by width", async (context: TestContext) => {
		const outcome = ledgerCase(context, "bad input", "status bar at 60 columns, a CJK story at 40 columns");
		const term = openTerminal(context, { columns: 60, rows: 20 });
		await term.open("stories/salt-and-static.txt");
		const first = await waitForReader(term);
		const status = first.split("\n").at(-1) ?? "";
		expect(status).toMatch(/page 1 of \d+/);
		expect(status).toContain("✎");
		term.resize({ columns: 40, rows: 12 });
		await term.waitFor((screen) => (screen.split("\n")[0]?.length ?? 99) <= 40, { stableMs: STABLE_MS });
		term.sendKeys("q");
		await term.waitForPrompt();
		await term.open("stories/yuki-no-tegami.txt");
		const japanese = await waitForReader(term);
		for (const row of japanese.split("\n")) expect(stringWidth(row)).toBeLessThanOrEqual(40);
		expect(japanese.split("\n").at(-1)).toMatch(/page 1 of/);
		outcome({});
	});
});
