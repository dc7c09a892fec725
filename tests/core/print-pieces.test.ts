// --print, --notes and --json written piece by piece give exactly what the whole joined story gave.

import { describe, expect, it } from "vitest";
import { piecesOf } from "../../source/core/joined-pieces.js";
import { layoutBlock } from "../../source/core/layout.js";
import { printNotes, printStory } from "../../source/core/print.js";
import { storyJson } from "../../source/core/print-json.js";
import type { Story } from "../../source/core/story.js";
import { storyFromBytes } from "../../source/formats/open-story.js";
import { PIECE_BYTES } from "../../source/formats/text-document.js";

// The oracle: the whole-story output as fic made it before it wrote piece by piece.
function wholePrint(story: Story, width: number): string {
	const out: string[] = [];
	story.chapters.forEach((chapter, index) => {
		if (index > 0) out.push("");
		for (let block = chapter.firstBlock; block < chapter.endBlock; block++) {
			for (const line of layoutBlock(story, block, width)) out.push(line.text.trimEnd());
		}
		while (out.at(-1) === "") out.pop();
	});
	return `${out.join("\n")}\n`;
}

function wholeNotes(story: Story): string {
	if (story.notes.length === 0) return "No author's notes found.\n";
	const percent = (start: number) => `${Math.floor((start / story.sourceLength) * 100)}%`;
	return `${story.notes
		.map((note) => {
			const text = note.text
				.split("\n")
				.map((line) => `    ${line}`)
				.join("\n");
			return `[${note.kind}] ${note.label} · ${story.chapters[note.chapter]?.title ?? ""} · ${percent(note.start)}\n${text}`;
		})
		.join("\n\n")}\n`;
}

function wholeJson(story: Story): string {
	const model = {
		title: story.title,
		author: story.author ?? null,
		summary: story.summary ?? null,
		info: story.info ?? null,
		// A long plain-text story names no work.
		identity: null,
		source: null,
		series: null,
		warnings: story.warnings ?? [],
		wordCount: story.wordCount,
		chapters: story.chapters.map((chapter) => ({ title: chapter.title, start: chapter.start })),
		notes: story.notes.map(({ kind, label, confidence, chapter, start, end, text }) => ({
			kind,
			label,
			confidence,
			chapter,
			start,
			end,
			text,
		})),
		text: story.blocks.map((block) => block.text).join("\n\n"),
	};
	return `${JSON.stringify(model, null, 2)}\n`;
}

const SENTENCE = "She counted the “crates” twice—once for the manifest, once for herself. ";

/**
 * About seven pieces: a chapter heading right after each piece boundary, notes at chapters' heads
 * and tails (one chapter running across a boundary), a paragraph of many lines and one of one line
 * longer than a piece, so both are cut inside the paragraph.
 */
function multiPieceStory(): string {
	const parts: string[] = ["The Harbour Light", "by Someone", "A/N: a note for the whole story."];
	let size = 0;
	let chapter = 1;
	let boundary = 1;
	const add = (text: string) => {
		parts.push(text);
		size += Buffer.byteLength(text) + 2;
	};
	while (size < PIECE_BYTES * 7) {
		if (size >= boundary * PIECE_BYTES) {
			boundary++;
			add(`Chapter ${chapter++}`);
			if (chapter % 2 === 0) add(`A/N: head note of chapter ${chapter - 1}.`);
		}
		if (chapter === 3 && !parts.includes("LINES")) {
			add("LINES");
			add(Array.from({ length: 900 }, (_, line) => `${line} ${SENTENCE}`).join("\n"));
		} else if (chapter === 5 && !parts.includes("ONE LINE")) {
			add("ONE LINE");
			add(SENTENCE.repeat(1200));
		} else add(SENTENCE.repeat(1 + (size % 7)));
		if (size % 11 === 0) add("* * *");
		if (size % 13 === 0) add(`A/N: thanks for reading, from the middle of chapter ${chapter - 1}!`);
	}
	return parts.join("\n\n");
}

const opened = storyFromBytes(Buffer.from(multiPieceStory()), "/stories/harbour.txt");
const { document } = opened;
const whole = document.whole();

describe("output written piece by piece", () => {
	it("has a story that tests what it says: pieces, headings at their starts, cut paragraphs, notes", () => {
		expect(document.pieceCount).toBeGreaterThanOrEqual(7);
		const starts = [...piecesOf(document)].map((piece) => piece.blocks[0]);
		expect(starts.filter((block) => block?.kind === "heading").length).toBeGreaterThanOrEqual(3);
		const cut = [...piecesOf(document)].filter((piece) => piece.blocks.at(-1)?.continues);
		expect(cut.length).toBeGreaterThanOrEqual(2);
		expect(whole.notes.length).toBeGreaterThanOrEqual(5);
		expect(whole.chapters.length).toBeGreaterThanOrEqual(5);
	});

	it.each([20, 80, 200])("--print at width %i is the whole story's print, byte for byte", (width) => {
		const chunks = [...printStory(piecesOf(document), width)];
		expect(chunks.length).toBeGreaterThan(document.pieceCount - 1);
		expect(chunks.join("")).toBe(wholePrint(whole, width));
	});

	it("--notes is the whole story's notes list, byte for byte", () => {
		expect(wholeNotes(whole)).toMatch(/\[head\][\s\S]*\[inline\]/);
		expect([...printNotes(piecesOf(document))].join("")).toBe(wholeNotes(whole));
	});

	it("--json is the whole story's JSON, byte for byte, and parses to the same model", () => {
		const streamed = [...storyJson(() => piecesOf(document))].join("");
		expect(streamed).toBe(wholeJson(whole));
		expect(JSON.parse(streamed)).toEqual(JSON.parse(wholeJson(whole)));
	});

	it("makes the first chunk from the first piece, before the rest of the story is read", () => {
		const read: number[] = [];
		const scan = (index: number) => {
			read.push(index);
			return document.scan(index);
		};
		const counted = { ...document, pieceCount: document.pieceCount, scan };
		printStory(piecesOf(counted), 80).next();
		expect(read).toEqual([0]);
	});

	it("a story with no notes says so, as before", () => {
		const plain = storyFromBytes(Buffer.from(`${SENTENCE.repeat(3)}\n\n`.repeat(3000)), "/plain.txt");
		expect(plain.document.pieceCount).toBeGreaterThan(1);
		expect([...printNotes(piecesOf(plain.document))].join("")).toBe("No author's notes found.\n");
	});
});
