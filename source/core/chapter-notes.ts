// Author's-note detection inside one chapter's units, per the rules in AUTHOR-NOTES.md.

import { findOpener } from "./markers.js";
import { continuesNote } from "./note-cues.js";
import { type ChapterContext, detectHead, detectTail, isNoteParagraph, titleBlockLength } from "./note-zones.js";
import type { NoteKind } from "./story.js";
import type { Unit } from "./units.js";

export { type ChapterContext, isNoteParagraph } from "./note-zones.js";

export interface PendingNote {
	kind: NoteKind;
	label: string;
	confidence: number;
	units: Unit[];
}

/** A chapter whose heading names it a note (`Author's Note`, `Hiatus`) is one note as a whole. */
const NOTE_HEADING = /(?:author'?s'?\s+note|\ba\/n\b|\bhiatus\b|\bnot a chapter\b)/i;

function labelOf(unit: Unit): string {
	return unit.noteLabel ?? findOpener(unit.text)?.label ?? "Note";
}

function confidenceOf(unit: Unit, base: number): number {
	if (unit.noteLabel !== undefined) return 1;
	return findOpener(unit.text)?.strength === "strong" ? base : base - 0.2;
}

type Detected = { story: Unit[]; notes: Array<PendingNote & { index: number }> };

const BOTH_ZONES: ChapterContext = { head: true, tail: true };

/**
 * Split one chapter's units into story and notes. Notes the format marks by structure (AO3,
 * FanFicFare) keep their kind with confidence 1; the plain-text rules still run on the rest,
 * since authors cross-post `A/N:` paragraphs inside the story text.
 */
export function detectChapterNotes(units: Unit[], context: ChapterContext = BOTH_ZONES): Detected {
	const structural = units.filter((unit) => unit.noteKind !== undefined);
	if (structural.length === 0) return detectTextNotes(units, context);
	const result = detectTextNotes(
		units.filter((unit) => unit.noteKind === undefined),
		context,
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
		context.explain?.set(unit, "structure: the format marks it a note");
	}
	return result;
}

interface Verdict {
	kind: NoteKind;
	rule: string;
}

/** The plain-text rules of AUTHOR-NOTES.md: head note, tail note, lone openers. */
function detectTextNotes(units: Unit[], context: ChapterContext): Detected {
	const verdicts: Array<Verdict | undefined> = new Array(units.length);
	const mark = (from: number, to: number, kind: NoteKind, rule: string) => {
		const verdict = { kind, rule };
		for (let index = from; index < to; index++) verdicts[index] ??= verdict;
	};
	const end = context.tail ? units.length - titleBlockLength(units, context) : units.length;
	if (context.head && context.tail && NOTE_HEADING.test(context.heading ?? "")) {
		mark(0, end, "head", "chapter: its heading names it an author's note");
	} else {
		const begin = context.head ? detectHead(units, end, context, mark) : 0;
		if (context.tail) detectTail(units, begin, end, context, mark);
		markLoneOpeners(units, begin, end, verdicts, context, mark);
	}
	return assemble(units, verdicts, context);
}

/** Elsewhere a strong opener makes its own paragraph a note, with the signature or review request after it. */
function markLoneOpeners(
	units: Unit[],
	begin: number,
	end: number,
	verdicts: Array<Verdict | undefined>,
	context: ChapterContext,
	mark: (from: number, to: number, kind: NoteKind, rule: string) => void,
): void {
	for (let index = begin; index < end; index++) {
		const unit = units[index] as Unit;
		if (verdicts[index] || unit.kind !== "paragraph") continue;
		if (unit.noteLabel === undefined && findOpener(unit.text)?.strength !== "strong") continue;
		let to = index + 1;
		while (to < end && !verdicts[to] && continuesNote(units[to] as Unit, context.author)) to++;
		mark(index, to, "inline", "inline: a strong opener inside the chapter, with the lines that sign it");
		index = to - 1;
	}
}

/** Runs of units with one verdict become one pending note; scene breaks inside a note are dropped. */
function assemble(units: Unit[], verdicts: Array<Verdict | undefined>, context: ChapterContext): Detected {
	const notes: Detected["notes"] = [];
	const story: Unit[] = [];
	let current: Verdict | undefined;
	units.forEach((unit, index) => {
		const verdict = verdicts[index];
		if (!verdict) {
			story.push(unit);
			current = undefined;
			return;
		}
		context.explain?.set(unit, verdict.rule);
		if (unit.kind === "scene-break") return;
		const open = notes.at(-1);
		if (verdict === current && open) open.units.push(unit);
		else
			notes.push({
				kind: verdict.kind,
				label: labelOf(unit),
				confidence: confidenceOf(unit, verdict.kind === "inline" ? 0.8 : 0.9),
				units: [unit],
				index: story.length,
			});
		current = verdict;
	});
	// A scene break at a chapter's edge only separated the story from a note (or from nothing). Where a
	// reading piece cuts the chapter, the break at the cut is the story's.
	while (context.head && story[0]?.kind === "scene-break") story.shift();
	while (context.tail && story.at(-1)?.kind === "scene-break") story.pop();
	return { story, notes };
}

/** A block of notes becomes one note per opener; paragraphs without one continue the note before. */
export function splitAtOpeners(note: PendingNote): PendingNote[] {
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
