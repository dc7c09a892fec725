import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageCounter } from "../../source/core/page-count.js";
import { nextPage, pageAt } from "../../source/core/paginate.js";
import { DOCUMENT_START, toAnchor, toPosition, windowAt } from "../../source/core/position.js";
import { type OpenedStory, openStory, parseStory } from "../../source/formats/open-story.js";
import { PIECE_BYTES } from "../../source/formats/text-document.js";

const WORDS =
	"the harbour “light” was burning—low and she counted every crate twice because 雪 the manifest said".split(" ");

/** A deterministic story of about `bytes` bytes: chapters, notes, scene breaks, curly quotes, some CJK. */
function longStory(bytes: number): string {
	let seed = 5;
	const next = () => {
		seed = (seed * 16807) % 2147483647;
		return seed / 2147483647;
	};
	const parts = ["A/N: an opening note for the whole story.", "~~~"];
	let size = 0;
	let chapter = 1;
	while (size < bytes) {
		parts.push(`Chapter ${chapter}: Part ${chapter}`);
		if (chapter % 3 === 0) parts.push(`A/N: a head note for chapter ${chapter}.`);
		for (let paragraph = 0; paragraph < 40; paragraph++) {
			const words = Array.from(
				{ length: 20 + Math.floor(next() * 80) },
				() => WORDS[Math.floor(next() * WORDS.length)],
			);
			const text = `${words.join(" ")}.`;
			parts.push(text);
			size += Buffer.byteLength(text) + 2;
			if (next() < 0.03) parts.push("* * *");
		}
		if (chapter % 4 === 0) parts.push("* * *", `A/N: thanks for reading chapter ${chapter}!`, "Review please.");
		chapter++;
	}
	return parts.join("\n\n");
}

let scratch: string;
let opened: OpenedStory;
let text: string;

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-doc-"));
	text = longStory(PIECE_BYTES * 6);
	writeFileSync(join(scratch, "long.txt"), text);
	opened = openStory(join(scratch, "long.txt"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("a long text story read in pieces", () => {
	it("is split into pieces and reads the same paragraphs as a whole parse", () => {
		expect(opened.document.pieceCount).toBeGreaterThanOrEqual(6);
		const pieces = opened.document.whole().blocks.map((block) => block.text);
		const whole = parseStory(text, "long.txt").story.blocks.map((block) => block.text);
		expect(pieces).toEqual(whole);
	});

	it("finds the same notes as a whole parse", () => {
		const notes = (story: { notes: Array<{ kind: string; text: string }> }) =>
			story.notes.map((note) => `${note.kind}:${note.text}`);
		expect(notes(opened.document.whole())).toEqual(notes(parseStory(text, "long.txt").story));
	});

	it("gives a window around any offset that holds it, with byte offsets in order", () => {
		const { document } = opened;
		for (const fraction of [0, 0.1, 0.37, 0.5, 0.81, 0.99]) {
			const source = Math.floor(document.size * fraction);
			const { story, firstPiece } = document.windowAround(source);
			if (firstPiece > 0) expect(story.blocks[0]?.start ?? 0).toBeLessThanOrEqual(source);
			expect(story.blocks.at(-1)?.end ?? 0).toBeGreaterThanOrEqual(Math.min(source, document.size - 10));
			for (let index = 1; index < story.blocks.length; index++) {
				expect(story.blocks[index]?.start).toBeGreaterThan(story.blocks[index - 1]?.start ?? -1);
			}
		}
	});

	it("pages through the whole story across windows, and the page count agrees", () => {
		const { document } = opened;
		const view = { width: 70, height: 20 };
		// As the reader pages: the window is the one around the position's piece, the page laid out in it.
		let position = DOCUMENT_START;
		let window = windowAt(document, 0);
		let anchor = { block: 0, offset: 0 };
		let pages = 1;
		const seen: string[] = [];
		for (;;) {
			window = windowAt(document, position.piece);
			anchor = toAnchor(document, window, position);
			const page = pageAt(window.story, anchor, view);
			for (const line of page.lines)
				if (line.start === 0 && line.role !== "blank") seen.push(window.story.blocks[line.block]?.text ?? "");
			const target = nextPage(window.story, page, view);
			if (!target) break;
			position = toPosition(document, window, target);
			pages++;
		}
		expect([...new Set(seen)]).toEqual([...new Set(document.whole().blocks.map((block) => block.text))]);
		let counter = new PageCounter(document, view);
		while (!counter.done) counter = counter.advance();
		const last = pageAt(window.story, anchor, view);
		expect(counter.pageNumber(window, last)).toEqual({ page: pages, total: pages, exact: true });
	});
});

describe("a pass over a long story", () => {
	it("keeps the pieces being read: counting every page parses the reader's piece no second time", () => {
		const path = join(scratch, "longer.txt");
		writeFileSync(path, longStory(PIECE_BYTES * 20));
		const { document } = openStory(path);
		expect(document.pieceCount).toBeGreaterThan(16);
		const reading = document.piece(2);
		let counter = new PageCounter(document, { width: 60, height: 20 });
		while (!counter.done) counter = counter.advance();
		expect(document.piece(2)).toBe(reading);
	});
});
