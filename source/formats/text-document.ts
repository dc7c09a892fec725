// A plain-text story read in pieces ("pieces") of the file, so a 50 MB story opens as fast as a small one.
// Pieces start at fixed places (the first paragraph break after k × PIECE_BYTES), so any piece can be
// read and parsed on its own, the same way every time; offsets are byte offsets in the file.

import { buildStory } from "../core/build-story.js";
import { joinStories, type StoryDocument, type StoryWindow } from "../core/document.js";
import { sanitizeKeepingOffsets } from "../core/sanitize.js";
import type { Story } from "../core/story.js";
import type { StoryMeta, Unit } from "../core/units.js";
import { textToUnits } from "./text.js";

export const PIECE_BYTES = 48 * 1024;
/** How far to look for a paragraph break before cutting at a line end, or anywhere. */
const BOUNDARY_SEARCH = 16 * 1024;
const CACHED_PIECES = 12;

/** Where the story's bytes come from: a file read by range, or bytes already in memory. */
export interface ByteSource {
	readonly size: number;
	/** The bytes [from, to): valid only until the next read (the file source reuses one buffer). */
	read(from: number, to: number): Uint8Array;
}

export interface TextDocumentOptions {
	source: ByteSource;
	/** Decodes a run of whole lines (pieces never split a character). */
	decode: (bytes: Uint8Array) => string;
	/** True for UTF-8 (offsets are counted in bytes); false when one byte is one character. */
	utf8: boolean;
	fileName: string;
	/** Title, author and summary from the file's start, the same for every piece. */
	meta: StoryMeta;
	/** One paragraph per line (decided once for the file, from its start). */
	perLine: boolean;
}

type Cut = "paragraph" | "line" | "hard";

export class TextDocument implements StoryDocument {
	readonly size: number;
	readonly pieceCount: number;
	private readonly starts = new Map<number, { at: number; cut: Cut }>();
	private readonly pieces = new Map<number, Story>();

	constructor(private readonly options: TextDocumentOptions) {
		this.size = options.source.size;
		this.pieceCount = Math.max(1, Math.ceil(this.size / PIECE_BYTES));
	}

	/** The first paragraph break at or after `position` (else a line end, else a character start). */
	private pieceStart(index: number): { at: number; cut: Cut } {
		if (index <= 0) return { at: 0, cut: "paragraph" };
		if (index >= this.pieceCount) return { at: this.size, cut: "paragraph" };
		let found = this.starts.get(index);
		if (!found) {
			const position = index * PIECE_BYTES;
			const bytes = this.options.source.read(position, Math.min(this.size, position + BOUNDARY_SEARCH));
			found = findBoundary(bytes, position);
			this.starts.set(index, found);
		}
		return found;
	}

	pieceOf(source: number): number {
		const guess = Math.min(this.pieceCount - 1, Math.max(0, Math.floor(source / PIECE_BYTES)));
		return source < this.pieceStart(guess).at ? Math.max(0, guess - 1) : guess;
	}

	piece(index: number): Story {
		let story = this.pieces.get(index);
		if (story) {
			// Keep recently used pieces at the end of the map (least recently used first).
			this.pieces.delete(index);
			this.pieces.set(index, story);
			return story;
		}
		story = this.parsePiece(index);
		this.pieces.set(index, story);
		if (this.pieces.size > CACHED_PIECES) this.pieces.delete(this.pieces.keys().next().value as number);
		return story;
	}

	private parsePiece(index: number): Story {
		const { source, decode, utf8, fileName, meta, perLine } = this.options;
		const start = this.pieceStart(index);
		const end = this.pieceStart(index + 1);
		const decoded = decode(source.read(start.at, end.at));
		const units = textToUnits(sanitizeKeepingOffsets(decoded), perLine);
		toSourceOffsets(units, decoded, start.at, utf8);
		const continuesBefore = index > 0;
		const continuesAfter = index < this.pieceCount - 1;
		const story = buildStory(units, meta, fileName, this.size, { continuesBefore, continuesAfter });
		// A paragraph cut in two by the piece boundary goes on in the next piece without a gap.
		const last = story.blocks.at(-1);
		if (last && continuesAfter && (end.cut === "hard" || (end.cut === "line" && !perLine))) last.continues = true;
		return story;
	}

	windowAround(source: number, margin = 1): StoryWindow {
		return this.windowOf(this.pieceOf(source), margin);
	}

	windowOf(middle: number, margin = 1): StoryWindow {
		const firstPiece = Math.max(0, middle - margin);
		const lastPiece = Math.min(this.pieceCount - 1, middle + margin);
		const parts: Story[] = [];
		for (let index = firstPiece; index <= lastPiece; index++) parts.push(this.piece(index));
		return { story: joinStories(parts), firstPiece, lastPiece };
	}

	whole(): Story {
		const parts: Story[] = [];
		for (let index = 0; index < this.pieceCount; index++) parts.push(this.parsePiece(index));
		return joinStories(parts);
	}
}

/** Turn the units' character offsets in the piece's text into offsets in the file. */
function toSourceOffsets(units: Unit[], decoded: string, base: number, utf8: boolean): void {
	if (!utf8) {
		for (const unit of units) {
			unit.start += base;
			unit.end += base;
		}
		return;
	}
	let lastChar = 0;
	let lastByte = base;
	const byteAt = (char: number) => {
		lastByte += Buffer.byteLength(decoded.slice(lastChar, char));
		lastChar = char;
		return lastByte;
	};
	for (const unit of units) {
		unit.start = byteAt(unit.start);
		unit.end = byteAt(unit.end);
	}
}

/** Offset in the file where a piece starting near `position` begins. `bytes` start at `position`. */
function findBoundary(bytes: Uint8Array, position: number): { at: number; cut: Cut } {
	for (let index = 0; index + 1 < bytes.length; index++) {
		if (
			bytes[index] === 0x0a &&
			(bytes[index + 1] === 0x0a || (bytes[index + 1] === 0x0d && bytes[index + 2] === 0x0a))
		) {
			let after = index + 1;
			while (after < bytes.length && (bytes[after] === 0x0a || bytes[after] === 0x0d)) after++;
			return { at: position + after, cut: "paragraph" };
		}
	}
	const lineEnd = bytes.indexOf(0x0a);
	if (lineEnd >= 0) return { at: position + lineEnd + 1, cut: "line" };
	// One enormous line: cut after a space, so no word is split between two pieces.
	const space = bytes.indexOf(0x20);
	if (space >= 0) return { at: position + space + 1, cut: "hard" };
	// One enormous line: cut anywhere except inside a UTF-8 character.
	let index = 0;
	while (index < bytes.length && ((bytes[index] as number) & 0xc0) === 0x80) index++;
	return { at: position + index, cut: "hard" };
}
