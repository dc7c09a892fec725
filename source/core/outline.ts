// The story's outline for the contents and notes lists: chapters with the share read, and every note.

import type { StoryDocument } from "./document.js";
import type { ContentsEntry } from "./page-count.js";
import type { Position } from "./position.js";
import { INLINE_NOTE_MARKER, type NoteKind, type Story } from "./story.js";

export interface ContentsRow {
	title: string;
	page: number;
	/** How much of the chapter lies before the reading position, 0 to 100. */
	percentRead: number;
	start: number;
	/** The chapter being read. */
	current: boolean;
}

export function contentsRows(entries: ContentsEntry[], size: number, position: number): ContentsRow[] {
	return entries.map((entry, index) => {
		const end = entries[index + 1]?.start ?? size;
		const share = end > entry.start ? (position - entry.start) / (end - entry.start) : position >= end ? 1 : 0;
		return {
			title: entry.title || "Untitled chapter",
			page: entry.page,
			percentRead: Math.round(Math.min(1, Math.max(0, share)) * 100),
			start: entry.start,
			current: position >= entry.start && position < end,
		};
	});
}

/** Where a note belongs in the story: its block, at its `✎` for an inline note. */
export function noteTarget(story: Story, piece: number, index: number): Position {
	const note = story.notes[index];
	if (!note) return { piece, block: 0, offset: 0 };
	let offset = 0;
	if (note.kind === "inline") {
		const before = story.notes.slice(0, index).filter((other) => other.kind === "inline" && other.block === note.block);
		const text = story.blocks[note.block]?.text ?? "";
		let at = -1;
		for (let count = 0; count <= before.length; count++) at = text.indexOf(INLINE_NOTE_MARKER, at + 1);
		offset = Math.max(0, at);
	}
	return { piece, block: note.block, offset };
}

export interface NoteEntry {
	kind: NoteKind;
	label: string;
	chapter: string;
	firstLine: string;
	start: number;
	target: Position;
}

/** Collects every note of a document, a piece at a time (a long story's notes are spread over its pieces). */
export class NotesCollector {
	constructor(
		private readonly document: StoryDocument,
		readonly entries: readonly NoteEntry[] = [],
		private readonly nextPiece = 0,
		private readonly chapterTitle = "",
	) {}

	get done(): boolean {
		return this.nextPiece >= this.document.pieceCount;
	}

	get progress(): number {
		return this.nextPiece / Math.max(1, this.document.pieceCount);
	}

	/** The collector after one more piece (itself when every piece is read). */
	advance(): NotesCollector {
		if (this.done) return this;
		const piece = this.nextPiece;
		const story = this.document.scan(piece);
		const titles = story.chapters.map((chapter, index) =>
			index === 0 && story.continuesBefore ? this.chapterTitle : chapter.title,
		);
		const entries = [...this.entries];
		story.notes.forEach((note, index) => {
			entries.push({
				kind: note.kind,
				label: note.label,
				chapter: titles[note.chapter] ?? "",
				firstLine: note.text.split("\n")[0]?.trim() ?? "",
				start: note.start,
				target: noteTarget(story, piece, index),
			});
		});
		return new NotesCollector(this.document, entries, piece + 1, titles.at(-1) ?? this.chapterTitle);
	}
}
