// Finding your way in the reader: search, contents, notes list, marks, jump list and go to, typed as a reader would.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseStory } from "../../source/formats/open-story.js";
import { PIECE_BYTES } from "../../source/formats/text-document.js";
import { MemoryStore } from "../../source/persistence/memory-store.js";
import { firstTextLine, type Harness, KEYS, leftColumn, renderApp, statusLine, storyStart } from "./render-app.js";

const ONE_SHOT = "stories/lantern-keeper.txt";
const CHAPTERS = "stories/salt-and-static.txt";
const SIZE = { columns: 100, rows: 30 };
const CTRL_O = "\u000f";
const CTRL_I = "\t";
const CTRL_G = "\u0007";
const BACKSPACE = "\u007f";

let app: Harness | undefined;
afterEach(() => app?.unmount());

let scratch: string;
beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-finding-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pageNumber = (frame: string) => Number(/page (\d+) of/.exec(statusLine(frame))?.[1]);
/** The reading pane's text on one line, spaces squeezed: a phrase is found however it is wrapped. */
/** The pane's text, rows joined; the margin's match marks (› and ») left out. */
const paneText = (frame: string) =>
	leftColumn(frame, 66)
		.split("\n")
		.slice(0, -1)
		.map((row) => row.replace(/^[›»]/, " "))
		.join(" ")
		.replace(/\s+/g, " ");
/** The reading pane's rows with text on them. */
const paneRows = (frame: string) =>
	leftColumn(frame, 66)
		.split("\n")
		.slice(0, -1)
		.map((row) => row.trim())
		.filter((row) => row.length > 0);

/** Occurrences of `phrase` in the story text (notes left out), counted with a plain regex over its paragraphs. */
function occurrences(path: string, phrase: RegExp): number {
	const { story } = parseStory(readFileSync(path, "utf8"), path);
	return story.blocks.reduce((sum, block) => sum + (block.text.replace(/\s+/g, " ").match(phrase)?.length ?? 0), 0);
}

async function search(harness: Harness, key: "/" | "?", query: string): Promise<void> {
	await harness.press(key);
	await harness.type(query);
	await harness.waitFor((frame) => /match \d+ of \d+|not found/.test(statusLine(frame)));
	await harness.press(KEYS.enter);
}

describe("search", () => {
	it("finds a phrase cut by a line wrap, and the page follows to it", async () => {
		app = await renderApp(storyStart(ONE_SHOT), SIZE);
		await app.press(KEYS.space);
		await app.press(KEYS.space);
		// Two rows of page 3: the last words of one and the first of the next make a phrase across the wrap.
		const rows = paneRows(app.frame());
		const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
		const phrase = rows
			.slice(0, -1)
			.map((row, index) => `${row.split(" ").slice(-2).join(" ")} ${(rows[index + 1] as string).split(" ")[0]}`)
			.find((candidate) => occurrences(ONE_SHOT, new RegExp(literal(candidate), "g")) === 1) as string;
		expect(phrase).toBeDefined();

		await app.press("g");
		expect(paneText(app.frame())).not.toContain(phrase);
		await app.press("/");
		await app.type(phrase.toLowerCase());
		const found = await app.waitFor((frame) => /match 1 of/.test(frame));
		expect(statusLine(found)).toContain("match 1 of 1");
		expect(paneText(found)).toContain(phrase);
		await app.press(KEYS.enter);
		expect(pageNumber(app.frame())).toBeGreaterThan(1);
		expect(paneText(app.frame())).toContain(phrase);
		expect(statusLine(app.frame())).toContain("match 1 of 1");
	});

	it("matches curly quotes and dashes from straight ones, with smart case", async () => {
		app = await renderApp(storyStart(ONE_SHOT), SIZE);
		// The text has “You’re late,” with curly quotes; the query is typed with straight ones.
		await search(app, "/", `"you're late`);
		expect(statusLine(app.frame())).toContain("match 1 of 1");
		expect(paneText(app.frame())).toContain("“You’re late,”");

		// An em dash is found by one hyphen or two.
		await app.press("g");
		await search(app, "/", "sea--though");
		expect(statusLine(app.frame())).toContain("match 1 of 1");
		await app.press("g");
		await search(app, "/", "sea-though");
		expect(statusLine(app.frame())).toContain("match 1 of 1");

		// A capital letter makes the search match case: "maren" finds Maren, "MAREN" finds nothing.
		await app.press("g");
		await search(app, "/", "maren");
		const maren = occurrences(ONE_SHOT, /maren/gi);
		expect(statusLine(app.frame())).toContain(`of ${maren}`);
		await search(app, "/", "MAREN");
		expect(statusLine(app.frame())).toContain("not found");
	});

	it("searches across chapters, repeats with n and N, and counts every match", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		// "Semaphore" (a cat) is only in chapter 3.
		const cats = occurrences(CHAPTERS, /semaphore/gi);
		expect(cats).toBeGreaterThan(0);
		await search(app, "/", "semaphore");
		expect(statusLine(app.frame())).toContain(`match 1 of ${cats}`);
		expect(statusLine(app.frame())).toContain("Field Notes");
		// The closing note says "teaspoon" too, but a search from the page skips the notes.
		await search(app, "/", "teaspoon");
		expect(statusLine(app.frame())).toContain(`of ${occurrences(CHAPTERS, /teaspoon/gi)}`);

		await app.press("g");
		const nells = occurrences(CHAPTERS, /nell/gi);
		await search(app, "/", "nell");
		expect(statusLine(app.frame())).toContain(`match 1 of ${nells}`);
		await app.press("n");
		await app.waitFor((frame) => statusLine(frame).includes(`match 2 of ${nells}`));
		await app.press("n");
		await app.waitFor((frame) => statusLine(frame).includes(`match 3 of ${nells}`));
		await app.press("N");
		await app.waitFor((frame) => statusLine(frame).includes(`match 2 of ${nells}`));
		// Backward from the first match goes round to the last.
		await app.press("N");
		await app.press("N");
		const wrapped = await app.waitFor((frame) => statusLine(frame).includes(`match ${nells} of ${nells}`));
		expect(statusLine(wrapped)).toContain("wrapped");
		expect(statusLine(wrapped)).toContain("Field Notes");
	});

	it("searches backward with ?", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		await app.press("G");
		const nells = occurrences(CHAPTERS, /nell/gi);
		// Backward from the top of the last page: the last match before it.
		await search(app, "?", "nell");
		const before = Number(/match (\d+) of/.exec(statusLine(app.frame()))?.[1]);
		expect(statusLine(app.frame())).toContain(`match ${before} of ${nells}`);
		expect(before).toBeLessThan(nells);
		expect(before).toBeGreaterThan(nells - 5);
		// n goes on backward, N turns forward.
		await app.press("n");
		await app.waitFor((frame) => statusLine(frame).includes(`match ${before - 1} of ${nells}`));
		await app.press("N");
		await app.waitFor((frame) => statusLine(frame).includes(`match ${before} of ${nells}`));
	});

	it("Esc returns to where the search started, however far the page followed", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		await app.press(KEYS.space);
		const start = firstTextLine(app.frame(), 66);
		await app.press("/");
		await app.type("teaspoon");
		await app.waitFor((frame) => statusLine(frame).includes("match 1 of"));
		expect(firstTextLine(app.frame(), 66)).not.toBe(start);
		await app.press(KEYS.escape);
		const back = await app.waitFor((frame) => !/match/.test(statusLine(frame)));
		expect(firstTextLine(back, 66)).toBe(start);
		expect(pageNumber(back)).toBe(2);
	});

	it("says so when nothing matches and stays put", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		await app.press(KEYS.space);
		const start = firstTextLine(app.frame(), 66);
		await search(app, "/", "zebra crossing");
		expect(statusLine(app.frame())).toContain("not found");
		expect(firstTextLine(app.frame(), 66)).toBe(start);
	});

	it("Backspace edits the query; the page follows each query, or shows the start when none matches", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		const start = firstTextLine(app.frame(), 66);
		await app.press("/");
		await app.type("teaspoon");
		const found = await app.waitFor((frame) => statusLine(frame).includes("match 1 of"));
		expect(firstTextLine(found, 66)).not.toBe(start);
		await app.press("x");
		const none = await app.waitFor((frame) => statusLine(frame).includes("not found"));
		expect(firstTextLine(none, 66)).toBe(start);
		await app.press(BACKSPACE);
		const again = await app.waitFor((frame) => statusLine(frame).includes("match 1 of"));
		expect(statusLine(again)).toContain("/teaspoon");
		expect(firstTextLine(again, 66)).toBe(firstTextLine(found, 66));
	});

	it("searches the author's notes when started from the notes list", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		// "radio-and-weather" is only in the opening note: the story search misses it.
		await search(app, "/", "radio-and-weather");
		expect(statusLine(app.frame())).toContain("not found");
		await app.press("A");
		await app.press("/");
		await app.type("teaspoon");
		const found = await app.waitFor((frame) => /match 1 of 1 in the notes/.test(statusLine(frame)));
		// The page is the one the closing note belongs to, with the note in the panel.
		expect(found).toContain("The teaspoon Morse");
		expect(statusLine(found)).not.toContain("not found");
	});

	it("walks every piece of a long story, and finds a phrase in its last chapter", async () => {
		const path = join(scratch, "long.txt");
		const paragraph = "The tide came in over the flats and the gulls went up all at once, crying. ".repeat(8);
		const chapters: string[] = [];
		let size = 0;
		for (let chapter = 1; size < PIECE_BYTES * 6; chapter++) {
			const text = `Chapter ${chapter}\n\n${Array.from({ length: 30 }, () => paragraph.trim()).join("\n\n")}`;
			chapters.push(text);
			size += text.length;
		}
		chapters.push("Epilogue\n\nAt the very end the lamp of the “Northern Star” was lit again—at last.");
		writeFileSync(path, chapters.join("\n\n"));
		app = await renderApp(storyStart(path), SIZE);
		await search(app, "/", `"northern star" was lit again--at`);
		const found = await app.waitFor((frame) => statusLine(frame).includes("match 1 of 1"), 10_000);
		expect(paneText(found)).toContain("“Northern Star” was lit again—at last.");
		expect(statusLine(found)).toContain("Epilogue");
		// Esc after the search keeps the place; g and the jump list bring it back.
		await app.press("g");
		expect(paneText(app.frame())).not.toContain("Northern Star");
		await app.press(CTRL_O);
		await app.waitFor((frame) => paneText(frame).includes("Northern Star"), 5000);
	});
});

describe("table of contents and notes list", () => {
	it("lists the chapters with their page and share read, and Enter jumps", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		await app.press("t");
		const contents = await app.waitFor((frame) => frame.includes("Chapter 3: Field Notes"));
		expect(contents).toMatch(/▸ Chapter 1: The Lighthouse Radio\s+p\. 1\s+0% read/);
		expect(contents).toMatch(/Chapter Two - Interference\s+p\. \d+\s+0% read/);
		await app.press("j");
		await app.press(KEYS.enter);
		expect(app.frame()).toContain("Chapter Two - Interference");
		expect(statusLine(app.frame())).toContain("Chapter Two - Interference");
		const page = pageNumber(app.frame());
		await app.press(KEYS.space);
		await app.press("t");
		const later = await app.waitFor((frame) => frame.includes("Field Notes"));
		expect(later).toMatch(/Chapter 1: The Lighthouse Radio\s+p\. 1\s+100% read/);
		expect(later).toMatch(new RegExp(`▸ Chapter Two - Interference\\s+p\\. ${page}\\s+\\d+% read`));
		// Esc closes the list without moving.
		await app.press(KEYS.escape);
		expect(pageNumber(app.frame())).toBe(page + 1);
	});

	it("lists every author's note and goes to where one belongs", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		await app.press("A");
		const list = await app.waitFor((frame) => frame.includes("Author’s Note: And that"));
		expect(list).toContain("Author's notes (");
		expect(list).toContain("Disclaimer: Skerry Light");
		expect(list).toContain("A/N: This started as a one-shot");
		expect(list).toContain("A/N: Shorter one this week");
		expect(list).toContain("Author’s Note: And that's the end!");
		expect(list).toMatch(/A\/N: Shorter one this week.*before · Chapter Two/);
		await app.press("G");
		await app.press(KEYS.enter);
		// The closing note belongs after chapter 3's last page, and the panel shows it there.
		expect(statusLine(app.frame())).toContain("Field Notes");
		expect(app.frame()).toContain("After the chapter");
	});
});

describe("marks and the jump list", () => {
	it("sets a mark, jumps to it, and '' goes back and forth", async () => {
		app = await renderApp(storyStart(ONE_SHOT), SIZE);
		await app.press(KEYS.space);
		await app.press(KEYS.space);
		const marked = firstTextLine(app.frame(), 66);
		await app.press("m");
		await app.press("a");
		expect(statusLine(app.frame())).toContain("Mark a set");
		await app.press("g");
		expect(pageNumber(app.frame())).toBe(1);
		await app.press("'");
		await app.press("a");
		expect(firstTextLine(app.frame(), 66)).toBe(marked);
		await app.press("'");
		await app.press("'");
		expect(pageNumber(app.frame())).toBe(1);
		await app.press("'");
		await app.press("'");
		expect(firstTextLine(app.frame(), 66)).toBe(marked);
		await app.press("'");
		await app.press("b");
		expect(statusLine(app.frame())).toContain("Mark b is not set (set: a)");
	});

	it("Ctrl+O and Ctrl+I walk back and forth through the jumps", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		const first = firstTextLine(app.frame(), 66);
		await search(app, "/", "teaspoon");
		const teaspoon = firstTextLine(app.frame(), 66);
		await app.press("5");
		await app.press("0");
		await app.press("%");
		const half = firstTextLine(app.frame(), 66);
		expect(new Set([first, teaspoon, half]).size).toBe(3);
		await app.press(CTRL_O);
		expect(firstTextLine(app.frame(), 66)).toBe(teaspoon);
		await app.press(CTRL_O);
		expect(firstTextLine(app.frame(), 66)).toBe(first);
		await app.press(CTRL_O);
		expect(statusLine(app.frame())).toContain("No earlier jump");
		await app.press(CTRL_I);
		expect(firstTextLine(app.frame(), 66)).toBe(teaspoon);
		await app.press(CTRL_I);
		expect(firstTextLine(app.frame(), 66)).toBe(half);
		await app.press(CTRL_I);
		expect(statusLine(app.frame())).toContain("No later jump");
	});

	it("keeps marks through a restart, in the store with the place", async () => {
		const store = new MemoryStore();
		app = await renderApp(storyStart(ONE_SHOT), SIZE, store);
		await app.press(KEYS.space);
		await app.press(KEYS.space);
		const marked = firstTextLine(app.frame(), 66);
		await app.press("m");
		await app.press("q");
		await app.press("g");
		app.saver.flush();
		app.unmount();
		const record = store.all()[0]?.record;
		expect(Object.keys(record?.marks ?? {})).toEqual(["q"]);

		app = await renderApp(storyStart(ONE_SHOT), SIZE, store);
		expect(pageNumber(app.frame())).toBe(1);
		await app.press("'");
		await app.press("q");
		expect(firstTextLine(app.frame(), 66)).toBe(marked);
		expect(pageNumber(app.frame())).toBe(3);
	});
});

describe("keys that arrive together", () => {
	it("are taken one by one outside a prompt, and as typed text at one", async () => {
		app = await renderApp(storyStart(ONE_SHOT), SIZE);
		await app.press(KEYS.space);
		await app.press(KEYS.space);
		const marked = firstTextLine(app.frame(), 66);
		// "ma" in one write sets mark a (not `m` and then `a`, the notes panel).
		await app.press("ma");
		await app.waitFor((frame) => statusLine(frame).includes("Mark a set"));
		await app.press("g");
		await app.press("'a");
		await app.waitFor((frame) => firstTextLine(frame, 66) === marked);
		// A paste at the search prompt is the query.
		await app.press("g");
		await app.press("/");
		await app.press("you're late");
		await app.waitFor((frame) => statusLine(frame).includes("/you're late"));
		await app.waitFor((frame) => statusLine(frame).includes("match 1 of 1"));
	});
});

describe("go to", () => {
	it("goes to a percent, a page with g or :, and Ctrl+G says where", async () => {
		app = await renderApp(storyStart(CHAPTERS), SIZE);
		await app.type("50%");
		expect(statusLine(app.frame())).toMatch(/ 50% /);
		await app.type("3g");
		expect(pageNumber(app.frame())).toBe(3);
		await app.press(":");
		await app.type("5");
		expect(statusLine(app.frame())).toContain(":5");
		await app.press(KEYS.enter);
		expect(pageNumber(app.frame())).toBe(5);
		await app.press(CTRL_G);
		const where = statusLine(app.frame());
		expect(where).toMatch(/chapter \d of 3 · [\d,]+ words left in it \(\d+ min\), [\d,]+ in the story/);
		expect(where).toContain("page 5 of");
		await app.type("999g");
		expect(statusLine(app.frame())).toMatch(/The story has (\d+) pages/);
		await app.press(":");
		await app.type("x");
		await app.press(KEYS.enter);
		expect(statusLine(app.frame())).toContain("a page number, or a percent");
	});
});
