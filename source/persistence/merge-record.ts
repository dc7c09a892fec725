// One story's records from several windows and devices merged into one: mark by mark, the newest place winning.

import type { ChapterPrint } from "../core/chapter-news.js";
import type { StoryRecord } from "./reading-store.js";

type Mark = NonNullable<StoryRecord["marks"]>[string];

/** When a record's place was last moved: older records have only the time they were last read. */
const movedAt = (record: StoryRecord) => (typeof record.movedAt === "string" ? record.movedAt : record.lastRead);
/** When a mark was set: marks saved before marks had times count as older than any timed one. */
const setAt = (mark: Mark) => mark.setAt ?? "";

const samePlace = (a: { sourceOffset: number; snippet: string }, b: { sourceOffset: number; snippet: string }) =>
	a.sourceOffset === b.sourceOffset && a.snippet === b.snippet;

/**
 * The record a window saves, with times on what it changed: the place gets `movedAt` now (and
 * this device's name) only if it moved since this window last saved (or read) the record, and
 * each mark keeps its old time unless it was set again. The reader itself never needs to know
 * about times.
 */
export function stampChanges(
	record: StoryRecord,
	previous: StoryRecord | undefined,
	now: string,
	device: string,
): StoryRecord {
	const kept = previous && samePlace(previous, record);
	const stamped: StoryRecord = { ...record, movedAt: kept ? movedAt(previous) : now };
	const mover = kept ? previous.device : device;
	if (mover) stamped.device = mover;
	else delete stamped.device;
	if (record.marks) {
		const marks: Record<string, Mark> = {};
		for (const [letter, mark] of Object.entries(record.marks)) {
			const before = previous?.marks?.[letter];
			const time = before && samePlace(before, mark) ? before.setAt : now;
			marks[letter] = { sourceOffset: mark.sourceOffset, snippet: mark.snippet, ...(time ? { setAt: time } : {}) };
		}
		stamped.marks = marks;
	}
	return stamped;
}

/** The marks of a record on disk that are places (a hand-edited file can hold anything). */
function wellFormedMarks(value: unknown): Record<string, Mark> {
	const marks: Record<string, Mark> = {};
	if (!value || typeof value !== "object") return marks;
	for (const [letter, mark] of Object.entries(value as Record<string, Partial<Mark> | null>)) {
		if (typeof mark?.sourceOffset !== "number" || typeof mark.snippet !== "string") continue;
		const setAt = typeof mark.setAt === "string" ? { setAt: mark.setAt } : {};
		marks[letter] = { sourceOffset: mark.sourceOffset, snippet: mark.snippet, ...setAt };
	}
	return marks;
}

/**
 * The chapters the reader had on either side: the newer record's, then the other's it lacks. A
 * device still holding an older download must not make the chapters read on another one new again.
 */
function chaptersHad(newer: unknown, older: unknown): ChapterPrint[] | undefined {
	if (!Array.isArray(newer)) return undefined;
	const known = new Set(newer.map((chapter) => chapter?.fingerprint));
	const more = Array.isArray(older)
		? older.filter(
				(chapter) =>
					typeof chapter?.title === "string" &&
					typeof chapter.fingerprint === "string" &&
					!known.has(chapter.fingerprint),
			)
		: [];
	return [...newer, ...more];
}

/**
 * Two records of one story as one: the newest move's place (with its snippet, percent, device and
 * every other field, even ones this version does not know), every mark letter of either record
 * with the newer of the two where both have it, the chapters either had, the later of the
 * last-read times. The path stays `own`'s: it is where this device keeps the file.
 */
export function mergeRecords(other: StoryRecord | undefined, own: StoryRecord): StoryRecord {
	if (!other) return own;
	const [older, newer] = movedAt(other) > movedAt(own) ? [own, other] : [other, own];
	const merged: StoryRecord = {
		...older,
		...newer,
		path: own.path,
		movedAt: movedAt(newer),
		lastRead: other.lastRead > own.lastRead ? other.lastRead : own.lastRead,
	};
	if (!newer.device) delete merged.device;
	const chapters = chaptersHad(newer.chapters, older.chapters);
	if (chapters) merged.chapters = chapters;
	const marks = wellFormedMarks(other.marks);
	for (const [letter, mark] of Object.entries(wellFormedMarks(own.marks))) {
		const other = marks[letter];
		if (!other || setAt(mark) >= setAt(other)) marks[letter] = mark;
	}
	if (Object.keys(marks).length > 0) merged.marks = marks;
	else delete merged.marks;
	return merged;
}
