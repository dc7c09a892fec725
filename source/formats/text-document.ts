// A plain-text story read in pieces ("cells") of the file, so a 50 MB story opens as fast as a small one.
// Cells start at fixed places (the first paragraph break after k × CELL_BYTES), so any cell can be
// read and parsed on its own, the same way every time; offsets are byte offsets in the file.

import { buildStory } from "../core/build-story.js";
import { joinStories, type StoryDocument, type StoryWindow } from "../core/document.js";
import { sanitizeKeepingOffsets } from "../core/sanitize.js";
import type { Story } from "../core/story.js";
import type { StoryMeta, Unit } from "../core/units.js";
import { textToUnits } from "./text.js";

export const CELL_BYTES = 48 * 1024;
/** How far to look for a paragraph break before cutting at a line end, or anywhere. */
const BOUNDARY_SEARCH = 16 * 1024;
const CACHED_CELLS = 12;

/** Where the story's bytes come from: a file read by range, or bytes already in memory. */
export interface ByteSource {
	readonly size: number;
	/** The bytes [from, to): valid only until the next read (the file source reuses one buffer). */
	read(from: number, to: number): Uint8Array;
}

export interface TextDocumentOptions {
	source: ByteSource;
	/** Decodes a run of whole lines (cells never split a character). */
	decode: (bytes: Uint8Array) => string;
	/** True for UTF-8 (offsets are counted in bytes); false when one byte is one character. */
	utf8: boolean;
	fileName: string;
	/** Title, author and summary from the file's start, the same for every cell. */
	meta: StoryMeta;
	/** One paragraph per line (decided once for the file, from its start). */
	perLine: boolean;
	/** A user's pattern for chapter headings (--chapters). */
	chapters?: RegExp;
}

type Cut = "paragraph" | "line" | "hard";

export class TextDocument implements StoryDocument {
	readonly size: number;
	readonly cellCount: number;
	private readonly starts = new Map<number, { at: number; cut: Cut }>();
	private readonly cells = new Map<number, Story>();

	constructor(private readonly options: TextDocumentOptions) {
		this.size = options.source.size;
		this.cellCount = Math.max(1, Math.ceil(this.size / CELL_BYTES));
	}

	/** The first paragraph break at or after `position` (else a line end, else a character start). */
	private cellStart(index: number): { at: number; cut: Cut } {
		if (index <= 0) return { at: 0, cut: "paragraph" };
		if (index >= this.cellCount) return { at: this.size, cut: "paragraph" };
		let found = this.starts.get(index);
		if (!found) {
			const position = index * CELL_BYTES;
			const bytes = this.options.source.read(position, Math.min(this.size, position + BOUNDARY_SEARCH));
			found = findBoundary(bytes, position);
			this.starts.set(index, found);
		}
		return found;
	}

	cellOf(source: number): number {
		const guess = Math.min(this.cellCount - 1, Math.max(0, Math.floor(source / CELL_BYTES)));
		return source < this.cellStart(guess).at ? Math.max(0, guess - 1) : guess;
	}

	cell(index: number): Story {
		let story = this.cells.get(index);
		if (story) {
			// Keep recently used cells at the end of the map (least recently used first).
			this.cells.delete(index);
			this.cells.set(index, story);
			return story;
		}
		story = this.parseCell(index);
		this.cells.set(index, story);
		if (this.cells.size > CACHED_CELLS) this.cells.delete(this.cells.keys().next().value as number);
		return story;
	}

	private parseCell(index: number): Story {
		const { source, decode, utf8, fileName, meta, perLine, chapters } = this.options;
		const start = this.cellStart(index);
		const end = this.cellStart(index + 1);
		const decoded = decode(source.read(start.at, end.at));
		const units = textToUnits(sanitizeKeepingOffsets(decoded), perLine, chapters);
		toSourceOffsets(units, decoded, start.at, utf8);
		const continuesBefore = index > 0;
		const continuesAfter = index < this.cellCount - 1;
		const story = buildStory(units, meta, fileName, this.size, { continuesBefore, continuesAfter });
		// A paragraph cut in two by the cell boundary goes on in the next cell without a gap.
		const last = story.blocks.at(-1);
		if (last && continuesAfter && (end.cut === "hard" || (end.cut === "line" && !perLine))) last.continues = true;
		return story;
	}

	windowAround(source: number, margin = 1): StoryWindow {
		const middle = this.cellOf(source);
		const firstCell = Math.max(0, middle - margin);
		const lastCell = Math.min(this.cellCount - 1, middle + margin);
		const parts: Story[] = [];
		for (let index = firstCell; index <= lastCell; index++) parts.push(this.cell(index));
		return { story: joinStories(parts), firstCell, lastCell };
	}

	whole(): Story {
		const parts: Story[] = [];
		for (let index = 0; index < this.cellCount; index++) parts.push(this.parseCell(index));
		return joinStories(parts);
	}
}

/** Turn the units' character offsets in the cell's text into offsets in the file. */
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

/** Offset in the file where a cell starting near `position` begins. `bytes` start at `position`. */
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
