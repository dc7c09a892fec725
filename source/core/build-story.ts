// Turns format-neutral units into a Story: chapters, author's notes, title and author.

import { extractInlineNotes, toBlocks } from "./blocks.js";
import { type ChapterContext, detectChapterNotes, type PendingNote, splitAtOpeners } from "./chapter-notes.js";
import { type ChapterDraft, splitChapters } from "./chapter-split.js";
import { type Block, type Chapter, countWords, type Note, type NoteKind, type Story } from "./story.js";
import { readHeader } from "./story-header.js";
import type { StoryMeta, Unit } from "./units.js";

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
	/** The next piece starts with this heading: the last chapter ends here after all (its tail is here). */
	nextHeading?: string;
	/** When given, receives the rule that made each unit a note (for --notes-debug). */
	explain?: Map<Unit, string>;
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
	const header = piece.continuesBefore
		? { rest: preamble, metadata: [], info: {}, ...meta }
		: readHeader(preamble, meta);
	const title = header.title ?? fileTitle(fileName);
	const contextOf = (index: number, count: number, list: ChapterDraft[]): ChapterContext => {
		const last = index === count - 1;
		const context: ChapterContext = {
			head: !(continuation && index === 0),
			tail: !(piece.continuesAfter && last && piece.nextHeading === undefined),
			storyTitle: title,
		};
		const heading = list[index]?.heading?.text;
		const nextHeading = last ? piece.nextHeading : list[index + 1]?.heading?.text;
		if (heading !== undefined) context.heading = heading;
		if (nextHeading !== undefined) context.nextHeading = nextHeading;
		if (header.author !== undefined) context.author = header.author;
		if (piece.explain) context.explain = piece.explain;
		return context;
	};
	const preambleResult = detectChapterNotes(
		header.rest,
		contextOf(0, drafts.length + 1, [{ units: header.rest }, ...drafts]),
	);
	const blocks: Block[] = [];
	const notes: Note[] = [];
	const chapters: Chapter[] = [];

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
		const { story, notes: found } = detectChapterNotes(
			draft.units,
			contextOf(chapterIndex, chapterDrafts.length, chapterDrafts),
		);
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
	// What the format itself says (AO3's tags and stats) over what a header's lines say.
	const info = { ...header.info, ...meta.info };
	if (Object.keys(info).length > 0) story.info = info;
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
