// The head and tail rules of note detection: where, at a chapter's edges, a note starts and ends.

import { foldTitle, headingTitle, restatesHeading } from "./heading-parts.js";
import { findOpener } from "./markers.js";
import {
	continuesNote,
	hasNoteWords,
	isBareLabel,
	isDedication,
	isDialogue,
	isReviewRequest,
	isWhollyEmphasised,
	signsAs,
} from "./note-cues.js";
import type { NoteKind } from "./story.js";
import type { Unit } from "./units.js";

/** What detection knows about the chapter around its units. */
export interface ChapterContext {
	/** The units hold the chapter's real start (head zone) and real end (tail zone). */
	head: boolean;
	tail: boolean;
	/** This chapter's heading and the next one's, for restated headings and title blocks. */
	heading?: string;
	nextHeading?: string;
	storyTitle?: string;
	author?: string;
	/** When given, receives the rule that made each unit a note (for --notes-debug). */
	explain?: Map<Unit, string>;
}

export type Mark = (from: number, to: number, kind: NoteKind, rule: string) => void;

/** Paragraphs this close to a chapter's end count as its tail zone when it has no scene break. */
const TAIL_ZONE_WITHOUT_BREAK = 5;
/** A marked note with no scene break before it may sit this far from the chapter's end. */
const UNBROKEN_TAIL_PARAGRAPHS = 12;
/** A tail note may not take more than this share of its chapter's text. */
const MAX_TAIL_SHARE = 0.4;
/**
 * A chapter that began before the reading piece is at least this long (the piece reader cuts at a
 * heading when one is this near), so the share is measured against no less, wherever the piece starts.
 */
export const CHAPTER_ACROSS_PIECES_CHARS = 16 * 1024;
/** A head note runs on to the first scene break when that break is this near. */
const HEAD_TO_BREAK_PARAGRAPHS = 8;
/** A later opener this close bridges the paragraphs between it and the note before (a quote, a signature). */
const BRIDGE_PARAGRAPHS = 3;
/** A restated heading comes within the chapter's head. */
const RESTATED_WITHIN_UNITS = 80;

export function isNoteParagraph(unit: Unit): boolean {
	return unit.kind === "paragraph" && (unit.noteLabel !== undefined || findOpener(unit.text) !== undefined);
}

function isStrongOpener(unit: Unit): boolean {
	return unit.kind === "paragraph" && findOpener(unit.text)?.strength === "strong";
}

const isParagraph = (unit: Unit | undefined) => unit?.kind === "paragraph";

/** Any sign of an author talking: a marker, note vocabulary outside dialogue, a review request. */
function hasEvidence(units: Unit[]): boolean {
	return units.some(
		(unit) =>
			isNoteParagraph(unit) ||
			(isParagraph(unit) && ((hasNoteWords(unit.text) && !isDialogue(unit.text)) || isReviewRequest(unit.text))),
	);
}

/**
 * The chapter's title lines left before the next heading (FicHub: `Title`, `STORY`, `----------`): lines
 * that repeat the next heading's title or the story's title, and the breaks among them. Not the tail.
 */
export function titleBlockLength(units: Unit[], context: ChapterContext): number {
	const titles = [
		context.nextHeading && headingTitle(context.nextHeading),
		context.storyTitle && foldTitle(context.storyTitle),
	];
	let length = 0;
	let titled = 0;
	for (let index = units.length - 1; index >= 0; index--) {
		const unit = units[index] as Unit;
		if (unit.kind === "scene-break") length++;
		else if (unit.kind === "paragraph" && unit.text.length <= 80 && titles.includes(foldTitle(unit.text))) {
			length++;
			titled = length;
		} else break;
	}
	return titled > 0 ? length : 0;
}

/** Head rules; returns where the story starts. */
export function detectHead(units: Unit[], end: number, context: ChapterContext, mark: Mark): number {
	// Only the chapter's own heading restated: a `Part Two` line inside the chapter does not end its head.
	const heading = context.heading;
	const restated =
		heading === undefined
			? -1
			: units.findIndex(
					(unit, index) =>
						index < Math.min(end, RESTATED_WITHIN_UNITS) &&
						unit.kind === "heading" &&
						restatesHeading(heading, unit.text),
				);
	let start = 0;
	if (restated >= 0) {
		const before = units.slice(0, restated);
		if (before.some(isParagraph) && hasEvidence(before))
			mark(0, restated, "head", "head: before the chapter's restated heading, with a note's evidence");
		start = restated + 1;
	}
	while (units[start]?.kind === "scene-break") start++;
	return headRun(units, start, end, context, mark);
}

function headRun(units: Unit[], start: number, end: number, context: ChapterContext, mark: Mark): number {
	const first = units[start];
	if (!first || start >= end) return start;
	if (isDedication(first.text) && units[start + 1] !== undefined && units[start + 1]?.kind !== "paragraph") {
		mark(start, start + 1, "head", "head: a dedication alone before the chapter's first break");
		return start + 1;
	}
	if (!isNoteParagraph(first)) return emphasisedHead(units, start, end, mark);
	const breakAt = units.findIndex((unit, index) => index > start && index < end && unit.kind !== "paragraph");
	const between = units.slice(start + 1, breakAt);
	if (
		isStrongOpener(first) &&
		breakAt > start &&
		breakAt - start <= HEAD_TO_BREAK_PARAGRAPHS &&
		units.slice(breakAt + 1, end).some(isParagraph) &&
		between.some((unit) => hasNoteWords(unit.text)) &&
		!between.some((unit) => isDialogue(unit.text))
	) {
		mark(start, breakAt, "head", "head: opener at the chapter start, on to the scene break after it");
		return breakAt;
	}
	const styled = isWhollyEmphasised(first);
	let to = start + 1;
	while (to < end && isParagraph(units[to])) {
		const unit = units[to] as Unit;
		if (isNoteParagraph(unit) || continuesNote(unit, context.author) || (styled && isWhollyEmphasised(unit))) {
			to++;
			continue;
		}
		const bridge = laterOpener(units, to, end);
		if (bridge < 0) break;
		to = bridge + 1;
	}
	mark(
		start,
		to,
		"head",
		"head: opener at the chapter start, with the openers, signatures and same-style lines after it",
	);
	return to;
}

/** Emphasised paragraphs with a note's words from the chapter start to its first break, in a plain chapter. */
function emphasisedHead(units: Unit[], start: number, end: number, mark: Mark): number {
	const breakAt = units.findIndex((unit, index) => index > start && index < end && unit.kind !== "paragraph");
	if (breakAt < 0 || !emphasisedRun(units, start, breakAt, breakAt + 1, end)) return start;
	mark(
		start,
		breakAt,
		"head",
		"head: emphasised paragraphs before the first break, in a plain chapter, with a note's words",
	);
	return breakAt;
}

/** A strong opener within BRIDGE_PARAGRAPHS paragraphs after `from` (no break between), or -1. */
function laterOpener(units: Unit[], from: number, end: number): number {
	for (let index = from + 1; index < Math.min(end, from + 1 + BRIDGE_PARAGRAPHS); index++) {
		const unit = units[index] as Unit;
		if (!isParagraph(unit)) return -1;
		if (isStrongOpener(unit)) return index;
	}
	return -1;
}

function charsOf(units: Unit[], from: number, to: number): number {
	let sum = 0;
	for (let index = from; index < to; index++) sum += (units[index] as Unit).text.length;
	return sum;
}

/** Tail rules, between the end of the head note (`begin`) and the chapter's end (before any title block). */
export function detectTail(units: Unit[], begin: number, end: number, context: ChapterContext, mark: Mark): void {
	if (end <= begin) return;
	let lastBreak = -1;
	for (let index = end - 1; index >= begin; index--) {
		if ((units[index] as Unit).kind !== "paragraph") {
			lastBreak = index;
			break;
		}
	}
	const hasBreak = lastBreak >= 0;
	const zoneStart = hasBreak ? lastBreak + 1 : Math.max(begin, end - TAIL_ZONE_WITHOUT_BREAK);
	const known = charsOf(units, begin, end);
	const chapterChars = context.head ? known : Math.max(known, CHAPTER_ACROSS_PIECES_CHARS);
	const fits = (at: number) => at === begin || charsOf(units, at, end) <= MAX_TAIL_SHARE * chapterChars;
	// Names alone (a list, a signature) are no evidence: a list of names also ends in-story documents.
	const tailHasWords = (at: number) =>
		units.slice(at, end).some((unit) => isParagraph(unit) && (hasNoteWords(unit.text) || isReviewRequest(unit.text)));

	for (let at = zoneStart; at < end; at++) {
		const unit = units[at] as Unit;
		if (!isNoteParagraph(unit)) continue;
		// `Note:` also opens letters and lists inside the story: it needs an author's words after it.
		if (!isStrongOpener(unit) && unit.noteLabel === undefined && !tailHasWords(at)) continue;
		if (fits(at)) mark(at, end, "tail", "tail: opener after the chapter's last scene break");
		return;
	}
	if (!hasBreak) {
		// A bare `AN:` introduces everything after it, however many lines; a marked paragraph must be near the end.
		for (let at = zoneStart - 1; at >= begin; at--) {
			const unit = units[at] as Unit;
			if (!isStrongOpener(unit)) continue;
			const near = at >= end - UNBROKEN_TAIL_PARAGRAPHS;
			const after = units.slice(at + 1, end);
			const plainAfter = near && tailHasWords(at + 1) && !after.some((u) => isDialogue(u.text));
			if ((isBareLabel(unit.text) || plainAfter) && fits(at)) {
				mark(at, end, "tail", "tail: marked note near the end of a chapter with no scene break");
				return;
			}
		}
	}
	if (hasBreak && zoneStart < end && emphasisedRun(units, zoneStart, end, begin, zoneStart) && fits(zoneStart)) {
		mark(
			zoneStart,
			end,
			"tail",
			"tail: emphasised paragraphs after the last break, in a plain chapter, with a note's words",
		);
		return;
	}
	const last = units[end - 1] as Unit;
	if (isParagraph(last) && signsAs(last.text, context.author))
		mark(end - 1, end, "tail", "tail: the author's name alone at the chapter's end");
}

/**
 * Every paragraph of [from, to) is emphasised, one has a note's words, and most of the story in
 * [storyFrom, storyTo) is plain: authors who set their notes apart in bold.
 */
function emphasisedRun(units: Unit[], from: number, to: number, storyFrom: number, storyTo: number): boolean {
	const zone = units.slice(from, to).filter(isParagraph);
	if (zone.length === 0 || !zone.every(isWhollyEmphasised) || !zone.some((unit) => hasNoteWords(unit.text)))
		return false;
	const story = units.slice(storyFrom, storyTo).filter(isParagraph);
	return story.length > zone.length && story.filter(isWhollyEmphasised).length <= story.length / 4;
}
