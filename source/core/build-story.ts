// Turns format-neutral units into a Story: chapters, author's-note detection, title and author.

import { findOpener, INLINE_NOTE, parseByline, parseMetadataLine } from "./markers.js";
import {
	type Block,
	type Chapter,
	countWords,
	INLINE_NOTE_MARKER,
	type Note,
	type NoteKind,
	type Story,
} from "./story.js";
import type { StoryMeta, Unit } from "./units.js";

/** Paragraphs this close to a chapter's end count as its tail zone when it has no scene break. */
const TAIL_ZONE_WITHOUT_BREAK = 5;
/** A tail note may not take more than this share of its chapter's text. */
const MAX_TAIL_SHARE = 0.4;

interface PendingNote {
	kind: NoteKind;
	label: string;
	confidence: number;
	units: Unit[];
}

interface ChapterDraft {
	heading?: Unit;
	units: Unit[];
}

function splitChapters(units: Unit[]): {
	preamble: Unit[];
	chapters: ChapterDraft[];
} {
	const preamble: Unit[] = [];
	const chapters: ChapterDraft[] = [];
	for (const unit of units) {
		if (unit.kind === "heading") chapters.push({ heading: unit, units: [] });
		else if (chapters.length === 0) preamble.push(unit);
		else (chapters.at(-1) as ChapterDraft).units.push(unit);
	}
	return { preamble, chapters };
}

function isNoteParagraph(unit: Unit): boolean {
	return unit.kind === "paragraph" && (unit.noteLabel !== undefined || findOpener(unit.text) !== undefined);
}

function labelOf(unit: Unit): string {
	return unit.noteLabel ?? findOpener(unit.text)?.label ?? "Note";
}

function confidenceOf(unit: Unit, base: number): number {
	if (unit.noteLabel !== undefined) return 1;
	return findOpener(unit.text)?.strength === "strong" ? base : base - 0.2;
}

type Detected = { story: Unit[]; notes: Array<PendingNote & { index: number }> };

/**
 * Split one chapter's units into story and notes. Notes the format marks by structure (AO3,
 * FanFicFare) keep their kind with confidence 1; the plain-text rules still run on the rest,
 * since authors cross-post `A/N:` paragraphs inside the story text.
 */
function detectChapterNotes(units: Unit[], zones: Zones = BOTH_ZONES): Detected {
	const structural = units.filter((unit) => unit.noteKind !== undefined);
	if (structural.length === 0) return detectTextNotes(units, zones);
	const result = detectTextNotes(
		units.filter((unit) => unit.noteKind === undefined),
		zones,
	);
	for (const unit of structural) {
		const index = result.story.filter((storyUnit) => storyUnit.start < unit.start).length;
		result.notes.push({
			kind: unit.noteKind as NoteKind,
			label: unit.noteLabel ?? "Notes",
			confidence: 1,
			units: [unit],
			index,
		});
	}
	return result;
}

/** Whether the units hold the chapter's real start (head zone) and real end (tail zone). */
interface Zones {
	head: boolean;
	tail: boolean;
}
const BOTH_ZONES: Zones = { head: true, tail: true };

/** The plain-text rules of AUTHOR-NOTES.md: head run, tail block, lone openers. */
function detectTextNotes(units: Unit[], zones: Zones): Detected {
	const notes: Array<PendingNote & { index: number }> = [];
	let begin = 0;
	let end = units.length;

	// Head: the run of opener paragraphs at the chapter start. Paragraphs without a marker stay
	// story even before a scene break: "sounds like a note" guesses are the known false positive.
	const first = units[0];
	if (zones.head && first && isNoteParagraph(first)) {
		const headEnd = runLength(units, 0, isNoteParagraph);
		notes.push({
			kind: "head",
			label: labelOf(first),
			confidence: confidenceOf(first, 0.9),
			units: units.slice(0, headEnd),
			index: 0,
		});
		begin = headEnd;
	}

	// Tail: the first opener after the last scene break (or in the last few paragraphs), to the end.
	const lastBreak = findLastIndex(units, (unit) => unit.kind === "scene-break", begin);
	const zoneStart = lastBreak >= begin ? lastBreak + 1 : Math.max(begin, end - TAIL_ZONE_WITHOUT_BREAK);
	const tailAt = zones.tail ? units.findIndex((unit, index) => index >= zoneStart && isNoteParagraph(unit)) : -1;
	if (tailAt >= 0) {
		const tailUnits = units.slice(tailAt);
		const chapterChars = units.reduce((sum, unit) => sum + unit.text.length, 0);
		const tailChars = tailUnits.reduce((sum, unit) => sum + unit.text.length, 0);
		const opener = units[tailAt] as Unit;
		if (tailChars <= MAX_TAIL_SHARE * chapterChars || tailAt === begin) {
			notes.push({
				kind: "tail",
				label: labelOf(opener),
				confidence: confidenceOf(opener, 0.9),
				units: tailUnits,
				index: tailAt,
			});
			end = tailAt;
		}
	}

	// Elsewhere a strong opener makes only its own paragraph a note.
	const story: Unit[] = [];
	for (let index = begin; index < end; index++) {
		const unit = units[index] as Unit;
		const opener = unit.kind === "paragraph" ? findOpener(unit.text) : undefined;
		if (unit.noteLabel !== undefined || opener?.strength === "strong") {
			notes.push({
				kind: "inline",
				label: labelOf(unit),
				confidence: confidenceOf(unit, 0.8),
				units: [unit],
				index: story.length,
			});
		} else {
			story.push(unit);
		}
	}
	// A scene break that only separated the story from a removed note is not part of the story.
	while (story[0]?.kind === "scene-break") story.shift();
	while (story.at(-1)?.kind === "scene-break") story.pop();
	return { story, notes };
}

function runLength<T>(items: T[], from: number, test: (item: T) => boolean): number {
	let index = from;
	while (index < items.length && test(items[index] as T)) index++;
	return index;
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean, floor: number): number {
	for (let index = items.length - 1; index >= floor; index--) if (test(items[index] as T)) return index;
	return -1;
}

/** Title, author and metadata lines at the top of the preamble. */
function readHeader(
	preamble: Unit[],
	meta: StoryMeta,
): {
	rest: Unit[];
	title?: string;
	author?: string;
	summary?: string;
	metadata: Unit[];
} {
	let title = meta.title;
	let author = meta.author;
	let summary = meta.summary;
	const metadata: Unit[] = [];
	let index = 0;
	const firstUnit = preamble[0];
	const second = preamble[1];
	if (firstUnit?.kind === "paragraph" && !parseMetadataLine(firstUnit.text) && !findOpener(firstUnit.text)) {
		const short = firstUnit.text.length <= 80 && !/[.!?,;:]$/.test(firstUnit.text.trim());
		const byline = second ? parseByline(second.text) : undefined;
		if (short && (byline !== undefined || second?.kind === "scene-break")) {
			title ??= firstUnit.text.trim();
			if (byline !== undefined) author ??= byline;
			index = byline !== undefined ? 2 : 1;
		}
	}
	for (; index < preamble.length; index++) {
		const unit = preamble[index] as Unit;
		const field = unit.kind === "paragraph" ? parseMetadataLine(unit.text) : undefined;
		const byline = unit.kind === "paragraph" ? parseByline(unit.text) : undefined;
		if (field) {
			if (field.key === "title") title ??= field.value;
			else if (field.key === "author") author ??= field.value;
			else if (field.key === "summary") summary ??= field.value;
			metadata.push(unit);
		} else if (byline !== undefined && metadata.length > 0) {
			author ??= byline;
			metadata.push(unit);
		} else break;
	}
	return { rest: preamble.slice(index), title, author, summary, metadata };
}

function fileTitle(fileName: string): string {
	const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
	return base.replace(/[-_]+/g, " ").trim() || "Untitled";
}

function noteText(units: Unit[]): string {
	return units.map((unit) => unit.text).join("\n\n");
}

/** Build the Story from units; `fileName` is the fallback title. */
/** A piece of a long file: it may start inside a chapter and end inside one (see text-document.ts). */
export interface PieceOptions {
	/** The units start inside a chapter that began earlier: no header, no head notes there. */
	continuesBefore?: boolean;
	/** The units end inside a chapter that goes on later: no tail notes for it here. */
	continuesAfter?: boolean;
}

export function buildStory(
	units: Unit[],
	meta: StoryMeta,
	fileName: string,
	sourceLength: number,
	piece: PieceOptions = {},
): Story {
	const { preamble, chapters: drafts } = splitChapters(units);
	const continuation = piece.continuesBefore === true && preamble.length > 0;
	const header = piece.continuesBefore ? { rest: preamble, metadata: [], ...meta } : readHeader(preamble, meta);
	const lastZones = (index: number, count: number): Zones => ({
		head: !(continuation && index === 0),
		tail: !(piece.continuesAfter && index === count - 1),
	});
	const preambleResult = detectChapterNotes(header.rest, lastZones(0, drafts.length + 1));
	const blocks: Block[] = [];
	const notes: Note[] = [];
	const chapters: Chapter[] = [];
	const title = header.title ?? fileTitle(fileName);

	const pendingHead: Note[] = [];
	for (const note of meta.headNotes ?? []) {
		pendingHead.push({
			kind: "head",
			label: note.label,
			confidence: 1,
			chapter: 0,
			start: note.start,
			end: note.end,
			text: note.text,
			block: 0,
		});
	}
	if (header.metadata.length > 0) {
		const first = header.metadata[0] as Unit;
		const last = header.metadata.at(-1) as Unit;
		pendingHead.push({
			kind: "metadata",
			label: "Story info",
			confidence: 0.9,
			chapter: 0,
			start: first.start,
			end: last.end,
			text: header.metadata.map((unit) => unit.text).join("\n"),
			block: 0,
		});
	}

	// Text before the first heading that holds only notes belongs to the first chapter's head.
	const preambleIsNotesOnly = !piece.continuesBefore && preambleResult.story.every((unit) => unit.kind !== "paragraph");
	const chapterDrafts: ChapterDraft[] =
		(preambleIsNotesOnly || (piece.continuesBefore && !continuation)) && drafts.length > 0
			? drafts
			: [{ units: header.rest }, ...drafts];
	if (preambleIsNotesOnly && drafts.length > 0) {
		for (const note of preambleResult.notes) {
			for (const part of splitAtOpeners(note)) pendingHead.push(makeNote({ ...part, kind: "head" }, 0, 0));
		}
	}

	chapterDrafts.forEach((draft, chapterIndex) => {
		const { story, notes: found } = detectChapterNotes(draft.units, lastZones(chapterIndex, chapterDrafts.length));
		const firstBlock = blocks.length;
		const chapterTitle =
			draft.heading?.text.trim() ??
			(continuation && chapterIndex === 0 ? "" : chapterDrafts.length === 1 ? title : "Opening");
		if (draft.heading) blocks.push(...toBlocks(draft.heading, chapterIndex));
		const storyStart = blocks.length;
		const inlineNotes: Note[] = [];
		for (const unit of story) {
			for (const block of toBlocks(unit, chapterIndex)) {
				if (unit.kind === "paragraph") extractInlineNotes(block, blocks.length, inlineNotes);
				blocks.push(block);
			}
		}
		const endBlock = blocks.length;
		const onlyNotes = story.every((unit) => unit.kind !== "paragraph");
		const chapterNotes: Note[] = chapterIndex === 0 ? pendingHead.map((note) => ({ ...note, block: firstBlock })) : [];
		for (const note of found) {
			const kind: NoteKind = onlyNotes && found.length > 0 ? "chapter" : note.kind;
			const anchorBlock =
				note.kind === "tail"
					? Math.max(firstBlock, endBlock - 1)
					: note.kind === "head"
						? firstBlock
						: Math.min(storyStart + note.index, Math.max(firstBlock, endBlock - 1));
			for (const part of splitAtOpeners(note))
				chapterNotes.push(makeNote({ ...part, kind }, chapterIndex, anchorBlock));
		}
		chapterNotes.push(...inlineNotes);
		chapterNotes.sort((a, b) => a.start - b.start);
		notes.push(...chapterNotes);
		chapters.push({
			title: chapterTitle,
			start: draft.heading?.start ?? draft.units[0]?.start ?? 0,
			firstBlock,
			endBlock,
		});
	});

	const wordCount = blocks.reduce((sum, block) => sum + (block.kind === "paragraph" ? countWords(block.text) : 0), 0);
	const story: Story = {
		title,
		chapters,
		blocks,
		notes,
		sourceLength,
		wordCount,
	};
	if (header.author !== undefined) story.author = header.author;
	if (header.summary !== undefined) story.summary = header.summary;
	if (meta.info) story.info = meta.info;
	if (continuation) story.continuesBefore = true;
	if (piece.continuesAfter) story.continuesAfter = true;
	if (meta.warnings?.length) story.warnings = meta.warnings;
	return story;
}

/** A block of notes becomes one note per opener; paragraphs without one continue the note before. */
function splitAtOpeners(note: PendingNote): PendingNote[] {
	const parts: PendingNote[] = [];
	for (const unit of note.units) {
		const current = parts.at(-1);
		if (current && !isNoteParagraph(unit)) current.units.push(unit);
		else if (current && unit.noteLabel === undefined && findOpener(unit.text)?.strength !== "strong")
			current.units.push(unit);
		else
			parts.push({
				...note,
				label: current ? labelOf(unit) : note.label,
				confidence: current ? confidenceOf(unit, note.confidence) : note.confidence,
				units: [unit],
			});
	}
	return parts;
}

function makeNote(pending: PendingNote, chapter: number, block: number): Note {
	const first = pending.units[0] as Unit;
	const last = pending.units.at(-1) as Unit;
	return {
		kind: pending.kind,
		label: pending.label,
		confidence: pending.confidence,
		chapter,
		start: first.start,
		end: last.end,
		text: noteText(pending.units),
		block,
	};
}

/** Paragraphs longer than this are cut into pieces, so layout and paging stay small per block. */
export const MAX_BLOCK_CHARS = 8192;

/** Where to cut a long text near `limit`: after a space if one is close, never inside a surrogate pair. */
function cutPoint(text: string, from: number, limit: number): number {
	const end = from + limit;
	if (end >= text.length) return text.length;
	const space = text.lastIndexOf(" ", end);
	if (space > from + limit / 2) return space + 1;
	const code = text.charCodeAt(end - 1);
	return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

function toBlocks(unit: Unit, chapter: number): Block[] {
	const pieces: Block[] = [];
	const span = unit.end - unit.start;
	const length = Math.max(1, unit.text.length);
	for (let from = 0; from < unit.text.length || pieces.length === 0; ) {
		const to = unit.kind === "paragraph" ? cutPoint(unit.text, from, MAX_BLOCK_CHARS) : unit.text.length;
		const block: Block = {
			kind: unit.kind,
			text: unit.text.slice(from, to),
			start: unit.start + Math.round((from / length) * span),
			end: unit.start + Math.round((to / length) * span),
			chapter,
		};
		const emphasis = unit.emphasis
			?.map(([a, b]): [number, number] => [Math.max(a, from) - from, Math.min(b, to) - from])
			.filter(([a, b]) => b > a);
		if (emphasis && emphasis.length > 0) block.emphasis = emphasis;
		if (unit.quote) block.quote = true;
		if (to < unit.text.length) block.continues = true;
		pieces.push(block);
		if (to <= from) break;
		from = to;
	}
	return pieces;
}

/** Move `(A/N: …)` spans out of a paragraph into notes, leaving a marker in the text. */
function extractInlineNotes(block: Block, blockIndex: number, into: Note[]): void {
	if (!/[([]\s*(?:A\/N|a\/n|A\.N\.|AN|Author|T\/N)/.test(block.text)) return;
	const sourceSpan = block.end - block.start;
	const textLength = Math.max(1, block.text.length);
	block.text = block.text.replace(INLINE_NOTE, (match, body: string, offset: number) => {
		const start = block.start + Math.round((offset / textLength) * sourceSpan);
		into.push({
			kind: "inline",
			label: "A/N",
			confidence: 0.95,
			chapter: block.chapter,
			start,
			end: start + match.length,
			text: body.trim(),
			block: blockIndex,
		});
		return `\u00a0${INLINE_NOTE_MARKER}`;
	});
	// Emphasis ranges would shift; inline notes are plain-text only, where there is no emphasis.
	delete block.emphasis;
}
