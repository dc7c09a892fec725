// The person's settings in config.json, in a real terminal: their keys, the notes shown in the text or
// not at all, a light theme; and bad entries named in the status bar without stopping the reader.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { checkPrerequisites, lastRow, REPO, type Size, Terminal } from "./tmux.js";

const STORY = join(REPO, "stories/lantern-keeper.txt");
const WIDE: Size = { columns: 120, rows: 30 };
const STATUS = /The Lantern Keeper · page (\d+) of/;
const OPENING_NOTE = "written for the winter prompt exchange";

const terminals: Terminal[] = [];
function terminalWith(config: object, size = WIDE): Terminal {
	const opened = new Terminal(size);
	terminals.push(opened);
	mkdirSync(opened.configDir, { recursive: true });
	writeFileSync(join(opened.configDir, "config.json"), JSON.stringify(config));
	return opened;
}

beforeAll(checkPrerequisites);
afterEach(async () => {
	for (const opened of terminals.splice(0)) await opened.close();
});

const pageOf = (screen: string) => Number(STATUS.exec(lastRow(screen))?.[1]);

describe("keys from config.json", () => {
	test.each([
		["one key at a time", false],
		["both in one write", true],
	])("x bound to page.next turns the page and shows in H (%s)", async (_, together) => {
		const term = terminalWith({ keys: { "page.next": ["x"] } });
		await term.open(`'${STORY}'`);
		await term.waitFor(STATUS);
		if (together) term.sendKeys("x", "x");
		else {
			term.sendKeys("x");
			await term.waitFor((screen) => pageOf(screen) === 2);
			term.sendKeys("x");
		}
		await term.waitFor((screen) => pageOf(screen) === 3);
		// Space is no longer a page turn.
		term.sendKeys("Space");
		await term.waitFor((screen) => pageOf(screen) === 3, { stableMs: 300 });
		term.sendKeys("H");
		const help = await term.waitFor("fic — keys");
		expect(help).toMatch(/\bx +Next page/);
		expect(help).not.toMatch(/Space PgDn/);
	});

	test("a binding to an unknown command opens the story and names the entry once", async () => {
		const term = terminalWith({ keys: { "page.nxt": ["x"] } });
		await term.open(`'${STORY}'`);
		const first = await term.waitFor('"page.nxt" is not a command');
		expect(lastRow(first)).toContain("config.json: keys");
		expect(first).toContain("Every evening at the ninth bell");
		term.sendKeys("Space");
		const next = await term.waitFor((screen) => pageOf(screen) === 2);
		expect(next).not.toContain("page.nxt");
	});
});

describe("notes from config.json, and v", () => {
	test("inline puts the opening note in the reading pane, marked, with no panel", async () => {
		const term = terminalWith({ notes: "inline" });
		await term.open(`'${STORY}'`);
		const screen = await term.waitFor(STATUS);
		const row = screen.split("\n").find((line) => line.includes("A/N: This was written"));
		expect(row?.trim().startsWith("│ A/N: This was written")).toBe(true);
		expect(screen).not.toMatch(/[╭╮╰╯]/);
		expect(screen).not.toContain("Author's notes");
	});

	test("hidden shows no note on the first page", async () => {
		const term = terminalWith({ notes: "hidden" });
		await term.open(`'${STORY}'`);
		const screen = await term.waitFor(STATUS);
		expect(screen).toContain("Every evening at the ninth bell");
		expect(screen).not.toContain(OPENING_NOTE);
		expect(screen).not.toContain("Author's notes");
		expect(screen).not.toContain("✎");
	});

	test.each([
		["one key at a time", false],
		["both in one write", true],
	])("v twice goes from the panel to hidden, and the story reopens so (%s)", async (_, together) => {
		const term = terminalWith({});
		await term.open(`'${STORY}'`);
		await term.waitFor("Author's notes");
		if (together) term.sendKeys("v", "v");
		else {
			term.sendKeys("v");
			await term.waitFor("Notes in the text");
			term.sendKeys("v");
		}
		const hidden = await term.waitFor("Notes hidden");
		expect(hidden).not.toContain(OPENING_NOTE);
		term.sendKeys("q");
		await term.open(`'${STORY}'`);
		const again = await term.waitFor(STATUS, { stableMs: 200 });
		expect(again).not.toContain(OPENING_NOTE);
		expect(again).toContain("Every evening at the ninth bell");
	});
});

describe("notes in the text, on a story whose header and notes come before its first heading", () => {
	const SALT = join(REPO, "stories/salt-and-static.txt");
	const SALT_STATUS = /Salt and Static · .*page (\d+) of/;
	const pageNumber = (screen: string) => Number(SALT_STATUS.exec(lastRow(screen))?.[1]);
	const NARROW: Size = { columns: 100, rows: 30 };

	test.each([
		["one key at a time", false],
		["in one write", true],
	])("each header line has its bar, and no line of the story is lost between pages (%s)", async (_, together) => {
		const term = terminalWith({ notes: "inline" }, NARROW);
		await term.open(`'${SALT}'`);
		const first = await term.waitFor(SALT_STATUS, { stableMs: 200 });
		const rows = first.split("\n").map((row) => row.trim());
		expect(rows).toContain("│ Author: Marrow Finch");
		expect(rows).toContain("│ Rating: T");
		if (together) term.sendKeys("Space", "Space", "b");
		else {
			term.sendKeys("Space");
			await term.waitFor((screen) => pageNumber(screen) === 2);
		}
		const second = await term.waitFor((screen) => pageNumber(screen) === 2, { stableMs: 300 });
		// The sentence that ends the first chapter's second paragraph, on one page or the next.
		const pane = (screen: string) =>
			screen
				.split("\n")
				.filter((row) => !SALT_STATUS.test(row))
				.join(" ");
		const read = `${pane(first)} ${pane(second)}`.replace(/\s+/g, " ");
		expect(read).toContain("she no longer knew what silence sounded like. The island, she thought, would teach her.");
	});

	test.each([
		["one key at a time", false],
		["in one write", true],
	])(
		"v on the first page starts the page at the chapter's heading, with the notes under it (%s)",
		async (_, together) => {
			const term = terminalWith({}, NARROW);
			await term.open(`'${SALT}'`);
			await term.waitFor("Author's notes");
			// Round the three ways and into the text again: each v starts the page at the heading again.
			if (together) term.sendKeys("v", "v", "v", "v");
			else
				for (const said of ["Notes in the text", "Notes hidden", "Notes beside the page"]) {
					term.sendKeys("v");
					await term.waitFor(said);
				}
			if (!together) term.sendKeys("v");
			const screen = await term.waitFor("Notes in the text", { stableMs: 200 });
			const rows = screen.split("\n").filter((row) => row.trim() !== "");
			expect(rows[0]?.trim()).toBe("Chapter 1: The Lighthouse Radio");
			expect(screen).toContain("│ Disclaimer: Skerry Light");
		},
	);
});

describe("theme from config.json", () => {
	/** The colour escapes on the screen (SGR 30–37, 90–97, 38;…), in order. */
	const colours = (term: Terminal) =>
		term
			.tmux("capture-pane", "-p", "-e", "-t", "e2e")
			.split(String.fromCharCode(27))
			.filter((sgr) => /^\[([0-9;]*;)?(3[0-8]|9[0-7])[;m]/.test(sgr))
			.map((sgr) => sgr.slice(0, sgr.indexOf("m") + 1));

	test("light draws with other colours than dark; NO_COLOR still wins", async () => {
		const seen: string[][] = [];
		for (const theme of ["dark", "light"]) {
			const term = terminalWith({ theme });
			await term.waitForPrompt();
			// The tests' own environment turns colours off.
			term.type("unset NO_COLOR FORCE_COLOR");
			await term.open(`'${STORY}'`);
			await term.waitFor(STATUS, { stableMs: 200 });
			seen.push(colours(term));
		}
		const [dark, light] = seen as [string[], string[]];
		expect(dark.length).toBeGreaterThan(0);
		expect(light.length).toBeGreaterThan(0);
		expect(light.filter((sgr) => dark.includes(sgr))).toEqual([]);
		const plain = terminalWith({ theme: { base: "light", heading: "red" } });
		await plain.waitForPrompt();
		plain.type("unset FORCE_COLOR; export NO_COLOR=1");
		await plain.open(`'${STORY}'`);
		await plain.waitFor(STATUS, { stableMs: 200 });
		expect(colours(plain)).toEqual([]);
	});
});

describe("the man page", () => {
	test("man ./fic.1 renders in the terminal, and q leaves it", async () => {
		const term = new Terminal({ columns: 100, rows: 30 });
		terminals.push(term);
		await term.waitForPrompt();
		term.type("man ./fic.1");
		const page = await term.waitFor("FIC(1)");
		expect(page).toMatch(/NAME\s+fic - a terminal reader for stories/);
		expect(page).toContain("SYNOPSIS");
		term.sendKeys("q");
		await term.waitForPrompt();
	});
});
