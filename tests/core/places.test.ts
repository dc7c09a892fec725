// Reaching any place of a long story: pages by number, percents, saved places, pieces and windows.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageTarget, parseGoto, percentTarget } from "../../source/core/goto.js";
import { lineHighlights, lineParts } from "../../source/core/highlight.js";
import type { Line } from "../../source/core/layout.js";
import { PageCounter } from "../../source/core/page-count.js";
import { pageAt, type Viewport } from "../../source/core/paginate.js";
import { reachPlace, reachSource } from "../../source/core/places.js";
import { type Position, pieceBlock, toAnchor, windowAt, windowBlock } from "../../source/core/position.js";
import { placeOf } from "../../source/core/resume.js";
import { percentAt } from "../../source/core/story.js";
import { type OpenedStory, openStory } from "../../source/formats/open-story.js";
import { PIECE_BYTES } from "../../source/formats/text-document.js";

let scratch: string;
let opened: OpenedStory;
const VIEW: Viewport = { width: 50, height: 12 };

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-places-"));
	const parts: string[] = [];
	let size = 0;
	let paragraph = 0;
	for (let chapter = 1; size < PIECE_BYTES * 5; chapter++) {
		parts.push(`Chapter ${chapter}`);
		for (let index = 0; index < 25 + (chapter % 7) * 10; index++) {
			const text = `Paragraph ${paragraph++} of the tide: ${"the water came up the slipway, ".repeat(2 + (index % 9))}`;
			parts.push(text);
			size += text.length + 2;
		}
	}
	writeFileSync(join(scratch, "long.txt"), parts.join("\n\n"));
	opened = openStory(join(scratch, "long.txt"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function countAll(start: PageCounter): PageCounter {
	let counter = start;
	while (!counter.done) counter = counter.advance();
	return counter;
}

/** The window around a position and the position's anchor in it. */
function shown(position: Position) {
	const window = windowAt(opened.document, position.piece);
	return { window, anchor: toAnchor(opened.document, window, position) };
}

describe("reaching places in a long story", () => {
	it("goes to page N and the page counter says N, across pieces and chapters", () => {
		const { document } = opened;
		const counter = countAll(new PageCounter(document, VIEW));
		const total = counter.pageNumber(
			document.windowAround(0),
			pageAt(document.windowAround(0).story, { block: 0, offset: 0 }, VIEW),
		).total;
		expect(total).toBeGreaterThan(200);
		for (const number of [1, 2, 3, 17, Math.floor(total / 3), Math.floor(total / 2), total - 1, total]) {
			const at = counter.pageStart(number);
			if (!at) throw new Error(`no start for page ${number}`);
			const { window, anchor } = shown(at);
			const page = pageAt(window.story, anchor, VIEW);
			expect(counter.pageNumber(window, page).page, `page ${number}`).toBe(number);
		}
		expect(counter.pageStart(total + 1)).toBeUndefined();
		// The contents' first pages are where the chapters start.
		for (const entry of counter.contents().slice(0, 5)) {
			const at = counter.pageStart(entry.page);
			if (!at) throw new Error("no chapter start");
			const { window, anchor } = shown(at);
			expect(window.story.blocks[anchor.block]?.text).toBe(entry.title);
		}
	});

	it("goes to a percent and shows at least that percent", () => {
		const { document } = opened;
		for (const percent of [1, 13, 50, 77, 99]) {
			const { window, anchor } = shown(reachSource(document, Math.round((percent / 100) * document.size), VIEW.width));
			const at = percentAt(window.story, pageAt(window.story, anchor, VIEW).top);
			expect(Math.floor(at), `${percent}%`).toBeGreaterThanOrEqual(percent);
			expect(at).toBeLessThan(percent + 1);
		}
	});

	it("finds a saved place from any window, on the same passage", () => {
		const { document } = opened;
		const far = document.windowAround(document.size - 1);
		const middle = { block: Math.floor(far.story.blocks.length / 2), offset: 0 };
		const place = placeOf(far.story, middle);
		const position = reachPlace(document, place);
		expect(position.piece).toBeGreaterThan(0);
		const { window, anchor } = shown(position);
		expect(window.story.blocks[anchor.block]?.text.slice(anchor.offset)).toMatch(
			new RegExp(`^${place.snippet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
		);
	});

	it("names a window's blocks by piece and back", () => {
		const { document } = opened;
		const window = document.windowAround(Math.floor(document.size / 2));
		expect(window.lastPiece).toBeGreaterThan(window.firstPiece);
		for (const block of [0, 1, Math.floor(window.story.blocks.length / 2), window.story.blocks.length - 1]) {
			const at = pieceBlock(document, window, block);
			expect(windowBlock(document, window, at.piece, at.block)).toBe(block);
			expect(document.piece(at.piece).blocks[at.block]?.start).toBe(window.story.blocks[block]?.start);
		}
		expect(windowBlock(document, window, window.lastPiece + 1, 0)).toBeUndefined();
	});
});

describe("go to", () => {
	it.each([
		["12", { kind: "page", value: 12 }],
		[" 7 ", { kind: "page", value: 7 }],
		["50%", { kind: "percent", value: 50 }],
		["50 %", { kind: "percent", value: 50 }],
		["", undefined],
		["x", undefined],
		["12g", undefined],
		["-3", undefined],
		["1.5", undefined],
	])("reads %j", (text, expected) => {
		expect(parseGoto(text)).toEqual(expected);
	});

	it("goes to the last page past the end, and says how many pages there are", () => {
		const { document } = opened;
		const counter = countAll(new PageCounter(document, VIEW));
		const window = document.windowAround(0);
		const page = pageAt(window.story, { block: 0, offset: 0 }, VIEW);
		const { total } = counter.pageNumber(window, page);
		const past = pageTarget(counter, document, window, page, total + 50, VIEW);
		expect(past.message).toBe(`The story has ${total} pages`);
		const last = percentTarget(document, 100, VIEW);
		expect(past.position).toEqual(last);
		const end = shown(last);
		expect(counter.pageNumber(end.window, pageAt(end.window.story, end.anchor, VIEW)).page).toBe(total);
		expect(pageTarget(counter, document, window, page, 2, VIEW).message).toBeUndefined();
	});
});

describe("search highlights on a page", () => {
	const line = (block: number, start: number, text: string, role: Line["role"] = "text"): Line => ({
		block,
		start,
		text,
		role,
	});

	it("marks a match cut by a wrap on both lines, and the current one apart", () => {
		// "the ninth bell rang" wrapped after "ninth": a match of "ninth bell" spans the wrap.
		const lines = [
			line(0, 0, "the ninth"),
			line(0, 10, "bell rang"),
			line(0, 19, "", "blank"),
			line(1, 0, "  a bell", "quote"),
		];
		const highlights = lineHighlights(lines, (block) =>
			block === 0 ? [{ from: 4, to: 14, current: true }] : [{ from: 2, to: 6, current: false }],
		);
		expect(highlights).toEqual([
			[{ start: 4, end: 9, current: true }],
			[{ start: 0, end: 4, current: true }],
			[],
			[{ start: 4, end: 8, current: false }],
		]);
	});

	it("cuts a line into parts where emphasis and matches start and end", () => {
		const parts = lineParts("she said no twice", [[4, 8]], [{ start: 9, end: 11, current: false }]);
		expect(parts.map((part) => [part.text, part.italic, part.match])).toEqual([
			["she ", false, "none"],
			["said", true, "none"],
			[" ", false, "none"],
			["no", false, "match"],
			[" twice", false, "none"],
		]);
	});
});
