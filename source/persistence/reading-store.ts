// What the reader remembers: per story its place, plus settings and the last story opened.

import { DEFAULT_MEASURE, MAX_MEASURE, MIN_MEASURE } from "../core/measure.js";
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

export interface ReadingStore {
	/** The record for a story: by fingerprint, else by path (a story that changed at its start). */
	find(fingerprint: string, path: string): StoryRecord | undefined;
	save(fingerprint: string, record: StoryRecord): void;
	all(): Array<{ fingerprint: string; record: StoryRecord }>;
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

export function readSettings(value: unknown): Settings {
	const record = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
	return {
		panelOpen: typeof record.panelOpen === "boolean" ? record.panelOpen : DEFAULT_SETTINGS.panelOpen,
		// A hand-edited width is kept inside what +/- allow, so the page stays readable.
		measure:
			typeof record.measure === "number" && Number.isFinite(record.measure)
				? Math.min(MAX_MEASURE, Math.max(MIN_MEASURE, Math.round(record.measure)))
				: DEFAULT_SETTINGS.measure,
	};
}

/** Lookup shared by the stores: by fingerprint first, then the newest record at the same path. */
export function findRecord(
	records: Record<string, unknown>,
	fingerprint: string,
	path: string,
): StoryRecord | undefined {
	const direct = records[fingerprint];
	if (isStoryRecord(direct)) return direct;
	let best: StoryRecord | undefined;
	for (const value of Object.values(records)) {
		if (isStoryRecord(value) && value.path === path && (!best || value.lastRead > best.lastRead)) best = value;
	}
	return best;
}
