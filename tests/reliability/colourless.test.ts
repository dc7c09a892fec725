// Terminals without colours (TERM=dumb, FORCE_COLOR=0, NO_COLOR): no escapes for colour or inverse
// are sent, so the selection and the search matches must show as text.

import { describe, expect, type TestContext, test } from "vitest";
import { ledgerCase } from "./hostile.js";
import { openTerminal, STABLE_MS, waitForReader } from "./screen.js";

const SETTINGS = [
	["TERM=dumb", "export TERM=dumb"],
	["FORCE_COLOR=0", "export FORCE_COLOR=0"],
	["NO_COLOR=1", "export NO_COLOR=1"],
] as const;

describe.concurrent("without colours", { timeout: 40_000 }, () => {
	test.for(SETTINGS)(
		"%s: the selected row and the matches' lines are marked in text",
		async ([name, setting], context: TestContext) => {
			const outcome = ledgerCase(context, "bad input", `${name}: selection and search matches shown as text`);
			const term = openTerminal(context, { columns: 100, rows: 30 });
			await term.waitForPrompt();
			term.type(setting);
			await term.open("stories");
			const library = await term.waitFor((screen) => /^›\S/m.test(screen) && !screen.includes("Reading "), {
				stableMs: STABLE_MS,
			});
			expect(library.split("\n").filter((row) => row.startsWith("›"))).toHaveLength(1);
			term.sendKeys("Down");
			const moved = await term.waitFor((screen) => screen !== library, { stableMs: STABLE_MS });
			const selected = moved.split("\n").findIndex((row) => row.startsWith("›"));
			expect(selected).toBe(library.split("\n").findIndex((row) => row.startsWith("›")) + 1);
			term.sendKeys("Enter");
			await waitForReader(term);
			term.sendKeys("/");
			term.sendKeys("-l", "the");
			term.sendKeys("Enter");
			const found = await term.waitFor((screen) => /match \d+ of \d+/.test(screen), { stableMs: STABLE_MS });
			const marked = found.split("\n").filter((row) => /^[›»]/.test(row));
			expect(marked.length).toBeGreaterThan(0);
			expect(marked.filter((row) => row.startsWith("»"))).toHaveLength(1);
			// The contents and a move in it, in one write: the marker follows the selection.
			term.sendKeys("t", "g");
			const contents = await term.waitFor((screen) => screen.includes("Contents"), { stableMs: STABLE_MS });
			const rows = contents.split("\n");
			expect(rows.filter((row) => /^\s*›/.test(row))).toHaveLength(1);
			expect(rows.findIndex((row) => /^\s*›/.test(row))).toBe(rows.findIndex((row) => row.trim() === "") + 1);
			outcome({});
		},
	);
});
