// The document as a notes setting shows it: notes beside the page (the document itself), in place in
// the text as dimmed blocks of their own, or hidden (the ✎ marks taken out too). Notes stay listed.

import { joinStories, type StoryDocument, type StoryWindow } from "./document.js";
import type { NotesMode } from "./preferences.js";
import { type Block, INLINE_NOTE_MARKER, type Note, type Story } from "./story.js";

/**
 * Where a note goes in the text: a head note under the chapter's heading, any other where the source
 * has it, after the chapter's last block that starts before it (a note between two paragraphs names
 * the one after it as its block; one inside a paragraph, the paragraph).
 */
function placeOf(story: Story, note: Note): number {
	const chapter = story.chapters[note.chapter];
	if (!chapter) return story.blocks.length;
	const heading = story.blocks[chapter.firstBlock]?.kind === "heading" && chapter.endBlock > chapter.firstBlock;
	const first = chapter.firstBlock + (heading ? 1 : 0);
	if (note.kind === "head" || note.kind === "metadata") return first;
	let low = first;
	let high = chapter.endBlock;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((story.blocks[middle] as Block).start <= note.start) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Whether the note was taken out of the paragraph before `at`, which holds its ✎ (a note between paragraphs leaves none). */
function takenFrom(story: Story, note: Note, at: number): boolean {
	const before = story.blocks[at - 1];
	return note.kind === "inline" && before !== undefined && note.start >= before.start && note.start < before.end;
}

/**
 * A note as text blocks, one per line (source offsets spread over the note's own): a block's text
 * is wrapped as one run, so a note's own line breaks (a header's `Title:` and `Author:` lines, an
 * AO3 note's `<br>`) become blocks that go on without a blank line between them.
 */
function noteBlocks(note: Note, marked: boolean): Block[] {
	const paragraphs = note.text.split(/\n\s*\n/).filter((text) => text.trim() !== "");
	// The note says what it is, as the panel's label does, unless its text starts so (A/N: …); a
	// note taken out of a paragraph follows it, and a ✎ ties it to the ✎ left there.
	const labelled = note.text.toLowerCase().startsWith(note.label.toLowerCase());
	const shown = (text: string, index: number) => {
		if (index > 0) return text;
		const label = labelled ? text : `${note.label}: ${text}`;
		return marked ? `${INLINE_NOTE_MARKER} ${label}` : label;
	};
	const span = Math.max(1, note.end - note.start);
	let offset = 0;
	const blocks: Block[] = [];
	for (const [index, paragraph] of paragraphs.entries()) {
		const lines = paragraph.split("\n").filter((line) => line.trim() !== "");
		for (const [row, line] of lines.entries()) {
			const at = note.text.indexOf(line, offset);
			offset = at + line.length;
			const start = note.start + Math.floor((at / Math.max(1, note.text.length)) * span);
			const block: Block = {
				kind: "paragraph",
				text: row === 0 ? shown(line, index) : line,
				start,
				end: Math.max(start + 1, note.end),
				chapter: note.chapter,
				note: true,
			};
			if (row < lines.length - 1) block.continues = true;
			blocks.push(block);
		}
	}
	return blocks;
}

/** The story with each note's text in place among the blocks; each note's `block` is its first block. */
export function withNotesInline(story: Story): Story {
	if (story.notes.length === 0) return story;
	const placed = story.notes
		.map((note, index) => ({ note, index, at: placeOf(story, note) }))
		.sort((a, b) => a.at - b.at || a.note.chapter - b.note.chapter || a.note.start - b.note.start);
	const blocks: Block[] = [];
	const moved: number[] = [];
	const noteBlock: number[] = [];
	let next = 0;
	for (let old = 0; old <= story.blocks.length; old++) {
		for (; placed[next]?.at === old; next++) {
			const { note, index } = placed[next] as (typeof placed)[number];
			noteBlock[index] = blocks.length;
			blocks.push(...noteBlocks(note, takenFrom(story, note, old)));
		}
		moved[old] = blocks.length;
		const block = story.blocks[old];
		// Laid-out lines carry their block's index (layout.ts caches them per block): a moved block is a copy.
		if (block) blocks.push(blocks.length === old ? block : { ...block });
	}
	const chapters = story.chapters.map((chapter, index) => {
		const first = blocks.findIndex((block) => block.chapter === index);
		if (first < 0)
			return { ...chapter, firstBlock: moved[chapter.firstBlock] ?? 0, endBlock: moved[chapter.firstBlock] ?? 0 };
		let end = first;
		while (blocks[end]?.chapter === index) end++;
		return { ...chapter, firstBlock: first, endBlock: end };
	});
	const notes = story.notes.map((note, index) => ({ ...note, block: noteBlock[index] ?? note.block }));
	return { ...story, blocks, chapters, notes };
}

const MARKER = `\u00a0${INLINE_NOTE_MARKER}`;

/** The story without the ✎ that inline notes leave in the text (such blocks carry no emphasis). */
export function withoutNoteMarkers(story: Story): Story {
	if (!story.blocks.some((block) => block.text.includes(MARKER))) return story;
	const blocks = story.blocks.map((block) =>
		block.text.includes(MARKER) ? { ...block, text: block.text.split(MARKER).join("") } : block,
	);
	return { ...story, blocks };
}

const VIEWS: Record<Exclude<NotesMode, "panel">, (story: Story) => Story> = {
	inline: withNotesInline,
	hidden: withoutNoteMarkers,
};

/** The document a view is made from, for every document this module makes. */
const bases = new WeakMap<StoryDocument, StoryDocument>();
const made = new WeakMap<StoryDocument, Map<NotesMode, StoryDocument>>();

function viewOf(base: StoryDocument, view: (story: Story) => Story): StoryDocument {
	const stories = new WeakMap<Story, Story>();
	const shown = (story: Story) => {
		let result = stories.get(story);
		if (!result) {
			result = view(story);
			stories.set(story, result);
		}
		return result;
	};
	const piece = (index: number) => shown(base.piece(index));
	const scan = (index: number) => shown(base.scan(index));
	const windowOf = (middle: number, margin = 1): StoryWindow => {
		const { firstPiece, lastPiece, story } = base.windowOf(middle, margin);
		if (firstPiece === lastPiece) return { story: shown(story), firstPiece, lastPiece };
		const pieces: Story[] = [];
		for (let index = firstPiece; index <= lastPiece; index++) pieces.push(piece(index));
		return { story: joinStories(pieces), firstPiece, lastPiece };
	};
	return {
		size: base.size,
		pieceCount: base.pieceCount,
		piece,
		scan,
		pieceOf: (source) => base.pieceOf(source),
		windowOf,
		windowAround: (source, margin) => windowOf(base.pieceOf(source), margin),
		whole: () => shown(base.whole()),
	};
}

/** The document showing its notes as `mode` says (made once per document and mode). */
export function documentShowing(document: StoryDocument, mode: NotesMode): StoryDocument {
	const base = bases.get(document) ?? document;
	if (mode === "panel") return base;
	let views = made.get(base);
	if (!views) {
		views = new Map();
		made.set(base, views);
	}
	let view = views.get(mode);
	if (!view) {
		view = viewOf(base, VIEWS[mode]);
		bases.set(view, base);
		views.set(mode, view);
	}
	return view;
}
