// What the reader remembers: per story its place, plus settings and the last story opened.

import { identityOf } from "../core/identity.js";
import { DEFAULT_MEASURE, MAX_MEASURE, MIN_MEASURE } from "../core/measure.js";
import { readPace } from "../core/pace.js";
import { readPreferences } from "../core/preferences.js";
import type { SavedRecord } from "../core/reader/saved.js";
import type { Settings } from "../core/reader/state.js";

export type { Settings };

/** A story's record on disk: what the reader saves (its place, percent, marks) and the store's times. */
export interface StoryRecord extends SavedRecord {
	/** ISO time of the last read. */
	lastRead: string;
	/** ISO time the place last moved (set by the store; older records have only lastRead): the newest place wins. */
	movedAt?: string;
	/** The device whose reader made that move (FIC_DEVICE, the `device` setting, or the host name). */
	device?: string;
	/**
	 * Marks set with m + letter: each a place (source offset + snippet) and the ISO time it was set
	 * (set by the store, so two windows' marks merge). Older records have no marks, or no times.
	 */
	marks?: Record<string, { sourceOffset: number; snippet: string; setAt?: string }>;
}

/** What a story is known by: the identity its source gives (`ao3-123`), its fingerprint, its path. */
export interface RecordKeys {
	identity?: string;
	fingerprint: string;
	path: string;
}

/** The keys of an opened story (anything with its path, fingerprint and the work its file names). */
export function recordKeys(story: { path: string; fingerprint: string; work?: { identity?: string } }): RecordKeys {
	const keys: RecordKeys = { fingerprint: story.fingerprint, path: story.path };
	if (story.work?.identity) keys.identity = story.work.identity;
	return keys;
}

export interface ReadingStore {
	/**
	 * The record for a story: by identity, else by fingerprint, else by path (a story that changed
	 * at its start); a record found by fingerprint or path whose source names another work is not it.
	 */
	find(keys: RecordKeys): StoryRecord | undefined;
	/** `name` is a record name (/^[0-9a-z-]+$/): the story's identity, else its fingerprint. */
	save(name: string, record: StoryRecord): void;
	/** Every record, by its name (an identity or a fingerprint, as `save` took it). */
	all(): Array<{ name: string; record: StoryRecord }>;
	settings(): Settings;
	saveSettings(settings: Settings): void;
	lastStoryPath(): string | undefined;
	/** A story was opened: plain `fic` reopens it (written only when it is another story than before). */
	opened(path: string): void;
	/** A one-time message about the store itself (a damaged file kept aside, an unwritable folder). */
	takeWarning(): string | undefined;
	/**
	 * Calls `listener` whenever a warning arrives after the start (a save failing on a full disk),
	 * so the reader can show it at once with takeWarning(); returns the unsubscribe function.
	 */
	onWarning(listener: () => void): () => void;
	/** Resolves when every save made so far is on disk. */
	settled(): Promise<void>;
	/** Why the last save did not reach the disk (ENOSPC…), or undefined when it did. */
	unsaved(): string | undefined;
	/** The name this device writes into its records (a record from another name is another device's). */
	deviceName(): string;
	/**
	 * A value that changes whenever a story's record on disk may have changed (the stories folder's
	 * modification time: every save and every sync tool renames a file into it), so a watcher can
	 * look again only then.
	 */
	stateStamp(): number;
}

export const DEFAULT_SETTINGS: Settings = { panelOpen: true, measure: DEFAULT_MEASURE };

/** Keep only well-formed records: a config edited by hand or by an old version must not crash us. */
export function isStoryRecord(value: unknown): value is StoryRecord {
	if (!value || typeof value !== "object") return false;
	const record = value as Record<string, unknown>;
	return (
		typeof record.path === "string" &&
		typeof record.title === "string" &&
		typeof record.sourceOffset === "number" &&
		Number.isFinite(record.sourceOffset) &&
		typeof record.snippet === "string" &&
		typeof record.percent === "number" &&
		typeof record.lastRead === "string"
	);
}

/**
 * The settings: `saved` is what fic wrote (config.json's "settings"), `file` the whole config.json,
 * whose top-level keys, theme and notes the person writes.
 */
export function readSettings(saved: unknown, file?: unknown): Settings {
	const record = saved && typeof saved === "object" ? (saved as Record<string, unknown>) : {};
	return {
		...readPreferences(file),
		panelOpen: typeof record.panelOpen === "boolean" ? record.panelOpen : DEFAULT_SETTINGS.panelOpen,
		// A hand-edited width is kept inside what +/- allow, so the page stays readable.
		measure:
			typeof record.measure === "number" && Number.isFinite(record.measure)
				? Math.min(MAX_MEASURE, Math.max(MIN_MEASURE, Math.round(record.measure)))
				: DEFAULT_SETTINGS.measure,
		...paceOf(record.pace),
	};
}

function paceOf(value: unknown): Pick<Settings, "pace"> {
	const pace = readPace(value);
	return pace ? { pace } : {};
}

/** The part of the settings fic writes: the person's own (keys, theme, notes) are never written over. */
export function savedSettings(settings: Settings): Pick<Settings, "panelOpen" | "measure" | "pace"> {
	const { panelOpen, measure, pace } = settings;
	return pace ? { panelOpen, measure, pace } : { panelOpen, measure };
}

/**
 * Lookup shared by the stores: the record named by the identity, else by the fingerprint, else
 * the newest at the same path. A record found by fingerprint or path for a work with an identity
 * is taken only when its own source names the same work (or none: a record from an older fic),
 * and it is saved under the identity from then on.
 */
export function pickRecord(
	keys: RecordKeys,
	named: (name: string) => StoryRecord | undefined,
	all: () => Iterable<StoryRecord>,
): StoryRecord | undefined {
	const sameWork = (record: StoryRecord) =>
		!keys.identity || record.source === undefined || identityOf(record.source) === keys.identity;
	const own = keys.identity ? named(keys.identity) : undefined;
	if (own) return withWorkFields(own);
	const direct = named(keys.fingerprint);
	if (direct && sameWork(direct)) return withWorkFields(direct);
	let best: StoryRecord | undefined;
	for (const record of all())
		if (record.path === keys.path && sameWork(record) && (!best || record.lastRead > best.lastRead)) best = record;
	return best && withWorkFields(best);
}

/** A record with only well-formed chapters, series and source (a hand-edited file can hold anything). */
function withWorkFields(record: StoryRecord): StoryRecord {
	const { chapters, series, source, ...rest } = record as StoryRecord & Record<string, unknown>;
	const clean: StoryRecord = rest;
	if (typeof source === "string") clean.source = source;
	if (
		Array.isArray(chapters) &&
		chapters.every((chapter) => typeof chapter?.title === "string" && typeof chapter.fingerprint === "string")
	)
		clean.chapters = chapters.map(({ title, fingerprint }) => ({ title, fingerprint }));
	if (typeof series?.name === "string" && Number.isInteger(series.part))
		clean.series = {
			name: series.name,
			part: series.part,
			...(typeof series.url === "string" ? { url: series.url } : {}),
		};
	return clean;
}
