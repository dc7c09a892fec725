// Search highlights as drawn: every match on the page inverse, the current one also bold and underlined.

import chalk from "chalk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, KEYS, renderApp, storyStart } from "./render-app.js";

// The test run turns colour off (FORCE_COLOR=0); highlights are attributes, so turn them back on to see them.
const level = chalk.level;
beforeAll(() => {
	chalk.level = 1;
});
afterAll(() => {
	chalk.level = level;
});

let app: Harness | undefined;
afterEach(() => app?.unmount());

// biome-ignore lint/suspicious/noControlCharactersInRegex: the frame's escape codes are what is read
const ANSI = /\u001b\[[0-9;]*m/g;

/** The marked runs of text in the reading pane (or the notes panel): what each says, and whether it is the current match. */
function marked(frame: string, part: 0 | 1 = 0): Array<{ text: string; current: boolean }> {
	const runs: Array<{ text: string; current: boolean }> = [];
	for (const row of frame.split("\n").slice(0, -1)) {
		const pane = row.split("│")[part] ?? "";
		// biome-ignore lint/suspicious/noControlCharactersInRegex: the frame's escape codes are what is read
		for (const match of pane.matchAll(/\u001b\[7m((?:\u001b\[[0-9;]*m)*)([^\u001b]+)/g))
			runs.push({ text: match[2] as string, current: (match[1] as string).includes("\u001b[4m") });
	}
	return runs;
}

const plain = (frame: string) => frame.replace(ANSI, "");

describe("search highlights", () => {
	it("marks every match on the page and the current one apart, also across a line wrap", async () => {
		app = await renderApp(storyStart("stories/salt-and-static.txt"), { columns: 100, rows: 30 });
		expect(marked(app.frame())).toEqual([]);
		await app.press("/");
		await app.type("nell");
		await app.waitFor((frame) => /match 1 of/.test(plain(frame)));
		await app.press(KEYS.enter);
		const frame = app.frame();
		const runs = marked(frame);
		const onPage = plain(frame)
			.split("\n")
			.slice(0, -1)
			.map((row) => row.split("│")[0] ?? "")
			.join("\n")
			.match(/nell/gi)?.length;
		expect(runs.length).toBe(onPage);
		expect(runs.every((run) => /^nell$/i.test(run.text))).toBe(true);
		expect(runs.filter((run) => run.current)).toHaveLength(1);
		expect(runs[0]?.current).toBe(true);

		// n moves the current mark to the next match; Esc hides the marks.
		await app.press("n");
		await app.waitFor((frame) => /match 2 of/.test(plain(frame)));
		const next = marked(app.frame());
		expect(next.findIndex((run) => run.current)).toBe(next.length === runs.length ? 1 : 0);
		await app.press(KEYS.escape);
		await app.waitFor((frame) => marked(frame).length === 0);

		// A phrase cut by the wrap is marked at the end of one row and the start of the next.
		await app.press("g");
		await app.press("/");
		// At this width the first paragraph wraps after "the last ferry of".
		const rows = plain(app.frame())
			.split("\n")
			.map((row) => (row.split("│")[0] ?? "").trim());
		const cut = rows.findIndex((row) => row.endsWith("the last ferry of"));
		expect(rows[cut + 1]).toMatch(/^October with/);
		await app.type("ferry of october with");
		await app.waitFor((frame) => /match 1 of 1/.test(plain(frame)));
		const wrapped = marked(app.frame());
		expect(wrapped.length).toBe(2);
		expect(wrapped.map((run) => run.text.trim()).join(" ")).toBe("ferry of October with");
		expect(wrapped.every((run) => run.current)).toBe(true);
	});

	it("marks the matches in the notes panel when the notes are searched", async () => {
		app = await renderApp(storyStart("stories/salt-and-static.txt"), { columns: 100, rows: 30 });
		await app.press("A");
		await app.press("/");
		await app.type("teaspoon");
		await app.waitFor((frame) => /match 1 of 1 in the notes/.test(plain(frame)));
		const panel = marked(app.frame(), 1);
		expect(panel).toEqual([{ text: "teaspoon", current: true }]);
		// The story's own teaspoons (in the text beside it) are not marked: this search is of the notes.
		expect(marked(app.frame(), 0)).toEqual([]);
	});
});

describe("search matches without colours", () => {
	it("marks the lines with matches in the margin, the current match's line apart", async () => {
		const before = chalk.level;
		chalk.level = 0;
		try {
			app = await renderApp(storyStart("stories/salt-and-static.txt"), { columns: 100, rows: 30 });
			await app.press("/");
			await app.type("lamp");
			await app.press(KEYS.enter);
			const frame = await app.waitFor((now) => /match 1 of/.test(now));
			expect(frame).not.toMatch(ANSI);
			const rows = frame
				.split("\n")
				.slice(0, -1)
				.map((row) => row.split("│")[0] ?? "");
			const marks = rows.filter((row) => /^[›»]/.test(row));
			expect(marks.filter((row) => row.startsWith("»"))).toHaveLength(1);
			for (const row of marks) expect(row.toLowerCase()).toMatch(/lamp|lam$|^.?amp/);
			for (const row of rows.filter((row) => /\blamp\b/i.test(row))) expect(row).toMatch(/^[›»]/);
		} finally {
			chalk.level = before;
		}
	});
});
