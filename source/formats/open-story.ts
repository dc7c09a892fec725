// Reads a story file from disk and turns it into a Story, with clear errors for bad input.

import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { buildStory } from "../core/build-story.js";
import { sanitizeText } from "../core/sanitize.js";
import type { Story } from "../core/story.js";
import { decodeAs, decodeBytes } from "./decode.js";
import { markdownToUnits } from "./markdown.js";
import { textToUnits } from "./text.js";

/** An error meant for the user: one line, no stack trace. */
export class StoryError extends Error {}

export interface OpenedStory {
	story: Story;
	path: string;
	/** Identifies the story by content, so a renamed or moved file keeps its place. */
	fingerprint: string;
	/** The sanitised source text, for snippets and search. */
	text: string;
	/** The encoding the bytes were read as. */
	encoding: string;
}

/** Bytes hashed for the fingerprint: enough to tell stories apart, few enough that appending keeps it. */
const FINGERPRINT_BYTES = 16 * 1024;

export function fingerprintOf(bytes: Uint8Array): string {
	return createHash("sha256").update(bytes.subarray(0, FINGERPRINT_BYTES)).digest("hex").slice(0, 24);
}

/** A file is binary when NUL bytes are more than a stray one: over 1% of the first 8 KiB, or many. */
export function looksBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 8192);
	let nuls = 0;
	for (const byte of sample) if (byte === 0) nuls++;
	return nuls > Math.max(2, sample.length / 100);
}

function readBytes(path: string): Uint8Array {
	let stats: ReturnType<typeof statSync>;
	try {
		stats = statSync(path);
	} catch (error) {
		throw new StoryError(describeFsError(error, path));
	}
	if (stats.isDirectory()) throw new StoryError(`${path} is a directory, not a story file`);
	try {
		return readFileSync(path);
	} catch (error) {
		throw new StoryError(describeFsError(error, path));
	}
}

export function describeFsError(error: unknown, path: string): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === "ENOENT") return `no such file: ${path}`;
	if (code === "EACCES" || code === "EPERM") return `permission denied: ${path}`;
	if (code === "EISDIR") return `${path} is a directory, not a story file`;
	if (code === "ELOOP") return `too many symbolic links: ${path}`;
	return `cannot read ${path}: ${(error as Error).message}`;
}

/** Turn decoded text into a Story, choosing the format by file name. */
export function parseStory(decoded: string, fileName: string): { story: Story; text: string } {
	const text = sanitizeText(decoded);
	const extension = extname(fileName).toLowerCase();
	if (extension === ".md" || extension === ".markdown") {
		const { units, meta } = markdownToUnits(text);
		return {
			story: buildStory(units, meta, basename(fileName), text.length),
			text,
		};
	}
	return {
		story: buildStory(textToUnits(text), {}, basename(fileName), text.length),
		text,
	};
}

export interface OpenOptions {
	/** Decode with this encoding instead of detecting one (--encoding). */
	encoding?: string;
}

/** Turn a story file's bytes into an OpenedStory; `path` names it (and picks the format). */
export function storyFromBytes(bytes: Uint8Array, path: string, options: OpenOptions = {}): OpenedStory {
	if (bytes.length === 0) throw new StoryError(`${path} is empty`);
	const decoded = options.encoding ? decodeAs(bytes, options.encoding) : decodeBytes(bytes);
	// UTF-16 is full of NUL bytes by design: only other files are checked for being binary.
	if (!decoded.encoding.startsWith("utf-16") && looksBinary(bytes)) {
		throw new StoryError(`${path} looks like a binary file, not a story`);
	}
	if (decoded.text.trim() === "") throw new StoryError(`${path} has no text, only blank lines`);
	const { story, text } = parseStory(decoded.text, path);
	return { story, path, fingerprint: fingerprintOf(bytes), text, encoding: decoded.encoding };
}

export function openStory(path: string, options: OpenOptions = {}): OpenedStory {
	return storyFromBytes(readBytes(path), path, options);
}
