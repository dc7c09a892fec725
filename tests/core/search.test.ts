// Search matching (typographic variants, wraps, smart case) and the piece-by-piece run over a document.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePattern, findAll, fold, type Pattern, SearchRun } from "../../source/core/search.js";
import { type OpenedStory, openStory } from "../../source/formats/open-story.js";
import { PIECE_BYTES } from "../../source/formats/text-document.js";

function matches(text: string, query: string): string[] {
	return findAll(text, compilePattern(query) as Pattern).map(([from, to]) => text.slice(from, to));
}

describe("matching", () => {
	it.each([
		["curly double quotes from straight ones", "“Turn it over,” he said.", '"turn it over,"', ["“Turn it over,”"]],
		["curly apostrophes from straight ones", "It doesn’t pay much.", "doesn't", ["doesn’t"]],
		["straight text from curly quotes", 'She said "no" twice.', "“no”", ['"no"']],
		["an em dash from one hyphen", "older than the sea—though", "sea-though", ["sea—though"]],
		["an em dash from two hyphens", "older than the sea—though", "sea--though", ["sea—though"]],
		["two hyphens from an em dash", "older than the sea--though", "sea—though", ["sea--though"]],
		["an en dash from a hyphen", "pages 10–12", "10-12", ["10–12"]],
		["an ellipsis from three dots", "Well… maybe.", "well...", ["Well…"]],
		["three dots from an ellipsis", "Well... maybe.", "well…", ["Well..."]],
		["a line end or double space as one space", "the ninth\nbell  rang", "ninth bell rang", ["ninth\nbell  rang"]],
		["a non-breaking space as a space", "Mr.\u00a0Holt", "mr. holt", ["Mr.\u00a0Holt"]],
		["a ligature from its letters", "the ﬁrst light", "first", ["ﬁrst"]],
		["full-width letters from plain ones", "ＦＩＣ", "fic", ["ＦＩＣ"]],
		["a word beside an emoji (surrogate pairs)", "a 🏮 lantern", "🏮 lantern", ["🏮 lantern"]],
		["CJK", "港口的雨下了一整夜", "下了", ["下了"]],
	])("finds %s", (_name, text, query, expected) => {
		expect(matches(text, query)).toEqual(expected);
	});

	it("is smart about case: lower case finds any case, a capital letter makes it exact", () => {
		const text = "Nell and NELL and nell";
		expect(matches(text, "nell")).toHaveLength(3);
		expect(matches(text, "Nell")).toEqual(["Nell"]);
		expect(matches(text, "NELL")).toEqual(["NELL"]);
	});

	it("returns every match in order, without overlaps", () => {
		expect(findAll("aaaa", compilePattern("aa") as Pattern)).toEqual([
			[0, 2],
			[2, 4],
		]);
		expect(matches("no match here", "zebra")).toEqual([]);
	});

	it("gives offsets in the original text when folding changes lengths", () => {
		const text = "a… b—c “d”";
		for (const [query, expected] of [
			["...", "…"],
			["b-c", "b—c"],
			['"d"', "“d”"],
		] as const)
			expect(matches(text, query)).toEqual([expected]);
	});

	it("folds plain ASCII to itself and maps every folded character back", () => {
		expect(fold("Plain text, no tricks.", false)).toEqual({ text: "plain text, no tricks." });
		const folded = fold("a  “b”", false);
		expect(folded.text).toBe('a "b"');
		expect(folded.map).toEqual([0, 1, 3, 4, 5]);
	});

	it("has no pattern for an empty query", () => {
		expect(compilePattern("")).toBeUndefined();
	});
});

let scratch: string;
let opened: OpenedStory;
const PARAGRAPH = "The gulls went up over the flats all at once, crying, and the tide came in behind them. ";

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-search-"));
	const parts: string[] = ["A/N: the lighthouse keeper’s note, before it all."];
	let size = 0;
	for (let chapter = 1; size < PIECE_BYTES * 5; chapter++) {
		parts.push(`Chapter ${chapter}`);
		for (let paragraph = 0; paragraph < 40; paragraph++) {
			const marker = paragraph === 7 ? ` Lighthouse number ${chapter}.` : "";
			const text = `${PARAGRAPH.repeat(3).trim()}${marker}`;
			parts.push(text);
			size += text.length + 2;
		}
	}
	writeFileSync(join(scratch, "long.txt"), parts.join("\n\n"));
	opened = openStory(join(scratch, "long.txt"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runFrom(query: string, start: number, direction: "forward" | "backward", scope: "story" | "notes" = "story") {
	return SearchRun.start(opened.document, compilePattern(query) as Pattern, scope, { start, from: 0 }, direction);
}

function searchAll(start: SearchRun): SearchRun {
	let run = start;
	while (!run.done) run = run.advance();
	return run;
}

describe("a search over a long story's pieces", () => {
	it("searches piece by piece, nearest first, and counts every match once done", () => {
		const { document } = opened;
		expect(document.pieceCount).toBeGreaterThanOrEqual(5);
		const chapters = document.whole().chapters.length;
		const middle = Math.floor(document.size / 2);
		const fresh = runFrom("lighthouse number", middle, "forward");
		expect(fresh.progress).toBe(0);
		expect(fresh.find({ start: middle, from: 0 }, "forward", true)).toEqual({ kind: "pending" });
		const once = fresh.advance();
		expect(once.progress).toBeCloseTo(1 / document.pieceCount);
		expect(fresh.progress).toBe(0);
		// The piece holding the start is searched first.
		expect(once.hitsIn(document.pieceOf(middle))).toBeDefined();
		expect(once.hitsIn(0)).toBeUndefined();
		const run = searchAll(once);
		expect(run.done).toBe(true);
		expect(run.total).toBe(chapters);
	});

	it("finds forward and backward, going round the ends, and numbers the matches", () => {
		const run = searchAll(runFrom("lighthouse number", 0, "forward"));
		const first = run.find({ start: 0, from: 0 }, "forward", true);
		if (first.kind !== "found") throw new Error("no first match");
		expect(first.wrapped).toBe(false);
		expect(run.numberOf(first.hit)).toBe(1);
		const second = run.find(first.hit, "forward", false);
		if (second.kind !== "found") throw new Error("no second match");
		expect(run.numberOf(second.hit)).toBe(2);
		expect(run.find(second.hit, "backward", false)).toEqual({ kind: "found", hit: first.hit, wrapped: false });
		const last = run.find(first.hit, "backward", false);
		if (last.kind !== "found") throw new Error("no last match");
		expect(last.wrapped).toBe(true);
		expect(run.numberOf(last.hit)).toBe(run.total);
		expect(run.find(last.hit, "forward", false)).toEqual({ kind: "found", hit: first.hit, wrapped: true });
	});

	it("skips the author's notes, or searches only them", () => {
		const story = searchAll(runFrom("keeper’s note", 0, "forward"));
		expect(story.total).toBe(0);
		const notes = searchAll(runFrom("keeper's note", 0, "forward", "notes"));
		expect(notes.total).toBe(1);
		expect(runFrom("zebra", 0, "forward").find({ start: 0, from: 0 }, "forward", true)).toEqual({ kind: "pending" });
		const none = searchAll(runFrom("zebra", 0, "forward"));
		expect(none.find({ start: 0, from: 0 }, "forward", true)).toEqual({ kind: "none" });
	});

	it("matches each piece's text the same as a whole parse would", () => {
		const run = searchAll(runFrom("gulls went", 0, "forward"));
		const whole = opened.document
			.whole()
			.blocks.reduce((sum, block) => sum + (block.text.match(/gulls went/gi)?.length ?? 0), 0);
		expect(run.total).toBe(whole);
	});
});
