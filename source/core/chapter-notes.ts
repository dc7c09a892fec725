// Author's-note detection inside one chapter's units, per the rules in AUTHOR-NOTES.md.

import { findOpener } from "./markers.js";
import type { NoteKind } from "./story.js";
import type { Unit } from "./units.js";

/** Paragraphs this close to a chapter's end count as its tail zone when it has no scene break. */
const TAIL_ZONE_WITHOUT_BREAK = 5;
/** A tail note may not take more than this share of its chapter's text. */
const MAX_TAIL_SHARE = 0.4;

export interface PendingNote {
	kind: NoteKind;
	label: string;
	confidence: number;
	units: Unit[];
}

export function isNoteParagraph(unit: Unit): boolean {
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
export function detectChapterNotes(units: Unit[], zones: Zones = BOTH_ZONES): Detected {
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
export interface Zones {
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
