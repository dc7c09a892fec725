// The document as the notes setting shows it: notes in place in the text, hidden, or beside the page.

import { describe, expect, it } from "vitest";
import { wholeDocument } from "../../source/core/document.js";
import { layoutBlock } from "../../source/core/layout.js";
import { documentShowing, withNotesInline, withoutNoteMarkers } from "../../source/core/notes-view.js";
import { INLINE_NOTE_MARKER, type Story } from "../../source/core/story.js";
import { parseStory } from "../../source/formats/open-story.js";

const TEXT = [
	"Chapter 1: Shore",
	"A/N: First chapter, be kind.",
	"She walked to the shore (A/N: a real beach!) and waited for the ferry.",
	"The ferry did not come.",
	"~~~",
	"Night fell over the harbour.",
	"A/N: Thanks for reading!",
	"Chapter 2: Ferry",
	"The ferry came at dawn.",
].join("\n\n");

const story = (): Story => parseStory(TEXT, "shore.txt").story;

describe("notes in place in the text", () => {
	it("puts each note among the blocks: head under the heading, inline after its paragraph, tail at the end", () => {
		const base = story();
		expect(base.notes.map((note) => note.kind)).toEqual(["head", "inline", "tail"]);
		const inline = withNotesInline(base);
		const texts = inline.blocks.map((block) => `${block.note ? "note " : ""}${block.text.slice(0, 16)}`);
		expect(texts.slice(0, 4)).toEqual([
			"Chapter 1: Shore",
			"note A/N: First chapt",
			`She walked to th`,
			"note ✎ A/N: a real be",
		]);
		expect(texts.indexOf("note A/N: Thanks for ")).toBe(texts.indexOf("Night fell over ") + 1);
		expect(texts.at(-2)).toBe("Chapter 2: Ferry");
		// Every note names its own block, and every block stays in its chapter's range.
		for (const note of inline.notes) expect(inline.blocks[note.block]?.note, note.text).toBe(true);
		inline.chapters.forEach((chapter, index) => {
			for (let block = chapter.firstBlock; block < chapter.endBlock; block++)
				expect(inline.blocks[block]?.chapter).toBe(index);
		});
		expect(inline.chapters.at(-1)?.endBlock).toBe(inline.blocks.length);
		// The story's own blocks are all there, in order.
		expect(inline.blocks.filter((block) => !block.note).map((block) => block.text)).toEqual(
			base.blocks.map((block) => block.text),
		);
	});

	it("puts a note between two paragraphs where the source has it (after no paragraph of its own, with no ✎)", () => {
		const text = [
			"Chapter 1: Shore",
			"She walked to the shore and waited for the ferry all the long morning.",
			"The ferry did not come, and the gulls cried over the grey water.",
			"A/N: I rewrote this scene four times, sorry for the wait!",
			"Night fell over the harbour and the lamps came on one by one.",
			"She went home at last, cold to the bone and still hoping.",
		].join("\n\n");
		const base = parseStory(text, "harbour.txt").story;
		expect(base.notes.map((note) => note.kind)).toEqual(["inline"]);
		const inline = withNotesInline(base);
		const texts = inline.blocks.map((block) => block.text.slice(0, 12));
		expect(inline.blocks.findIndex((block) => block.note)).toBe(texts.indexOf("Night fell o") - 1);
		// It left no ✎ in the text, so it carries none.
		expect(inline.blocks.find((block) => block.note)?.text).toBe(
			"A/N: I rewrote this scene four times, sorry for the wait!",
		);
		// In source order, as offsets are looked up (a place, a mark, a search hit in the note).
		const starts = inline.blocks.map((block) => block.start);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
	});

	it("lays a note of several lines (a header: Title, Author, Summary) out a line each, every row behind the bar", () => {
		const header = "Title: Shore\nAuthor: Pell\nSummary: A ferry that does not come, told slowly over many words.";
		const inline = withNotesInline(parseStory(`${header}\n\n${TEXT}`, "shore.txt").story);
		const notes = inline.blocks.filter((block) => block.note);
		// A block's text is wrapped as one run: a line end inside it would take a terminal row the page never counted.
		for (const block of notes) expect(block.text).not.toContain("\n");
		const rows = inline.blocks.flatMap((block, index) => (block.note ? layoutBlock(inline, index, 40) : []));
		const shown = rows.filter((row) => row.role !== "blank").map((row) => row.text);
		expect(shown.slice(0, 3)).toEqual([
			"│ Story info: Title: Shore",
			"│ Author: Pell",
			"│ Summary: A ferry that does not come,",
		]);
		for (const row of shown) expect(row.startsWith("│ ")).toBe(true);
		// The header's lines go on one after another, with no blank row between them.
		expect(rows.slice(0, 3).every((row) => row.role === "note")).toBe(true);
	});

	it("takes the ✎ out of the text when notes are hidden, and keeps the notes listed", () => {
		const hidden = withoutNoteMarkers(story());
		expect(story().blocks.some((block) => block.text.includes(INLINE_NOTE_MARKER))).toBe(true);
		expect(hidden.blocks.some((block) => block.text.includes(INLINE_NOTE_MARKER))).toBe(false);
		expect(hidden.blocks[1]?.text).toBe("She walked to the shore and waited for the ferry.");
		expect(hidden.notes).toHaveLength(3);
	});

	it("makes one document per mode, and goes back to the document itself for the panel", () => {
		const document = wholeDocument(story());
		const inline = documentShowing(document, "inline");
		expect(documentShowing(document, "inline")).toBe(inline);
		expect(documentShowing(inline, "panel")).toBe(document);
		expect(documentShowing(inline, "hidden")).toBe(documentShowing(document, "hidden"));
		expect(inline.windowOf(0).story.blocks.some((block) => block.note)).toBe(true);
		expect(inline.piece(0)).toBe(inline.windowOf(0).story);
	});
});
