// Finding your way in a real terminal: search, a jump from the contents, a mark, quit, reopen, back to the mark.

import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { checkPrerequisites, lastRow, PROMPT, type Size, Terminal } from "./tmux.js";

const STORY = "stories/salt-and-static.txt";
const SIZE: Size = { columns: 100, rows: 30 };
/** A frame counts as drawn once it has not changed for this long. */
const STABLE_MS = 100;
const STATUS = /Salt and Static · .*page (\d+) of ~?\d+|page (\d+) of ~?\d+ · \d+%/;

const terminals: Terminal[] = [];
beforeAll(checkPrerequisites);
afterEach(async () => {
	for (const opened of terminals.splice(0).reverse()) await opened.close();
});

function pageNumber(screen: string): number | undefined {
	const match = STATUS.exec(lastRow(screen));
	return match ? Number(match[1] ?? match[2]) : undefined;
}

/** The reading pane's text (left of the notes panel), spaces squeezed. */
function pane(screen: string): string {
	return screen
		.split("\n")
		.slice(0, -1)
		.map((row) => (row.split(/[│╭╮╰╯]/)[0] ?? "").replace(/^[›»]/, " "))
		.join(" ")
		.replace(/\s+/g, " ");
}

/** The first row of the reading pane: which passage the page starts at (without the margin's match mark). */
function topRow(screen: string): string {
	return (screen.split("\n")[0]?.split(/[│╭╮╰╯]/)[0] ?? "").replace(/^[›»]/, " ").trim();
}

async function waitForStatus(term: Terminal, test: (status: string, screen: string) => boolean): Promise<string> {
	return term.waitFor(
		(screen) => {
			if (lastRow(screen) === PROMPT.trim()) throw new Error(`fic is not running; the screen was:\n${screen}`);
			return test(lastRow(screen), screen);
		},
		{ stableMs: STABLE_MS },
	);
}

describe("finding your way in tmux", { timeout: 60_000 }, () => {
	test("search, jump from the contents, set a mark, quit, reopen and go back to the mark", async () => {
		const term = new Terminal(SIZE);
		terminals.push(term);
		await term.open(STORY);
		const first = await waitForStatus(term, (status) => pageNumber(status) === 1);
		expect(pane(first)).not.toContain("Semaphore");

		// Search: typed letter by letter, the page follows; Enter keeps it.
		term.sendKeys("/");
		term.sendKeys("-l", "semaphore");
		await waitForStatus(term, (status) => /\/semaphore .*match 1 of \d+/.test(status));
		term.sendKeys("Enter");
		const found = await waitForStatus(term, (status) => /match 1 of \d+ · Chapter 3: Field Notes/.test(status));
		expect(pane(found)).toContain("Semaphore");
		const page = pageNumber(found) as number;
		const passage = topRow(found);
		expect(page).toBeGreaterThan(1);

		// Keys go one at a time, each after the screen shows the one before was read: tmux sends the
		// keys of one send-keys in one write, and Ink reads such a write as one key.
		term.sendKeys("m");
		await waitForStatus(term, (status) => status.includes("type a letter"));
		term.sendKeys("a");
		await waitForStatus(term, (status) => status.includes("Mark a set"));

		// A jump from the table of contents (to the start of this chapter), and '' back.
		term.sendKeys("t");
		await term.waitFor((screen) => /Contents/.test(screen) && /▸ Chapter 3: Field Notes/.test(screen), {
			stableMs: STABLE_MS,
		});
		term.sendKeys("Enter");
		// The match may be on the chapter's first page too (the page number is the top line's page): the top row tells.
		const start = await waitForStatus(
			term,
			(_status, screen) => !screen.includes("Contents") && topRow(screen) !== passage,
		);
		expect(topRow(start)).toBe("Chapter 3: Field Notes");
		term.sendKeys("'");
		await waitForStatus(term, (status) => status.includes("type a mark's letter"));
		term.sendKeys("'");
		const back = await waitForStatus(term, (_status, screen) => topRow(screen) === passage);
		expect(pageNumber(back)).toBe(page);

		// Leave from the first page, so that reopening does not land on the mark by itself.
		term.sendKeys("g");
		await waitForStatus(term, (status) => pageNumber(status) === 1);
		term.sendKeys("q");
		await term.waitForPrompt();

		await term.open(STORY);
		const reopened = await waitForStatus(term, (status) => pageNumber(status) === 1);
		expect(pane(reopened)).not.toContain("Semaphore");
		term.sendKeys("'");
		await waitForStatus(term, (status) => status.includes("type a mark's letter (a)"));
		term.sendKeys("a");
		const marked = await waitForStatus(term, (_status, screen) => topRow(screen) === passage);
		expect(pageNumber(marked)).toBe(page);
		expect(pane(marked)).toContain("Semaphore");
		expect(lastRow(marked)).toContain("Field Notes");
		term.sendKeys("q");
		await term.waitForPrompt();
	});
});
