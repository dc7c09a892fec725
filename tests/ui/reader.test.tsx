import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../source/persistence/memory-store.js";
import { firstTextLine, type Harness, KEYS, leftColumn, renderApp, statusLine, storyStart } from "./render-app.js";

const ONE_SHOT = "stories/lantern-keeper.txt";
const CHAPTERS = "stories/salt-and-static.txt";

let app: Harness | undefined;
afterEach(() => app?.unmount());

const pageNumber = (frame: string) => Number(/page (\d+) of/.exec(statusLine(frame))?.[1]);
const words = (line: string, count: number) => line.split(/\s+/).slice(0, count).join(" ");

describe("reading screen", () => {
	it("pages forward and back with the keys of less", async () => {
		app = await renderApp(storyStart(ONE_SHOT), { columns: 100, rows: 30 });
		expect(statusLine(app.frame())).toContain("The Lantern Keeper");
		expect(pageNumber(app.frame())).toBe(1);
		await app.press(KEYS.space);
		expect(pageNumber(app.frame())).toBe(2);
		await app.press("f");
		expect(pageNumber(app.frame())).toBe(3);
		await app.press("b");
		expect(pageNumber(app.frame())).toBe(2);
		await app.press(KEYS.pageUp);
		expect(pageNumber(app.frame())).toBe(1);
		await app.press(KEYS.right);
		expect(pageNumber(app.frame())).toBe(2);
	});

	it("shows the opening notes beside the first page and the closing block beside the last", async () => {
		app = await renderApp(storyStart(ONE_SHOT), { columns: 100, rows: 30 });
		const first = app.frame();
		expect(first).toContain("Before the chapter");
		expect(first).toContain("A/N: This was written");
		expect(leftColumn(first, 60)).not.toContain("A/N");
		await app.press("G");
		const last = app.frame();
		expect(last).toContain("After the chapter");
		expect(last).toContain("Review; tell me if");
		expect(last).toContain("Quillfeather");
		// Neither paragraph of the closing block is in the story text.
		expect(leftColumn(last, 60)).not.toMatch(/Review; tell|A\/N:/);
		expect(statusLine(last)).toContain("100%");
	});

	it("says so at the end of the story instead of wrapping around", async () => {
		app = await renderApp(storyStart(ONE_SHOT), { columns: 100, rows: 30 });
		await app.press("G");
		const page = pageNumber(app.frame());
		await app.press(KEYS.space);
		expect(statusLine(app.frame())).toContain("End of the story");
		await app.press("g");
		await app.press("b");
		expect(statusLine(app.frame())).toContain("Start of the story");
		expect(page).toBeGreaterThan(1);
	});

	it("hides the panel on a narrow terminal and shows the notes over the text on `a`", async () => {
		app = await renderApp(storyStart(ONE_SHOT), { columns: 80, rows: 24 });
		expect(app.frame()).not.toContain("╭");
		expect(statusLine(app.frame())).toContain("✎ 2 notes");
		await app.press("a");
		expect(app.frame()).toContain("Author's notes");
		expect(app.frame()).toContain("A/N: This was written");
		await app.press("x");
		expect(app.frame()).not.toContain("Author's notes");
		expect(statusLine(app.frame())).toContain("page 1 of");
	});

	it("keeps the anchored passage on screen across a resize", async () => {
		app = await renderApp(storyStart(ONE_SHOT), { columns: 100, rows: 30 });
		await app.press(KEYS.space);
		await app.press(KEYS.space);
		const passage = words(firstTextLine(app.frame(), 60), 4);
		expect(passage.length).toBeGreaterThan(10);
		await app.resize(60, 20);
		expect(app.frame().replace(/\s+/g, " ")).toContain(passage);
		await app.resize(100, 40);
		expect(app.frame().replace(/\s+/g, " ")).toContain(passage);
	});

	it("moves by chapter with ] and [", async () => {
		app = await renderApp(storyStart(CHAPTERS), { columns: 100, rows: 30 });
		expect(app.frame()).toContain("Chapter 1: The Lighthouse Radio");
		await app.press("]");
		expect(app.frame()).toContain("Chapter Two - Interference");
		await app.press("]");
		expect(app.frame()).toContain("Chapter 3: Field Notes");
		await app.press("[");
		expect(app.frame()).toContain("Chapter Two - Interference");
	});

	it("shows the help generated from the keymap, closed by any key", async () => {
		app = await renderApp(storyStart(ONE_SHOT), { columns: 100, rows: 30 });
		await app.press("H");
		expect(app.frame()).toContain("Next page");
		expect(app.frame()).toContain("Previous chapter".slice(0, 8));
		expect(app.frame()).toMatch(/'' '` +Back to where the last jump left/);
		await app.press("z");
		expect(app.frame()).not.toContain("Next page");
	});

	it("shows the help whole on a wide terminal, and scrolls it with whole descriptions at 80×24", async () => {
		const wanted = ["Next page", "Search forward", "Table of contents", "Set mark", "Where am I", "Quit"];
		app = await renderApp(storyStart(ONE_SHOT), { columns: 120, rows: 24 });
		await app.press("H");
		for (const text of wanted) expect(app.frame(), text).toContain(text);
		expect(
			app
				.frame()
				.split("\n")
				.some((row) => /Next page.*\S.* {2}\S/.test(row)),
		).toBe(true);
		app.unmount();
		app = await renderApp(storyStart(ONE_SHOT), { columns: 80, rows: 24 });
		await app.press("H");
		const top = app.frame();
		expect(top).toContain("j/k scroll");
		expect(top).toContain("Start of chapter, or the previous one");
		expect(top).not.toContain("Quit (the place is saved)");
		for (let line = 0; line < 20; line++) await app.press("j");
		const bottom = app.frame();
		expect(bottom).toContain("Quit (the place is saved)");
		expect(bottom.split("\n").length).toBeLessThanOrEqual(24);
		// The descriptions stay in their column as it scrolls (the keys' width is the whole list's).
		const column = (frame: string, description: string) =>
			frame
				.split("\n")
				.find((row) => row.includes(description))
				?.indexOf(description);
		expect(column(bottom, "Quit (the place is saved)")).toBe(column(top, "Start of chapter, or the previous one"));
	});

	it("shows a one-line message on a tiny terminal and recovers", async () => {
		app = await renderApp(storyStart(ONE_SHOT), { columns: 15, rows: 5 });
		expect(app.frame()).toContain("Terminal too");
		await app.resize(100, 30);
		expect(statusLine(app.frame())).toContain("page 1 of");
	});

	it("remembers the text width and the panel choice in the store", async () => {
		const store = new MemoryStore();
		app = await renderApp(storyStart(ONE_SHOT), { columns: 100, rows: 30 }, store);
		await app.press("-");
		expect(store.settings().measure).toBe(76);
		expect(statusLine(app.frame())).toContain("Text width 76");
		await app.press("a");
		expect(store.settings().panelOpen).toBe(false);
		expect(app.frame()).not.toContain("╭");
	});

	it("saves the place and reopens there", async () => {
		const store = new MemoryStore();
		app = await renderApp(storyStart(ONE_SHOT), { columns: 100, rows: 30 }, store);
		await app.press(KEYS.space);
		await app.press(KEYS.space);
		const passage = words(firstTextLine(app.frame(), 60), 5);
		app.saver.flush();
		app.unmount();
		app = await renderApp(storyStart(ONE_SHOT), { columns: 100, rows: 30 }, store);
		expect(firstTextLine(app.frame(), 60)).toContain(passage);
		expect(pageNumber(app.frame())).toBe(3);
	});
});
