// The built reader in a real terminal: paging, resizing, quitting, being killed, and coming back.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { SAVE_DELAY_MS } from "../../source/persistence/position-saver.js";
import { checkPrerequisites, isAlive, lastRow, PROMPT, REPO, type Size, Terminal } from "./tmux.js";

const STORY = join(REPO, "stories/lantern-keeper.txt");
const WIDE: Size = { columns: 120, rows: 30 };
const NARROW: Size = { columns: 60, rows: 30 };
/** Longer than the 400 ms save debounce, with room for a loaded machine. */
const PAST_DEBOUNCE_MS = 700;
/** A frame counts as drawn once it has not changed for this long. */
const STABLE_MS = 100;

const STATUS = /The Lantern Keeper · page (\d+) of ~?(\d+)/;
const PANEL_EDGE = /[│╭╮╰╯]/;

const terminals: Terminal[] = [];
function terminal(size: Size, options: { configDir?: string } = {}): Terminal {
	const opened = new Terminal(size, options);
	terminals.push(opened);
	return opened;
}

beforeAll(checkPrerequisites);
afterEach(async () => {
	// The newest first: a later terminal may share an earlier one's config folder.
	for (const opened of terminals.splice(0).reverse()) await opened.close();
});

/** The page number in the status bar (the last row), or undefined when there is no status bar. */
function pageNumber(screen: string): number | undefined {
	const match = STATUS.exec(lastRow(screen));
	return match ? Number(match[1]) : undefined;
}

/** The reading pane's rows: the screen without the status bar and without the notes panel. */
function textRows(screen: string): string[] {
	return screen
		.split("\n")
		.slice(0, -1)
		.map((row) => row.split(PANEL_EDGE)[0]?.trim() ?? "");
}

/** Spaces removed, so a passage can be found however it is wrapped. */
function squash(text: string): string {
	return text.replace(/\s+/g, "");
}

/** The first words of the page's first row of text that has a few words on it. */
function anchoredPassage(screen: string): string {
	const row = textRows(screen).find((text) => text.split(" ").length >= 4);
	if (!row) throw new Error(`no text on the screen:\n${screen}`);
	const passage = row.split(" ").slice(0, 6).join(" ");
	// Only a passage that occurs once in the story shows that the reader kept the same place.
	const story = squash(readFileSync(STORY, "utf8"));
	expect(story.split(squash(passage)).length - 1, `"${passage}" should occur once in the story`).toBe(1);
	return passage;
}

function showsPassage(screen: string, passage: string): boolean {
	return squash(textRows(screen).join(" ")).includes(squash(passage));
}

async function waitForPage(term: Terminal, test: (page: number) => boolean = () => true): Promise<string> {
	return term.waitFor(
		(screen) => {
			if (lastRow(screen) === PROMPT.trim()) throw new Error(`fic is not running; the screen was:\n${screen}`);
			const page = pageNumber(screen);
			return page !== undefined && test(page);
		},
		{ stableMs: STABLE_MS },
	);
}

/** Presses Space and waits for the status bar to show the next page number. */
async function nextPage(term: Terminal): Promise<string> {
	const before = pageNumber(term.capture());
	if (before === undefined) throw new Error(`no status bar before paging:\n${term.capture()}`);
	term.sendKeys("Space");
	return waitForPage(term, (page) => page === before + 1);
}

/** Waits until fic has given the terminal back to the shell: main screen, prompt, no status bar. */
async function waitForShell(term: Terminal): Promise<string> {
	const screen = await term.waitForPrompt();
	expect(term.format("#{alternate_on}"), "the alternate screen should be left").toBe("0");
	expect(screen).not.toMatch(STATUS);
	return screen;
}

interface SavedRecord {
	path: string;
	percent: number;
	sourceOffset: number;
}

function readJson(file: string): Record<string, unknown> {
	return JSON.parse(readFileSync(file, "utf8"));
}

/** The saved reading positions: config.json's "stories", and the one-file-per-story folder beside it. */
function savedRecords(term: Terminal): SavedRecord[] {
	const file = join(term.configDir, "config.json");
	const config = existsSync(file) ? readJson(file) : {};
	const records = Object.values((config.stories ?? {}) as Record<string, SavedRecord>);
	const folder = join(term.configDir, "stories");
	if (existsSync(folder))
		for (const file of readdirSync(folder).filter((name) => name.endsWith(".json")))
			records.push(readJson(join(folder, file)) as unknown as SavedRecord);
	return records;
}

/** Opening a story saves nothing: past the save's debounce, no record is on disk until the reader moves. */
async function expectNothingSaved(term: Terminal): Promise<void> {
	await new Promise((done) => setTimeout(done, SAVE_DELAY_MS + 300));
	expect(savedRecords(term)).toEqual([]);
}

function lastStory(term: Terminal): unknown {
	return readJson(join(term.configDir, "config.json")).lastStory;
}

describe("the reader in tmux", { timeout: 60_000 }, () => {
	test("keeps the passage through a resize, quits to the shell and resumes there", async () => {
		const term = terminal(WIDE);
		await term.open("stories/lantern-keeper.txt");
		const first = await waitForPage(term, (page) => page === 1);
		expect(term.format("#{alternate_on}"), "the reader should use the alternate screen").toBe("1");
		expect(showsPassage(first, "Every evening at the ninth bell")).toBe(true);

		await nextPage(term);
		await nextPage(term);
		const wide = await nextPage(term);
		const passage = anchoredPassage(wide);
		expect(showsPassage(wide, "Every evening at the ninth bell")).toBe(false);

		term.resize(NARROW);
		const truncated = wide
			.split("\n")
			.map((row) => row.slice(0, NARROW.columns).trimEnd())
			.join("\n");
		// Redrawn: not merely the old frame cut at 60 columns, and no notes panel at this width.
		const narrow = await term.waitFor(
			(screen) => screen !== truncated && pageNumber(screen) !== undefined && !PANEL_EDGE.test(screen),
			{ stableMs: STABLE_MS },
		);
		expect(term.size()).toEqual(NARROW);
		expect(showsPassage(narrow, passage), `"${passage}" should still be on screen after the resize`).toBe(true);

		term.sendKeys("q");
		await waitForShell(term);
		const records = savedRecords(term);
		expect(records).toHaveLength(1);
		expect(records[0]?.path).toBe(STORY);
		expect(records[0]?.percent).toBeGreaterThan(0);
		expect(lastStory(term)).toBe(STORY);

		term.resize(WIDE);
		await term.open("stories/lantern-keeper.txt");
		const resumed = await waitForPage(term);
		expect(showsPassage(resumed, passage), `"${passage}" should be on screen when reopened`).toBe(true);
		expect(pageNumber(resumed)).not.toBe(1);
		term.sendKeys("q");
		await waitForShell(term);
	});

	test("after kill -9 it reopens at the place shown before the kill", async () => {
		const term = terminal(WIDE);
		const pid = await term.open("stories/lantern-keeper.txt");
		await waitForPage(term, (page) => page === 1);
		await nextPage(term);
		const before = await nextPage(term);
		const passage = anchoredPassage(before);
		await new Promise((done) => setTimeout(done, PAST_DEBOUNCE_MS));

		process.kill(pid, "SIGKILL");
		await term.until("fic has died", () => !isAlive(pid));
		await term.open("stories/lantern-keeper.txt");
		const resumed = await waitForPage(term);
		expect(
			showsPassage(resumed, passage),
			`"${passage}" should be on screen; saved: ${JSON.stringify(savedRecords(term))}`,
		).toBe(true);
		expect(pageNumber(resumed)).toBe(pageNumber(before));
	});

	test("SIGTERM restores the terminal, exits 143 and saves the place", async () => {
		const term = terminal(WIDE);
		const pid = await term.open("stories/lantern-keeper.txt");
		await waitForPage(term, (page) => page === 1);
		await expectNothingSaved(term);
		const before = await nextPage(term);
		const passage = anchoredPassage(before);

		// At once, within the debounce: the place must be saved on the way out.
		process.kill(pid, "SIGTERM");
		await waitForShell(term);
		expect(isAlive(pid)).toBe(false);
		term.type('echo "fic exited with $?"');
		await term.waitFor("fic exited with 143");

		await term.open("stories/lantern-keeper.txt");
		const resumed = await waitForPage(term);
		expect(showsPassage(resumed, passage), `"${passage}" should be on screen when reopened`).toBe(true);
		expect(pageNumber(resumed)).toBe(2);
	});

	test("closing the terminal (SIGHUP) saves the place", async () => {
		const first = terminal(WIDE);
		await first.open("stories/lantern-keeper.txt");
		await waitForPage(first, (page) => page === 1);
		await expectNothingSaved(first);
		const before = await nextPage(first);
		const passage = anchoredPassage(before);
		await first.hangUp();

		const second = terminal(WIDE, { configDir: first.configDir });
		await second.open("stories/lantern-keeper.txt");
		const resumed = await waitForPage(second);
		expect(showsPassage(resumed, passage), `"${passage}" should be on screen when reopened`).toBe(true);
		expect(pageNumber(resumed)).toBe(2);
	});

	test.each([
		["one key at a time", false],
		["in one write", true],
	])(
		"the page number is the top line's page: a line down stays on page 1, G says the last page (%s)",
		async (_, together) => {
			const term = terminal(WIDE);
			await term.open(`'${STORY}'`);
			const top = textRows(await term.waitFor((screen) => pageNumber(screen) === 1, { stableMs: STABLE_MS }));
			const scrolled = (rows: number) => (screen: string) => textRows(screen)[0] === top[rows];
			if (together) term.sendKeys("j", "j");
			else {
				term.sendKeys("j");
				await term.waitFor(scrolled(1));
				term.sendKeys("j");
			}
			const down = await term.waitFor(scrolled(2), { stableMs: STABLE_MS });
			// Two lines down: the top line is still the first page's.
			expect(pageNumber(down)).toBe(1);
			term.sendKeys("G");
			const last = await term.waitFor((screen) => /100%/.test(lastRow(screen)), { stableMs: STABLE_MS });
			const total = Number(STATUS.exec(lastRow(last))?.[2]);
			expect(pageNumber(last)).toBe(total);
			// A page turn from a line down lands a page further: the second page.
			term.sendKeys("g", "j", "Space");
			const second = await term.waitFor((screen) => pageNumber(screen) === 2, { stableMs: STABLE_MS });
			expect(lastRow(second)).toMatch(/page 2 of/);
		},
	);

	test("a terminal too small says so, and the story comes back when it grows", async () => {
		const term = terminal({ columns: 80, rows: 24 });
		const pid = await term.open("stories/lantern-keeper.txt");
		await waitForPage(term, (page) => page === 1);

		term.resize({ columns: 15, rows: 5 });
		// 15 columns cannot hold the whole message; its start must be there and nothing else.
		const tiny = await term.waitFor((screen) => screen.startsWith("Terminal too"), { stableMs: STABLE_MS });
		expect(tiny).not.toMatch(/Lantern|page/);

		term.resize({ columns: 40, rows: 5 });
		await term.waitFor("Terminal too small (need 20×6)", { stableMs: STABLE_MS });

		// The smallest size fic reads at: the status bar keeps the page and drops the title.
		term.resize({ columns: 20, rows: 6 });
		const smallest = await term.waitFor(
			(screen) => !screen.includes("Terminal too") && lastRow(screen).startsWith("page 1 of"),
			{ stableMs: STABLE_MS },
		);
		expect(showsPassage(smallest, "Every evening at the")).toBe(true);

		term.resize({ columns: 100, rows: 30 });
		const grown = await waitForPage(term, (page) => page === 1);
		expect(grown).not.toContain("Terminal too");
		expect(showsPassage(grown, "Every evening at the ninth bell")).toBe(true);
		expect(isAlive(pid)).toBe(true);
		term.sendKeys("q");
		await waitForShell(term);
	});

	test("? shows the keys and any key closes the help without acting", async () => {
		const term = terminal(WIDE);
		const pid = await term.open("stories/lantern-keeper.txt");
		await waitForPage(term, (page) => page === 1);
		const page2 = await nextPage(term);
		const passage = anchoredPassage(page2);

		term.sendKeys("H");
		const help = await term.waitFor("Next page", { stableMs: STABLE_MS });
		expect(help).toContain("Previous page");
		expect(help).toMatch(/q .*Quit/);
		expect(showsPassage(help, passage)).toBe(false);

		term.sendKeys("x");
		const closed = await term.waitFor((screen) => !screen.includes("Next page"), { stableMs: STABLE_MS });
		expect(pageNumber(closed)).toBe(2);
		expect(showsPassage(closed, passage)).toBe(true);

		// q quits the reader, but in the help it only closes the help.
		term.sendKeys("H");
		await term.waitFor("Next page", { stableMs: STABLE_MS });
		term.sendKeys("q");
		const again = await term.waitFor((screen) => !screen.includes("Next page"), { stableMs: STABLE_MS });
		expect(pageNumber(again)).toBe(2);
		expect(isAlive(pid)).toBe(true);
		expect(term.format("#{alternate_on}")).toBe("1");
	});
});
