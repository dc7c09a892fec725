// Each chapter of a story against the reader's record, for --json: seen, new or revised since the last read.

import { type ChapterState, compareChapters } from "../core/chapter-news.js";
import type { Work } from "../core/work.js";
import type { RecordFinder } from "./read-only-records.js";
import { recordKeys } from "./reading-store.js";

/** Undefined when the story has no record with chapters (never read, or read by an older fic). */
export function chapterStates(
	store: RecordFinder,
	story: { path: string; fingerprint: string; work: Work },
): ChapterState[] | undefined {
	const record = store.find(recordKeys(story));
	if (!record?.chapters || !story.work.chapters) return undefined;
	return compareChapters(record.chapters, story.work.chapters).states;
}
