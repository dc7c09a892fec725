// The first start after the upgrade moves the old fic-nodejs folder into the config and state folders, once.

import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmdirSync,
	statSync,
	unlinkSync,
	writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { readJson, readOrSetAside } from "./damaged-files.js";
import { mergeRecords } from "./merge-record.js";
import { isStoryRecord } from "./reading-store.js";
import { parseRecordFile, recordFileName } from "./record-names.js";

const shown = (path: string) => (path.startsWith(`${homedir()}/`) ? `~${path.slice(homedir().length)}` : path);

/** Writes beside the target, then renames: the target is whole or absent, whenever the move stops. */
function place(target: string, write: (temporary: string) => void): void {
	const temporary = `${target}.moving-${process.pid}`;
	write(temporary);
	renameSync(temporary, target);
}

/** A file of the old folder copied to the new one (unless an earlier, interrupted move got it there), then removed. */
function move(from: string, to: string): void {
	if (!existsSync(to)) place(to, (temporary) => copyFileSync(from, temporary));
	unlinkSync(from);
}

/**
 * An old record becomes this device's file; one already there (an interrupted move, a newer fic) is
 * merged with it, and a damaged one there is set aside rather than kept in the old record's stead.
 */
function moveRecord(from: string, to: string): void {
	const old = readJson(from);
	if (isStoryRecord(old)) readOrSetAside(to, to);
	const there = readJson(to);
	if (isStoryRecord(old) && isStoryRecord(there))
		place(to, (temporary) => writeFileSync(temporary, JSON.stringify(mergeRecords(old, there), null, "\t")));
	move(from, to);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The old settings file's value as it is moved: when the person already wrote one in the config
 * folder (keys, a theme), theirs wins key by key, and the old one's others stay (the last story,
 * the panel, the width, stateDir).
 */
export function settingsMoved(old: unknown, there: unknown): unknown {
	if (!isObject(old) || !isObject(there)) return there ?? old;
	const merged = { ...old, ...there };
	if (isObject(old.settings) && isObject(there.settings)) merged.settings = { ...old.settings, ...there.settings };
	return merged;
}

function moveSettings(from: string, to: string): void {
	const there = readJson(to);
	if (there !== undefined) {
		const merged = settingsMoved(readJson(from), there);
		place(to, (temporary) => writeFileSync(temporary, JSON.stringify(merged, null, "\t")));
	}
	move(from, to);
}

function moveFolder(from: string, to: string, device: string | undefined): void {
	mkdirSync(to, { recursive: true });
	for (const name of readdirSync(from)) {
		const source = join(from, name);
		if (statSync(source).isDirectory()) {
			moveFolder(source, join(to, name), undefined);
			continue;
		}
		const parsed = device === undefined ? undefined : parseRecordFile(name);
		if (device !== undefined && parsed?.kind === "device" && parsed.device === undefined)
			moveRecord(source, join(to, recordFileName(parsed.name, device)));
		else move(source, join(to, name));
	}
	rmdirSync(from);
}

/**
 * Moves `legacy` (settings, and stories/ with one file per story) into `config` and `state`
 * (stories/<name>.<device>.json). Every file is copied before its original is removed, so a move
 * that stops halfway loses nothing and finishes at the next start. Returns what to tell the user.
 */
export function migrateLegacy(legacy: string, config: string, state: string, device: string): string | undefined {
	if (!existsSync(legacy)) return undefined;
	try {
		mkdirSync(config, { recursive: true });
		for (const name of readdirSync(legacy)) {
			const source = join(legacy, name);
			if (name === "stories" && statSync(source).isDirectory()) moveFolder(source, join(state, "stories"), device);
			else if (statSync(source).isDirectory()) moveFolder(source, join(config, name), undefined);
			else if (name === "config.json") moveSettings(source, join(config, name));
			else move(source, join(config, name));
		}
		rmdirSync(legacy);
		return `Moved ${shown(legacy)} to ${shown(config)} and ${shown(state)}`;
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		return `Could not finish moving ${shown(legacy)} (${reason}); it is kept, and the move is tried again next time`;
	}
}
