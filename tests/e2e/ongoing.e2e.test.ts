// Ongoing works in a real terminal: an update under another name keeps the place or goes on at
// the new chapter, the library and the contents say what is new, a series lists and goes on in order.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import {
	type ChapterKey,
	chapterOpening,
	ongoingAo3Epub,
	ongoingAo3Html,
	ongoingFanFicFareEpub,
	seriesWorks,
} from "../formats/ongoing-fixtures.js";
import { ownRecordFile } from "../persistence/own-file.js";
import { checkPrerequisites, lastRow, PROMPT, type Size, Terminal } from "./tmux.js";

const SIZE: Size = { columns: 100, rows: 30 };
/** Longer than the 400 ms save debounce, with room for a loaded machine. */
const PAST_DEBOUNCE_MS = 700;
const STABLE_MS = 100;

const FORMATS: Array<{
	format: string;
	extension: string;
	/** The record's name: the work the file names. */
	record: string;
	write: (chapters: ChapterKey[]) => string | Uint8Array;
}> = [
	{ format: "AO3 HTML", extension: "html", record: "ao3-41000017", write: (chapters) => ongoingAo3Html({ chapters }) },
	{ format: "AO3 EPUB", extension: "epub", record: "ao3-41000017", write: (chapters) => ongoingAo3Epub({ chapters }) },
	{
		format: "FanFicFare EPUB",
		extension: "epub",
		record: "ffn-13500017",
		// FanFicFare's update marks the chapters it adds `(new)`: the reader must not show it.
		write: (chapters) => ongoingFanFicFareEpub({ chapters, marked: chapters.includes("three") ? ["three"] : [] }),
	},
];

type Keys = "one at a time" | "in one call";

const terminals: Terminal[] = [];
beforeAll(checkPrerequisites);
afterEach(async () => {
	for (const opened of terminals.splice(0)) await opened.close();
});

function sleep(ms: number): Promise<void> {
	return new Promise((done) => setTimeout(done, ms));
}

/** Keys as tmux names them, each in its own send-keys call or all in one. */
function send(term: Terminal, keys: Keys, ...names: string[]): void {
	if (keys === "in one call") term.sendKeys(...names);
	else for (const name of names) term.sendKeys(name);
}

/** The status bar of the story once it is drawn (fic still running). */
async function waitForStatus(term: Terminal, expected: RegExp): Promise<string> {
	return term.waitFor(
		(screen) => {
			if (lastRow(screen) === PROMPT.trim()) throw new Error(`fic is not running; the screen was:\n${screen}`);
			return expected.test(lastRow(screen));
		},
		{ stableMs: STABLE_MS },
	);
}

async function quit(term: Terminal): Promise<void> {
	await sleep(PAST_DEBOUNCE_MS);
	term.sendKeys("q");
	await term.waitForPrompt();
}

/** The first row of text on the page with a few words on it (the status bar left out). */
function firstTextRow(screen: string): string {
	const row = screen
		.split("\n")
		.slice(0, -1)
		.map((line) => line.split(/[│╭╮╰╯]/)[0]?.trim() ?? "")
		.find((text) => text.split(" ").length >= 4);
	if (!row) throw new Error(`no text on the screen:\n${screen}`);
	return row;
}

function setUp(extension: string, chapters: ChapterKey[], write: (chapters: ChapterKey[]) => string | Uint8Array) {
	const term = new Terminal(SIZE);
	terminals.push(term);
	const folder = join(term.dir, "books");
	mkdirSync(folder);
	const first = join(folder, `Salt_and_Lanterns.${extension}`);
	writeFileSync(first, write(chapters));
	/** The update replaces the file under another name, as a second download does. */
	const update = (next: ChapterKey[]) => {
		rmSync(first);
		const path = join(folder, `Salt and Lanterns (2).${extension}`);
		writeFileSync(path, write(next));
		return path;
	};
	return { term, folder, first, update };
}

describe.each(FORMATS)("$format, updated under another name", ({ extension, record, write }) => {
	test.each<Keys>(["one at a time", "in one call"])(
		"read to the end: the library says 1 new chapter, opening lands on chapter 3 and the contents mark it (keys %s)",
		async (keys) => {
			const { term, folder, first, update } = setUp(extension, ["one", "two"], write);
			await term.open(`'${first}'`);
			await waitForStatus(term, /Salt and Lanterns/);
			send(term, keys, "g", "G");
			await waitForStatus(term, /100%/);
			await quit(term);
			expect(readdirSync(join(term.configDir, "stories"))).toEqual([basename(ownRecordFile(term.configDir, record))]);

			update(["one", "two", "three"]);
			await term.open(`'${folder}'`);
			const library = await term.waitFor(/1 new chapter/, { stableMs: STABLE_MS });
			const row = library.split("\n").find((line) => line.includes("Salt and Lanterns")) ?? "";
			expect(row).toContain("1 new chapter");

			term.sendKeys("Enter");
			const opened = await waitForStatus(term, /1 new chapter since you last read/);
			expect(opened).toContain("The Drowned Bell");
			expect(opened.split("\n").findIndex((line) => line.includes(chapterOpening("three")))).toBeLessThan(4);
			expect(opened).not.toContain("(new)");

			term.sendKeys("t");
			const contents = await term.waitFor(/Contents[\s\S]*The Drowned Bell/, { stableMs: STABLE_MS });
			const marked = contents.split("\n").filter((line) => /\bnew\b/.test(line));
			expect(marked).toHaveLength(1);
			expect(marked[0]).toContain("The Drowned Bell");
			send(term, keys, "Escape", "q");
			await term.waitForPrompt();
		},
	);

	test.each<Keys>(["one at a time", "in one call"])(
		"read to the middle of chapter 2: with a chapter inserted before chapter 1 too, the same passage opens (keys %s)",
		async (keys) => {
			const { term, first, update } = setUp(extension, ["one", "two"], write);
			await term.open(`'${first}'`);
			await waitForStatus(term, /Salt and Lanterns/);
			term.sendKeys("]");
			const start = Number(
				/Lanterns at Low Water · page (\d+) /.exec(
					lastRow(await waitForStatus(term, /Lanterns at Low Water · page/)),
				)?.[1],
			);
			// A page and two lines into the chapter: the place is inside a paragraph.
			send(term, keys, "Space", "j", "j");
			const before = await term.waitFor(
				(screen) => Number(/Lanterns at Low Water · page (\d+) /.exec(lastRow(screen))?.[1]) > start,
				{ stableMs: 300 },
			);
			const passage = firstTextRow(before);
			expect(passage).toMatch(/lantern/);
			await quit(term);

			const path = update(["prologue", "one", "two", "three"]);
			await term.open(`'${path}'`);
			const after = await waitForStatus(term, /2 new chapters since you last read/);
			expect(firstTextRow(after)).toBe(passage);
			term.sendKeys("q");
			await term.waitForPrompt();
		},
	);
});

describe("a series of three works in a folder", () => {
	test.each<Keys>(["one at a time", "in one call"])(
		"lists in part order, and the end of part 1 offers part 2, which P opens (keys %s)",
		async (keys) => {
			const term = new Terminal(SIZE);
			terminals.push(term);
			const folder = join(term.dir, "series");
			mkdirSync(folder);
			for (const work of seriesWorks()) writeFileSync(join(folder, work.name), work.html);
			await term.open(`'${folder}'`);
			const library = await term.waitFor(/Spring Tides/, { stableMs: STABLE_MS });
			const order = ["Harbour Lights", "The Far Buoy", "Spring Tides"].map((title) =>
				library.split("\n").findIndex((line) => line.includes(title)),
			);
			expect(order.every((row) => row >= 0)).toBe(true);
			expect([...order].sort((a, b) => a - b)).toEqual(order);
			// The selection stays on the first row as the rows move into part order.
			expect(library.split("\n")[order[0] as number]).toMatch(/^›/);
			send(term, keys, "Enter", "G");
			await waitForStatus(term, /next: part 2, The Far Buoy — P opens it · page 2 of 2 · 100%/);
			term.sendKeys("P");
			await waitForStatus(term, /The Far Buoy/);
			term.sendKeys("q");
			await term.waitForPrompt();
		},
	);
});
