// Keys that arrive together, in a real terminal: each row of the key-burst table is sent in one
// send-keys call and, in another fic, one key at a time; both must end on the same screen, the right one.

import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { checkPrerequisites, lastRow, PROMPT, type Size, Terminal } from "./tmux.js";

const SIZE: Size = { columns: 100, rows: 30 };
/** A frame counts as drawn once it has not changed for this long. */
const STABLE_MS = 150;
const STORY = "stories/salt-and-static.txt";

const terminals: Terminal[] = [];
beforeAll(checkPrerequisites);
afterEach(async () => {
	for (const opened of terminals.splice(0).reverse()) await opened.close();
});

function running(screen: string): string {
	if (lastRow(screen) === PROMPT.trim()) throw new Error(`fic is not running; the screen was:\n${screen}`);
	return screen;
}

/**
 * The story's page or the library's rows are drawn and have stayed still; the library's, once
 * every story's title is read (on a busy machine a row can wait longer than a still frame).
 */
async function drawn(term: Terminal): Promise<string> {
	const ready = (screen: string) =>
		/page \d+ of \d+/.test(screen) || (/Library · .* \d+ stor/.test(screen) && !/Reading [\d,]+ of/.test(screen));
	return term.waitFor((screen) => ready(running(screen)), { stableMs: STABLE_MS });
}

const status = (screen: string) => lastRow(screen);
const topRow = (screen: string) => (screen.split("\n")[0] ?? "").split(/[│╭╮╰╯]/)[0]?.trim() ?? "";

interface Row {
	name: string;
	args: string;
	before?: string[];
	keys: string[];
	/** The "should" column of the table: the screen once the keys are handled (`first`: the screen before them). */
	should: (screen: string, first: string) => boolean;
}

/** fic opened on `args`, `before` typed one key at a time, then the row's keys sent together or one by one. */
async function screenAfter(row: Row, together: boolean): Promise<string> {
	const term = new Terminal(SIZE);
	terminals.push(term);
	await term.open(row.args);
	let screen = await drawn(term);
	for (const key of row.before ?? []) {
		term.sendKeys(key);
		screen = await term.waitFor((now) => running(now) !== screen, { stableMs: STABLE_MS });
	}
	const first = screen;
	if (together) term.sendKeys(...row.keys);
	else
		for (const key of row.keys) {
			const shown = term.capture();
			term.sendKeys(key);
			// Some keys change nothing on screen by themselves (the m of a mark): wait a little, not forever.
			await term
				.waitFor((now) => running(now) !== shown, { timeout: 1000, stableMs: STABLE_MS })
				.catch(() => undefined);
		}
	return term.waitFor((now) => row.should(running(now), first), { stableMs: STABLE_MS });
}

/** The library's second story is open (`first`: the library before the keys). */
function secondStoryOpened(screen: string, first: string): boolean {
	const rows = first.split("\n").filter((line) => /\d words/.test(line));
	const title =
		rows[1]
			?.slice(1)
			.split(/ by | {2}/)[0]
			?.trim() ?? "?";
	return /page \d+ of/.test(status(screen)) && status(screen).startsWith(title);
}

const ROWS: Row[] = [
	{
		name: "three spaces turn to page 4",
		args: STORY,
		keys: ["Space", "Space", "Space"],
		should: (screen) => /page 4 of \d+/.test(status(screen)),
	},
	{
		name: "j Enter moves two lines down",
		args: STORY,
		keys: ["j", "Enter"],
		should: (screen, first) => topRow(screen) === topRow(first.split("\n").slice(2).join("\n")),
	},
	{
		name: "Down Enter in the library opens the second story",
		args: "stories",
		keys: ["Down", "Enter"],
		should: secondStoryOpened,
	},
	{
		name: "Escape Escape Down Enter in a folder's library: Esc does not quit, the second story opens",
		args: "stories",
		keys: ["Escape", "Escape", "Down", "Enter"],
		should: secondStoryOpened,
	},
	{
		name: "Down Enter in the contents goes to chapter 2",
		args: STORY,
		before: ["t"],
		keys: ["Down", "Enter"],
		should: (screen) => status(screen).includes("Chapter Two - Interference · page"),
	},
	{
		name: "t Down opens the contents with the cursor on row 2",
		args: STORY,
		keys: ["t", "Down"],
		should: (screen) => /^\s*› +Chapter Two - Interference/m.test(screen),
	},
	{
		name: "/lamp Enter searches and confirms",
		args: STORY,
		keys: ["/", "l", "a", "m", "p", "Enter"],
		should: (screen) => /match 1 of \d+/.test(status(screen)) && !status(screen).startsWith("/"),
	},
	{
		name: "H Escape Space: help, closed, next page",
		args: STORY,
		keys: ["H", "Escape", "Space"],
		should: (screen) => /page 2 of \d+/.test(status(screen)),
	},
	{
		name: "PageDown PageDown b goes to page 2",
		args: STORY,
		keys: ["PageDown", "PageDown", "b"],
		should: (screen) => /page 2 of \d+/.test(status(screen)),
	},
	{
		name: "2g goes to page 2",
		args: STORY,
		keys: ["2", "g"],
		should: (screen) => /page 2 of \d+/.test(status(screen)),
	},
	{
		name: "G k k goes to the last page and two lines up",
		args: STORY,
		keys: ["G", "k", "k"],
		should: (screen) => /page (\d+) of \1 /.test(status(screen)),
	},
	{
		name: "m a sets mark a",
		args: STORY,
		keys: ["m", "a"],
		should: (screen) => status(screen).includes("Mark a set"),
	},
];

describe("keys in one write, in tmux", { timeout: 60_000 }, () => {
	test.each(ROWS)("$name", async (row) => {
		const together = await screenAfter(row, true);
		const alone = await screenAfter(row, false);
		expect(together).toBe(alone);
	});
});
