// Turns format-neutral units into a Story: chapters, author's notes, title and author.

import { extractInlineNotes, toBlocks } from "./blocks.js";
import { detectChapterNotes, type PendingNote, splitAtOpeners, type Zones } from "./chapter-notes.js";
import { findOpener, parseByline, parseMetadataLine } from "./markers.js";
import { type Block, type Chapter, countWords, type Note, type NoteKind, type Story } from "./story.js";
import type { StoryMeta, Unit } from "./units.js";

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
