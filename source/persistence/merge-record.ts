// Two fic windows on one story: each save is merged with the record on disk, mark by mark, newest place winning.

import type { StoryRecord } from "./reading-store.js";

type Mark = NonNullable<StoryRecord["marks"]>[string];

/** When a record's place was last moved: older records have only the time they were last read. */
const movedAt = (record: StoryRecord) => (typeof record.movedAt === "string" ? record.movedAt : record.lastRead);
/** When a mark was set: marks saved before marks had times count as older than any timed one. */
const setAt = (mark: Mark) => mark.setAt ?? "";

const samePlace = (a: { sourceOffset: number; snippet: string }, b: { sourceOffset: number; snippet: string }) =>
	a.sourceOffset === b.sourceOffset && a.snippet === b.snippet;

/**
 * The record a window saves, with times on what it changed: the place gets `movedAt` now only if
 * it moved since this window last saved (or read) the record, and each mark keeps its old time
 * unless it was set again. The reader itself never needs to know about times.
 */
export function stampChanges(record: StoryRecord, previous: StoryRecord | undefined, now: string): StoryRecord {
	const stamped: StoryRecord = {
		...record,
		movedAt: previous && samePlace(previous, record) ? movedAt(previous) : now,
	};
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
 * What goes to disk: the newest move's place (with its snippet, percent and the chapters the
 * reader had there), every mark letter of either record with the newer of the two where both have
 * it, the later of the last-read times.
 */
export function mergeRecords(onDisk: StoryRecord | undefined, saving: StoryRecord): StoryRecord {
	if (!onDisk) return saving;
	const newer = movedAt(onDisk) > movedAt(saving) ? onDisk : saving;
	const chapters = newer.chapters ?? (newer === saving ? onDisk : saving).chapters;
	const merged: StoryRecord = {
		...saving,
		sourceOffset: newer.sourceOffset,
		snippet: newer.snippet,
		percent: newer.percent,
		movedAt: movedAt(newer),
		lastRead: onDisk.lastRead > saving.lastRead ? onDisk.lastRead : saving.lastRead,
	};
	if (chapters) merged.chapters = chapters;
	// A window that knows less of the work (a file without its source) does not take it away.
	if (!merged.source && onDisk.source) merged.source = onDisk.source;
	if (!merged.series && onDisk.series) merged.series = onDisk.series;
	const marks = wellFormedMarks(onDisk.marks);
	for (const [letter, mark] of Object.entries(saving.marks ?? {})) {
		const other = marks[letter];
		if (!other || setAt(mark) >= setAt(other)) marks[letter] = mark;
	}
	if (Object.keys(marks).length > 0) merged.marks = marks;
	return merged;
}
