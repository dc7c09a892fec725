// A plain-text story read in pieces ("pieces") of the file, so a 50 MB story opens as fast as a small one.
// Pieces start at fixed places (the first paragraph break after k × PIECE_BYTES), so any piece can be
// read and parsed on its own, the same way every time; offsets are byte offsets in the file.

import { buildStory, type PieceOptions } from "../core/build-story.js";
import { joinStories, type StoryDocument, type StoryWindow } from "../core/document.js";
import { isHeading, isSceneBreak } from "../core/markers.js";
import { sanitizeKeepingOffsets } from "../core/sanitize.js";
import type { Story } from "../core/story.js";
import type { StoryMeta, Unit } from "../core/units.js";
import { textToUnits } from "./text.js";

export const PIECE_BYTES = 48 * 1024;
/** How far to look for a paragraph break before cutting at a line end, or anywhere. */
const BOUNDARY_SEARCH = 16 * 1024;
const CACHED_PIECES = 12;
/** Headings and scene breaks are short lines: longer lines are not decoded while looking for a cut. */
const MAX_MARKER_LINE_BYTES = 320;

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
	/** A user's pattern for chapter headings (--chapters). */
	chapters?: RegExp;
}

type Cut = "heading" | "paragraph" | "line" | "hard";
interface Boundary {
	at: number;
	cut: Cut;
	/** The heading a "heading" cut starts the next piece with. */
	heading?: string;
}

export class TextDocument implements StoryDocument {
	readonly size: number;
	readonly pieceCount: number;
	private readonly starts = new Map<number, Boundary>();
	private readonly pieces = new Map<number, Story>();

	constructor(private readonly options: TextDocumentOptions) {
		this.size = options.source.size;
		this.pieceCount = Math.max(1, Math.ceil(this.size / PIECE_BYTES));
	}

	/**
	 * Where piece `index` starts: at the first chapter heading in the BOUNDARY_SEARCH bytes from
	 * index × PIECE_BYTES, else the first scene break, else the first paragraph break (else a line end,
	 * else a character start). Cutting where a chapter or scene starts keeps every note zone in one
	 * piece, so what is a note does not depend on where the pieces fall.
	 */
	private pieceStart(index: number): Boundary {
		if (index <= 0) return { at: 0, cut: "paragraph" };
		if (index >= this.pieceCount) return { at: this.size, cut: "paragraph" };
		let found = this.starts.get(index);
		if (!found) {
			const position = index * PIECE_BYTES;
			const bytes = this.options.source.read(position, Math.min(this.size, position + BOUNDARY_SEARCH));
			// In the file's last bytes, a cut at a scene break could leave the last piece only a tail note, and a
			// piece with no story adds nothing to the story: there, cut at the first paragraph.
			const nearEnd = position + bytes.length >= this.size;
			found = findBoundary(bytes, position, (line) => this.lineKind(line), this.options.perLine, !nearEnd);
			this.starts.set(index, found);
		}
		return found;
	}

	/** Whether a line (bytes, no line end) that starts a paragraph is a heading or a scene break. */
	private lineKind(line: Uint8Array): { kind: "heading" | "scene-break"; text: string } | undefined {
		if (line.length > MAX_MARKER_LINE_BYTES) return undefined;
		const text = this.options.decode(line).trim();
		if (text === "") return undefined;
		if (this.options.chapters?.test(text) || isHeading(text)) return { kind: "heading", text };
		return isSceneBreak(text) ? { kind: "scene-break", text } : undefined;
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

	scan(index: number): Story {
		return this.pieces.get(index) ?? this.parsePiece(index);
	}

	private parsePiece(index: number): Story {
		const { source, decode, utf8, fileName, meta, perLine, chapters } = this.options;
		const start = this.pieceStart(index);
		const end = this.pieceStart(index + 1);
		const decoded = decode(source.read(start.at, end.at));
		const units = textToUnits(sanitizeKeepingOffsets(decoded), perLine, chapters);
		toSourceOffsets(units, decoded, start.at, utf8);
		const continuesBefore = index > 0;
		const continuesAfter = index < this.pieceCount - 1;
		const piece: PieceOptions = { continuesBefore, continuesAfter };
		if (continuesAfter && end.cut === "heading" && end.heading !== undefined) piece.nextHeading = end.heading;
		const story = buildStory(units, meta, fileName, this.size, piece);
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

function isBlank(line: Uint8Array): boolean {
	for (const byte of line) if (byte !== 0x20 && byte !== 0x09) return false;
	return true;
}

type LineKind = (line: Uint8Array) => { kind: "heading" | "scene-break"; text: string } | undefined;

/** Offset in the file where a piece starting near `position` begins. `bytes` start at `position`. */
function findBoundary(
	bytes: Uint8Array,
	position: number,
	kindOf: LineKind,
	perLine: boolean,
	atSceneBreak: boolean,
): Boundary {
	let sceneBreak: number | undefined;
	let paragraph: number | undefined;
	// Line starts only: the bytes before the first line end belong to a line that began earlier.
	let previousBlank = false;
	for (let start = bytes.indexOf(0x0a) + 1; start > 0 && start < bytes.length; ) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		const line = bytes.subarray(start, end > start && bytes[end - 1] === 0x0d ? end - 1 : end);
		const blank = isBlank(line);
		// A heading starts a paragraph; a hard-wrapped line that begins "Chapter" does not.
		if (!blank && (previousBlank || perLine)) {
			paragraph ??= start;
			const kind = kindOf(line);
			if (kind?.kind === "heading") return { at: position + start, cut: "heading", heading: kind.text };
			if (kind) sceneBreak ??= start;
		}
		previousBlank = blank;
		start = end + 1;
	}
	const at = (atSceneBreak ? sceneBreak : undefined) ?? paragraph;
	if (at !== undefined) return { at: position + at, cut: "paragraph" };
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
