// The names of the files in the state folder's stories/: one per story and device, and the conflict copies sync tools make of them.

/** A story's record name (the store's address for it): a fingerprint, or a name like `ao3-123`. */
export const RECORD_NAME = /^[0-9a-z-]+$/;

/** A device's name as it appears in a file name: letters, digits, `_`, `-` and `.` (the rest become `_`). */
export function deviceInFileName(device: string): string {
	return device.replace(/[^A-Za-z0-9_.-]/g, "_");
}

/** This device's file for a record: `<name>.<device>.json`. */
export function recordFileName(name: string, device: string): string {
	return `${name}.${deviceInFileName(device)}.json`;
}

export type RecordFile =
	/** A device's own file (`device` undefined: a record from before files were per device, `<name>.json`). */
	| { kind: "device"; name: string; device?: string }
	/** A sync tool's conflict copy of a device's file: merged, folded into this device's file, then removed. */
	| { kind: "conflict"; name: string }
	/** fic's own by-products (temporary files, damaged files set aside) and sync tools' hidden files. */
	| { kind: "ignored" }
	/** Anything else: left alone, and said once. */
	| { kind: "foreign" };

/** Syncthing: `<base>.sync-conflict-20261201-101500-ABCDEFG.json`. */
const SYNCTHING = /\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+$/;
/** Dropbox `<base> (Bob's conflicted copy 2026-12-01)`, Nextcloud and ownCloud `<base> (conflicted copy 2026-12-01 101500)`. */
const CONFLICTED_COPY = / \([^()]*conflicted copy[^()]*\)$/i;

export function parseRecordFile(fileName: string): RecordFile {
	if (fileName.startsWith(".") || fileName.startsWith("~") || fileName.includes(".corrupt-"))
		return { kind: "ignored" };
	if (!fileName.endsWith(".json")) return { kind: "foreign" };
	const stem = fileName.slice(0, -".json".length);
	const base = stem.replace(SYNCTHING, "").replace(CONFLICTED_COPY, "");
	const dot = base.indexOf(".");
	const name = dot < 0 ? base : base.slice(0, dot);
	const device = dot < 0 ? undefined : base.slice(dot + 1);
	if (!RECORD_NAME.test(name) || (device !== undefined && !/^[A-Za-z0-9_.-]+$/.test(device)))
		return { kind: "foreign" };
	if (base !== stem) return { kind: "conflict", name };
	return device === undefined ? { kind: "device", name } : { kind: "device", name, device };
}
