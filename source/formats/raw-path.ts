// File names that are not UTF-8: Node shows their bad bytes as U+FFFD, so such a path is found again by its entries' bytes.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, resolve, sep } from "node:path";

const REPLACEMENT = "\uFFFD";

/** A name as one row of the screen: bad bytes stay U+FFFD, line ends and tabs become ␊ ␍ ␉ (as controls in story text do). */
export function displayName(name: string): string {
	return name.replace(/[\n\r\t]/g, (char) => String.fromCharCode(0x2400 + char.charCodeAt(0)));
}

/** Paths whose exact bytes are known (from the command line's raw bytes), by their decoded text. */
const knownBytes = new Map<string, Buffer>();

/** Records the bytes a decoded path stands for, so two names alike once decoded are told apart. */
export function rememberPathBytes(path: string, bytes: Buffer): void {
	if (path.includes(REPLACEMENT)) knownBytes.set(path, bytes);
}

/**
 * The command-line arguments as the bytes the shell passed (Linux: /proc/self/cmdline), for those
 * that Node decoded with U+FFFD; undefined where the bytes cannot be had.
 */
export function rawArguments(argv: string[]): Array<Buffer | undefined> {
	let raw: Buffer[] = [];
	try {
		const parts = readFileSync("/proc/self/cmdline");
		raw = splitOnNul(parts);
	} catch {
		// Not Linux, or /proc not mounted: only the decoded text is known.
	}
	const args = raw.slice(-argv.length);
	return argv.map((arg, index) =>
		args.length === argv.length && args[index]?.toString("utf8") === arg ? args[index] : undefined,
	);
}

function splitOnNul(bytes: Buffer): Buffer[] {
	const parts: Buffer[] = [];
	let start = 0;
	for (let index = bytes.indexOf(0); index !== -1; index = bytes.indexOf(0, start)) {
		parts.push(bytes.subarray(start, index));
		start = index + 1;
	}
	return parts;
}

/** The entry of `folder` whose name, decoded as UTF-8, is `name` (the first, if bad bytes make two alike). */
function entryBytes(folder: Buffer, name: string): Buffer | undefined {
	try {
		return readdirSync(folder, { encoding: "buffer" }).find((entry) => entry.toString("utf8") === name);
	} catch {
		return undefined;
	}
}

/**
 * The path to hand to node:fs for `path`: itself when it exists or has no U+FFFD; otherwise each
 * part with U+FFFD in it is matched against its folder's entries read as bytes (argv, the saved
 * last story and the library all arrive as decoded text). A path with no match is returned as it was.
 */
export function fileSystemPath(path: string): string | Buffer {
	if (!path.includes(REPLACEMENT) || existsSync(path)) return path;
	const known = knownBytes.get(path);
	if (known) return known;
	const absolute = isAbsolute(path) ? path : resolve(path);
	let found = Buffer.from(sep);
	for (const part of absolute.split(sep).filter(Boolean)) {
		const bytes = part.includes(REPLACEMENT) ? entryBytes(found, part) : Buffer.from(part);
		if (!bytes) return path;
		found = Buffer.concat([found, found.length > 1 ? Buffer.from(sep) : Buffer.alloc(0), bytes]);
	}
	return found;
}
