// The library's entries (stories, folders, files it could not read) and the rows shown for them:
// in a fixed order, filtered by what was typed after /, a file named where two titles are alike.

export interface LibraryEntry {
	path: string;
	/** The file or folder name, made safe for one row. */
	name: string;
	kind: "story" | "folder" | "parent";
	/** From the reading record found by the file's path: known before the file is read. */
	percent: number;
	lastRead?: string;
	/** Filled in once the file is read. */
	title?: string;
	author?: string;
	words?: number;
	/** Why the file could not be read: such files are listed at the bottom. */
	unreadable?: string;
	/** What changed since the last read of a story being followed: `2 new chapters`, `updated`. */
	news?: string;
	/** The series the story is a part of: its works are listed together, in part order. */
	series?: Series;
}

import type { Series } from "./story.js";

export interface LibraryRow {
	entry: LibraryEntry;
	/** The title (the file's name until it is read, and after the title when two titles are alike). */
	label: string;
}

const byName = (a: LibraryEntry, b: LibraryEntry) => a.name.localeCompare(b.name);

/** The folder's order, fixed when it is listed: up, folders, stories read most recently first, then by name. */
export function orderEntries(entries: LibraryEntry[]): LibraryEntry[] {
	const parent = entries.filter((entry) => entry.kind === "parent");
	const folders = entries.filter((entry) => entry.kind === "folder").sort(byName);
	const stories = entries
		.filter((entry) => entry.kind === "story")
		.sort((a, b) => {
			if (a.lastRead && b.lastRead) return b.lastRead.localeCompare(a.lastRead);
			if (a.lastRead) return -1;
			if (b.lastRead) return 1;
			return byName(a, b);
		});
	return [...parent, ...folders, ...stories];
}

/** A series' name as works of one series are matched by: case and spacing do not count. */
export const seriesName = (name: string) => name.toLowerCase().replace(/\s+/g, " ").trim();
const seriesKey = (entry: LibraryEntry) => (entry.series ? seriesName(entry.series.name) : undefined);
const partOf = (entry: LibraryEntry) => entry.series?.part ?? 0;

/**
 * The stories as shown, once read: those being followed (read before) that have news come first,
 * the rest keep the folder's order; the works of a series stand together, in part order, where
 * the first of them would be.
 */
export function arrangeStories(entries: LibraryEntry[]): LibraryEntry[] {
	const followed = (entry: LibraryEntry) => entry.news !== undefined && entry.lastRead !== undefined;
	const ordered = [...entries.filter(followed), ...entries.filter((entry) => !followed(entry))];
	const series = new Map<string, LibraryEntry[]>();
	for (const entry of ordered) {
		const key = seriesKey(entry);
		if (key) series.set(key, [...(series.get(key) ?? []), entry]);
	}
	return ordered.flatMap((entry) => {
		const works = series.get(seriesKey(entry) ?? "");
		if (!works) return [entry];
		if (works[0] !== entry) return [];
		return [...works].sort((a, b) => partOf(a) - partOf(b));
	});
}

function matches(entry: LibraryEntry, filter: string): boolean {
	if (!filter || entry.kind === "parent") return true;
	const wanted = filter.toLowerCase();
	return [entry.title, entry.name, entry.author].some((text) => text?.toLowerCase().includes(wanted));
}

/** The rows shown: the entries that match the filter, the unreadable ones last. */
export function libraryRows(entries: LibraryEntry[], filter = ""): LibraryRow[] {
	const shown = entries.filter((entry) => matches(entry, filter));
	const ordered = [
		...shown.filter((entry) => entry.kind !== "story"),
		...arrangeStories(shown.filter((entry) => entry.kind === "story" && !entry.unreadable)),
		...shown.filter((entry) => entry.unreadable),
	];
	const titles = new Map<string, number>();
	for (const entry of ordered) if (entry.title) titles.set(entry.title, (titles.get(entry.title) ?? 0) + 1);
	return ordered.map((entry) => {
		if (entry.kind === "parent") return { entry, label: "../" };
		if (entry.kind === "folder") return { entry, label: `${entry.name}/` };
		if (!entry.title) return { entry, label: entry.name };
		const alike = (titles.get(entry.title) ?? 0) > 1;
		const part = entry.series ? ` · ${entry.series.name}, part ${entry.series.part}` : "";
		return { entry, label: `${alike ? `${entry.title} (${entry.name})` : entry.title}${part}` };
	});
}

export function progressBar(percent: number, cells: number): string {
	const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * cells);
	return "█".repeat(filled) + "░".repeat(cells - filled);
}

export function relativeTime(iso: string | undefined, now: Date): string {
	if (!iso) return "not started";
	const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
	if (days <= 0) return "today";
	if (days === 1) return "yesterday";
	if (days < 30) return `${days} days ago`;
	return new Date(iso).toISOString().slice(0, 10);
}
