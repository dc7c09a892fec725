// Resize storms and extreme sizes while reading: the reader stays alive and on the same passage.

import { afterAll, beforeAll, describe, expect, type TestContext, test } from "vitest";
import { checkPrerequisites, isAlive, type Size, type Terminal } from "../e2e/tmux.js";
import { entries, ledgerCase, type Scratch, scratch, storyText } from "./hostile.js";
import {
	openPagesIn,
	pageNumber,
	quitReader,
	READING_SIZE,
	STABLE_MS,
	textRows,
	topText,
	waitForReader,
} from "./screen.js";

let work: Scratch;
let story: string;

beforeAll(() => {
	checkPrerequisites();
	work = scratch("resize");
	story = work.file("the-ledger.txt", storyText(3, 24));
});
afterAll(() => work.remove());

/** fic open on the story at the reading size, three pages in. */
const readThreePages = (context: TestContext) => openPagesIn(context, story, 3);

/**
 * Back to the reading size; the settled page. tmux shows the old frame cut to size until fic
 * redraws, so this waits (a while, on a loaded machine) for the expected passage, and otherwise
 * returns whatever the screen ended with for the assertions to report.
 */
async function backToReadingSize(term: Terminal, expectedTop: string): Promise<string> {
	term.resize(READING_SIZE);
	try {
		return await term.waitFor((screen) => pageNumber(screen) !== undefined && topText(screen) === expectedTop, {
			stableMs: STABLE_MS,
			timeout: 5000,
		});
	} catch {
		return waitForReader(term);
	}
}

describe.concurrent("resizing", { timeout: 40_000 }, () => {
	test("a storm of 50 resizes in about a second keeps the passage", async (context) => {
		const outcome = ledgerCase(context, "faults", "50 window resizes in about a second");
		const { term, pid, page } = await readThreePages(context);
		const started = Date.now();
		for (let index = 0; index < 50; index++) {
			term.resize({ columns: 20 + ((index * 37) % 181), rows: 6 + ((index * 13) % 55) });
		}
		const stormMs = Date.now() - started;
		const after = await backToReadingSize(term, topText(page));
		const alive = isAlive(pid);
		const kept = topText(after) === topText(page);
		const status = await quitReader(term);
		outcome({
			crashed: !alive || status !== 0,
			lost: kept ? 0 : 1,
		});
		expect(alive).toBe(true);
		// Only a storm that was one (tmux answers each resize in a few ms) shows anything.
		expect(stormMs).toBeLessThan(5000);
		expect(topText(after), "the same passage as before the storm").toBe(topText(page));
		expect(status).toBe(0);
	});

	test("down to 1×1 shows something, and the passage comes back", async (context) => {
		const outcome = ledgerCase(context, "faults", "terminal sizes 1×1, 2×2, 19×5 and 20×6");
		const { term, pid, page } = await readThreePages(context);
		const shown: string[] = [];
		for (const size of [
			{ columns: 1, rows: 1 },
			{ columns: 2, rows: 2 },
			{ columns: 19, rows: 5 },
			{ columns: 20, rows: 6 },
		] satisfies Size[]) {
			term.resize(size);
			const screen = await term.waitFor((current) => current.trim() !== "" && term.size().columns === size.columns, {
				stableMs: STABLE_MS,
			});
			shown.push(screen.trim());
		}
		const after = await backToReadingSize(term, topText(page));
		const alive = isAlive(pid);
		const kept = topText(after) === topText(page);
		const status = await quitReader(term);
		outcome({
			crashed: !alive || status !== 0,
			lost: kept ? 0 : 1,
		});
		expect(alive).toBe(true);
		expect(shown.every((screen) => screen.length > 0)).toBe(true);
		expect(shown[2]).toMatch(/^Terminal too/);
		expect(topText(after)).toBe(topText(page));
		expect(status).toBe(0);
	});

	test("up to 500×200 shows the page at a readable width, and the passage comes back", async (context) => {
		const outcome = ledgerCase(context, "faults", "terminal size 500×200");
		const { term, pid, page } = await readThreePages(context);
		term.resize({ columns: 500, rows: 200 });
		const huge = await term.waitFor((screen) => screen.split("\n").length >= 200 && /·\s+page \d+/.test(screen), {
			stableMs: STABLE_MS,
		});
		const widest = Math.max(...textRows(huge).map((row) => row.length));
		const after = await backToReadingSize(term, topText(page));
		const alive = isAlive(pid);
		const kept = topText(after) === topText(page);
		const status = await quitReader(term);
		outcome({ crashed: !alive || status !== 0, lost: kept ? 0 : 1 });
		expect(alive).toBe(true);
		// The passage is there (wrapped differently), at the readable measure, not 500 columns wide.
		expect(entries(textRows(huge).join(" "))).toContain(entries(textRows(page).join(" "))[0]);
		expect(widest).toBeLessThanOrEqual(80);
		expect(topText(after)).toBe(topText(page));
		expect(status).toBe(0);
	});
});
