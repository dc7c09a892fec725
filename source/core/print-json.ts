// The parsed story as JSON for --json, written piece by piece: the same text JSON.stringify(…, null, 2) gives.

import type { ChapterState } from "./chapter-news.js";
import { joinedPieces } from "./joined-pieces.js";
import type { Story } from "./story.js";
import type { Work } from "./work.js";

/** A value as JSON.stringify(…, null, 2) writes it `depth` levels down (its strings hold no raw newline). */
function nested(value: unknown, depth: number): string {
	return JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

function arrayJson(items: unknown[]): string {
	if (items.length === 0) return "[]";
	return `[\n    ${items.map((item) => nested(item, 2)).join(",\n    ")}\n  ]`;
}

/** What comes before the text: everything but the text is small, and the word count needs every piece. */
function headOf(pieces: Iterable<Story>, work: Work, states?: ChapterState[]): string {
	let first: Story | undefined;
	let wordCount = 0;
	const chapters: object[] = [];
	const notes: object[] = [];
	for (const { piece, chapterBase, continuesChapter, first: head } of joinedPieces(pieces)) {
		first = head;
		wordCount += piece.wordCount;
		piece.chapters.forEach((chapter, index) => {
			if (index === 0 && continuesChapter) return;
			const print = work.chapters?.[chapters.length];
			const state = states?.[chapters.length];
			chapters.push({
				title: chapter.title,
				start: chapter.start,
				...(print ? { fingerprint: print.fingerprint } : {}),
				...(state ? { state } : {}),
			});
		});
		for (const note of piece.notes)
			notes.push({
				kind: note.kind,
				label: note.label,
				confidence: note.confidence,
				chapter: note.chapter + chapterBase,
				start: note.start,
				end: note.end,
				text: note.text,
			});
	}
	if (!first) throw new Error("a story has at least one piece");
	const fields: Array<[string, unknown]> = [
		["title", first.title],
		["author", first.author ?? null],
		["summary", first.summary ?? null],
		["info", first.info ?? null],
		["identity", work.identity ?? null],
		["source", work.source ?? null],
		["series", work.series ?? null],
		["warnings", first.warnings ?? []],
		["wordCount", wordCount],
	];
	const lines = fields.map(([key, value]) => `  ${JSON.stringify(key)}: ${nested(value, 1)}`);
	lines.push(`  "chapters": ${arrayJson(chapters)}`, `  "notes": ${arrayJson(notes)}`);
	return `{\n${lines.join(",\n")},\n  "text": "`;
}

/**
 * The story as pretty-printed JSON, one chunk per piece, with the work its file names (identity,
 * source, series, each chapter's fingerprint and, against the reader's record, its state). The pieces are walked twice (`pieces` is
 * called for each walk): once for the word count, chapters and notes that come before the text,
 * then for the text, so no more than a piece of the story is held at a time.
 */
export function* storyJson(pieces: () => Iterable<Story>, work: Work = {}, states?: ChapterState[]): Generator<string> {
	yield headOf(pieces(), work, states);
	let blocks = 0;
	for (const { piece } of joinedPieces(pieces())) {
		const out: string[] = [];
		for (const block of piece.blocks) {
			if (blocks++ > 0) out.push("\\n\\n");
			out.push(JSON.stringify(block.text).slice(1, -1));
		}
		yield out.join("");
	}
	yield '"\n}\n';
}
