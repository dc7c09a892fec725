// The library's file work: a folder listed at once when asked (with the reading records found by
// path), then its stories read a few at a time between keys, each batch reported as it is read.

import { type Dispatch, useEffect, useRef } from "react";
import { compareChapters, newsText } from "../../core/chapter-news.js";
import type { LibraryEntry } from "../../core/library-rows.js";
import type { Action } from "../../core/reader/reduce.js";
import type { AppState } from "../../core/reader/state.js";
import { type FolderEntry, type LibraryAccess, reasonOf } from "../../formats/library.js";
import {
	pickRecord,
	type ReadingStore,
	type RecordKeys,
	recordKeys,
	type StoryRecord,
} from "../../persistence/reading-store.js";

/** How long one batch of reading may take before the keyboard gets a turn. */
const SLICE_MS = 12;

type Read = Partial<LibraryEntry> & { path: string };

/**
 * Every record, read once while the state folder stays as it was: a story the records do not name
 * is looked for among all of them, and a folder of thousands of stories would read them all for each.
 */
class Records {
	private stamp: number | undefined;
	private named = new Map<string, StoryRecord>();

	constructor(private readonly store: ReadingStore) {}

	private current(): Map<string, StoryRecord> {
		const stamp = this.store.stateStamp();
		if (stamp !== this.stamp) {
			this.stamp = stamp;
			this.named = new Map(this.store.all().map(({ name, record }) => [name, record]));
		}
		return this.named;
	}

	list(): Iterable<StoryRecord> {
		return this.current().values();
	}

	find(keys: RecordKeys): StoryRecord | undefined {
		const named = this.current();
		return pickRecord(
			keys,
			(name) => named.get(name),
			() => named.values(),
		);
	}
}

/** The folder's entries with what the records say of them (found by path, before any file is read). */
function withRecords(entries: FolderEntry[], store: Records): LibraryEntry[] {
	const records = new Map<string, StoryRecord>();
	for (const record of store.list()) {
		const other = records.get(record.path);
		if (!other || record.lastRead > other.lastRead) records.set(record.path, record);
	}
	return entries.map((entry) => {
		const record = records.get(entry.path);
		const listed: LibraryEntry = { ...entry, percent: record?.percent ?? 0 };
		if (record) listed.lastRead = record.lastRead;
		return listed;
	});
}

/**
 * A story read: its title, author, words and series, the record found by its identity or
 * fingerprint (an update, a moved file), and what is new in it since that record's last read.
 */
function readEntry(entry: LibraryEntry, library: LibraryAccess, records: Records): Read {
	try {
		const item = library.read(entry.path);
		const record = records.find(recordKeys(item));
		const read: Read = { path: entry.path, title: item.title, words: item.words, percent: record?.percent ?? 0 };
		if (item.author) read.author = item.author;
		if (item.work.series) read.series = item.work.series;
		if (record) read.lastRead = record.lastRead;
		const news =
			record?.chapters && item.work.chapters && newsText(compareChapters(record.chapters, item.work.chapters));
		if (news) read.news = news;
		return read;
	} catch (error) {
		return { path: entry.path, unreadable: reasonOf(error, entry.path) };
	}
}

export function useLibrary(
	state: AppState,
	dispatch: Dispatch<Action>,
	library: LibraryAccess,
	store: ReadingStore,
): void {
	const { request } = state;
	const access = useRef({ library, store, records: new Records(store) });
	if (access.current.store !== store) access.current.records = new Records(store);
	access.current.library = library;
	access.current.store = store;

	useEffect(() => {
		if (request?.kind !== "scan") return;
		// Each listing reads the records afresh (the reader may have saved since the last one).
		access.current.records = new Records(access.current.store);
		const { library: files, store: saved, records } = access.current;
		try {
			const entries = withRecords(files.list(request.folder), records);
			const message = saved.takeWarning();
			dispatch({ type: "library-listed", folder: request.folder, entries, ...(message ? { message } : {}) });
		} catch (error) {
			dispatch({ type: "library-listed", folder: request.folder, entries: [], message: (error as Error).message });
		}
	}, [request, dispatch]);

	const { folder, entries } = state.library;
	useEffect(() => {
		const waiting = entries?.filter((entry) => entry.kind === "story" && !entry.title && !entry.unreadable);
		if (!waiting?.length) return;
		const timer = setTimeout(() => {
			const until = Date.now() + SLICE_MS;
			const read: Read[] = [];
			for (const entry of waiting) {
				read.push(readEntry(entry, access.current.library, access.current.records));
				if (Date.now() >= until) break;
			}
			dispatch({ type: "library-read", folder, entries: read });
		}, 0);
		return () => clearTimeout(timer);
	}, [folder, entries, dispatch]);
}
