// The reading as the store keeps it: the place at the top of the page, the percent read, the marks.

import type { ChapterPrint } from "../chapter-news.js";
import type { NotesMode } from "../preferences.js";
import { readPercent } from "../status.js";
import type { Series } from "../story.js";
import { contextOf, hereOf, pageOf, windowOf } from "./reading.js";
import type { AppState } from "./state.js";

export interface SavedRecord {
	path: string;
	title: string;
	author?: string;
	/** The story's words, for a story read whole (a long one's are estimated by the library). */
	words?: number;
	/** Source offset of the place in the decoded text (bytes of a plain-text file). */
	sourceOffset: number;
	/** A few words at the place, to find it again if the text moved. */
	snippet: string;
	percent: number;
	marks?: Record<string, { sourceOffset: number; snippet: string }>;
	/** The normalized source URL the file names (records of a work are found by it). */
	source?: string;
	/** The chapters the reader had at the last read: what is new in an update is told from these. */
	chapters?: ChapterPrint[];
	series?: Series;
	/** How this story's notes are shown, when chosen for it (v). */
	notesMode?: NotesMode;
}

/** What to save for the story being read; undefined until the reader has moved (opening saves nothing). */
export function savedRecord(state: AppState): { name: string; record: SavedRecord } | undefined {
	const reading = state.reading;
	if (!reading?.moved) return undefined;
	const { view } = contextOf(state);
	const { story } = windowOf(reading);
	const { opened } = reading;
	const record: SavedRecord = {
		path: opened.path,
		title: story.title,
		...hereOf(reading, view),
		percent: readPercent(story, pageOf(reading, view)),
	};
	if (story.author) record.author = story.author;
	if (opened.document.pieceCount === 1) record.words = story.wordCount;
	if (Object.keys(reading.marks).length > 0) record.marks = reading.marks;
	if (reading.notesMode) record.notesMode = reading.notesMode;
	const work = opened.work ?? {};
	if (work.source) record.source = work.source;
	if (work.chapters) record.chapters = work.chapters;
	if (work.series) record.series = work.series;
	// A work's record is named by its identity, so an update under another file name finds it.
	return { name: work.identity ?? opened.fingerprint, record };
}
