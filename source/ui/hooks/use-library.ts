// The library's file work: a folder listed at once when asked (with the reading records found by
// path), then its stories read a few at a time between keys, each batch reported as it is read.

import { type Dispatch, useEffect, useRef } from "react";
import { compareChapters, newsText } from "../../core/chapter-news.js";
import type { LibraryEntry } from "../../core/library-rows.js";
import type { Action } from "../../core/reader/reduce.js";
import type { AppState } from "../../core/reader/state.js";
import { type FolderEntry, type LibraryAccess, reasonOf } from "../../formats/library.js";
import { type ReadingStore, recordKeys, type StoryRecord } from "../../persistence/reading-store.js";

/** How long one batch of reading may take before the keyboard gets a turn. */
const SLICE_MS = 12;

type Read = Partial<LibraryEntry> & { path: string };

/** The folder's entries with what the records say of them (found by path, before any file is read). */
function withRecords(entries: FolderEntry[], store: ReadingStore): LibraryEntry[] {
	const records = new Map<string, StoryRecord>();
	for (const { record } of store.all()) {
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
function readEntry(entry: LibraryEntry, library: LibraryAccess, store: ReadingStore): Read {
	try {
		const item = library.read(entry.path);
		const record = store.find(recordKeys(item));
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
	const access = useRef({ library, store });
	access.current = { library, store };

	useEffect(() => {
		if (request?.kind !== "scan") return;
		const { library: files, store: records } = access.current;
		try {
			const entries = withRecords(files.list(request.folder), records);
			const message = records.takeWarning();
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
				read.push(readEntry(entry, access.current.library, access.current.store));
				if (Date.now() >= until) break;
			}
			dispatch({ type: "library-read", folder, entries: read });
		}, 0);
		return () => clearTimeout(timer);
	}, [folder, entries, dispatch]);
}
