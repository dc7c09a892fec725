// A chapter's HTML blocks → units: story paragraphs, quotes and breaks, and FanFicFare's marked notes.

import type { NoteKind } from "../core/story.js";
import type { Unit } from "../core/units.js";
import type { HtmlBlock } from "./html-blocks.js";
import { classesOf, closest, contains, type Element } from "./html-dom.js";

/** A label line: short, no sentence punctuation, ends with a colon (`Author's Note:`). */
const LABEL_ONLY = /^([^.!?:]{1,60}):$/;
/** A bold label with the note on the same line (`<b>Author's Note:</b> thanks for…`). */
const LABEL_AND_TEXT = /^([^.!?:]{1,60}):\s+(\S[\s\S]*)$/;

export function storyUnit(block: HtmlBlock): Unit {
	const unit: Unit = {
		kind: block.kind === "scene-break" ? "scene-break" : "paragraph",
		text: block.text,
		start: block.start,
		end: block.end,
	};
	if (block.emphasis) unit.emphasis = block.emphasis;
	if (block.quote) unit.quote = true;
	return unit;
}

/** FanFicFare's `mark_new_chapters` puts `(new)` before or after a title: it is not part of the title. */
export function withoutNewMark(title: string): string {
	return title.replace(/^\(new\)\s*/i, "").replace(/\s*\(new\)$/i, "");
}

export function headingUnit(text: string, start: number, end: number): Unit {
	return { kind: "heading", text, start, end };
}

/** One note: its label, its paragraphs joined by blank lines, its source span. */
export function noteUnit(label: string, parts: string[], start: number, end: number, kind: NoteKind): Unit {
	return { kind: "paragraph", text: parts.join("\n\n"), start, end, noteLabel: label, noteKind: kind };
}

function isFffNotes(element: Element): boolean {
	return classesOf(element).includes("fff_chapter_notes");
}

/** FanFicFare's notes box: each bold `Label:` and the blockquote after it is one note. */
function fffNotes(box: Element, blocks: HtmlBlock[], kind: NoteKind): Unit[] {
	const notes: Array<{ label: string; parts: string[]; start: number; end: number }> = [];
	for (const block of blocks) {
		if (block.kind === "scene-break") continue;
		const quoted = block.quote !== undefined && contains(box, block.quote);
		const labelOnly = quoted ? null : LABEL_ONLY.exec(block.text);
		const boldLabel = quoted || block.emphasis?.[0]?.[0] !== 0 ? null : LABEL_AND_TEXT.exec(block.text);
		const current = notes.at(-1);
		if (labelOnly)
			notes.push({ label: (labelOnly[1] as string).trim(), parts: [], start: block.start, end: block.end });
		else if (boldLabel) {
			const label = (boldLabel[1] as string).trim();
			notes.push({ label, parts: [boldLabel[2] as string], start: block.start, end: block.end });
		} else if (current) {
			current.parts.push(block.text);
			current.end = block.end;
		} else notes.push({ label: "Notes", parts: [block.text], start: block.start, end: block.end });
	}
	return notes
		.filter((note) => note.parts.length > 0)
		.map((note) => noteUnit(note.label, note.parts, note.start, note.end, kind));
}

/**
 * The units of one chapter's content. FanFicFare notes (`div.fff_chapter_notes`) become notes:
 * `fff_head_notes` before the chapter, `fff_foot_notes` after it, an unmarked box by where it sits.
 * Headings left in the content are story paragraphs: the caller has taken the chapter's own out.
 */
export function chapterUnits(blocks: HtmlBlock[]): Unit[] {
	const units: Unit[] = [];
	let storySoFar = false;
	for (let index = 0; index < blocks.length; ) {
		const block = blocks[index] as HtmlBlock;
		const box = closest(block.element, isFffNotes);
		if (!box) {
			units.push(storyUnit(block));
			if (block.kind !== "scene-break") storySoFar = true;
			index++;
			continue;
		}
		let end = index;
		while (end < blocks.length && contains(box, (blocks[end] as HtmlBlock).element)) end++;
		const classes = classesOf(box);
		const kind: NoteKind = classes.includes("fff_foot_notes")
			? "tail"
			: classes.includes("fff_head_notes") || !storySoFar
				? "head"
				: "tail";
		units.push(...fffNotes(box, blocks.slice(index, end), kind));
		index = end;
	}
	return units;
}
