// Reads a story file from disk and turns it into a Story, with clear errors for bad input.

import { openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { buildStory } from "../core/build-story.js";
import { type StoryDocument, wholeDocument } from "../core/document.js";
import { sanitizeKeepingOffsets, sanitizeText } from "../core/sanitize.js";
import type { Story } from "../core/story.js";
import type { StoryMeta, Unit } from "../core/units.js";
import { type Work, workOf } from "../core/work.js";
import { looksBinary, SAMPLE_BYTES } from "./binary.js";
import { decodeAs, decodeBytes } from "./decode.js";
import { detectFormat, type Format, TAIL_BYTES, type TextFormat, textFormat } from "./detect-format.js";
import { EpubError, epubToUnits } from "./epub.js";
import { fanficfareTxtUnits } from "./fanficfare-txt.js";
import { htmlToUnits } from "./html-story.js";
import { markdownToUnits } from "./markdown.js";
import { displayName, fileSystemPath } from "./raw-path.js";
import { readToEndSync } from "./read-to-end.js";
import { spanned } from "./span.js";
import { describeFsError, StoryError } from "./story-error.js";
import { looksLinePerParagraph, textToUnits } from "./text.js";
import { type ByteSource, TextDocument } from "./text-document.js";
import { allBlank, TextEnd } from "./text-end.js";

export { describeFsError, StoryError } from "./story-error.js";

/** The file name a story is titled by when it has no title of its own: one line, however it was named. */
const storyFileName = (path: string) => displayName(basename(path));

export interface OpenedStory {
	/** What the reader reads: windows of the story around the reading position. */
	document: StoryDocument;
	/** The whole story, parsed on first use (for --print, --notes, --json; the reader uses windows). */
	readonly story: Story;
	path: string;
	/** Identifies the story by content, so a renamed or moved file keeps its place. */
	fingerprint: string;
	/** The encoding the bytes were read as. */
	encoding: string;
	/** The work the file names (its source, series) and, for a story read whole, its chapters' prints. */
	work: Work;
}

function opened(document: StoryDocument, path: string, fingerprint: string, encoding: string, work: Work): OpenedStory {
	let whole: Story | undefined;
	return {
		document,
		path,
		fingerprint,
		encoding,
		work,
		get story() {
			whole ??= document.whole();
			return whole;
		},
	};
}

/** Bytes hashed for the fingerprint: enough to tell stories apart, few enough that appending keeps it. */
const FINGERPRINT_BYTES = 16 * 1024;

/**
 * SHA-256 of the first bytes, in hex. Computed with @noble/hashes: loading node:crypto costs about
 * 10 ms of start-up, hashing 16 KiB in JavaScript well under one; the digest is the same.
 */
export function fingerprintOf(bytes: Uint8Array): string {
	return bytesToHex(sha256(bytes.subarray(0, FINGERPRINT_BYTES))).slice(0, 24);
}

function statFile(path: string) {
	try {
		return statSync(fileSystemPath(path));
	} catch (error) {
		throw new StoryError(describeFsError(error, path));
	}
}

/**
 * The length of a regular file's text: a file whose end is blank (a sparse file of text then NULs)
 * is read from the start until a megabyte of no text, and ends there.
 */
function textLength(source: ByteSource, path: string): number {
	if (source.size <= SAMPLE_BYTES || !allBlank(source.read(source.size - SAMPLE_BYTES, source.size)))
		return source.size;
	const textEnd = new TextEnd();
	for (let from = 0; from < source.size; from += SAMPLE_BYTES) {
		if (textEnd.feed(source.read(from, Math.min(source.size, from + SAMPLE_BYTES)))) break;
	}
	if (textEnd.end === 0) throw new StoryError(`${path} has no text, only blank lines`);
	return textEnd.end;
}

/** A regular file read by range: only the pieces the screen needs are ever read. */
function fileSource(path: string, size: number): ByteSource {
	let fd: number;
	try {
		fd = openSync(fileSystemPath(path), "r");
	} catch (error) {
		throw new StoryError(describeFsError(error, path));
	}
	// One buffer for every read: the bytes are decoded at once, and counting a 50 MB story would
	// otherwise leave hundreds of piece-sized buffers for the garbage collector (peak memory).
	let shared = Buffer.allocUnsafe(256 * 1024);
	return {
		size,
		read(from, to) {
			const length = Math.max(0, to - from);
			if (length > shared.length) shared = Buffer.allocUnsafe(length);
			// A file that shrank while open reads short; the missing end is simply not there.
			const count = length > 0 ? readSync(fd, shared, 0, length, from) : 0;
			return shared.subarray(0, count);
		},
	};
}

function memorySource(bytes: Uint8Array): ByteSource {
	return { size: bytes.length, read: (from, to) => bytes.subarray(from, to) };
}

/** Decoded text → units, choosing the format by file name and content unless it is known. */
export function storyUnits(
	text: string,
	fileName: string,
	options: OpenOptions = {},
	known?: TextFormat,
): { units: Unit[]; meta: StoryMeta; length: number } {
	const format = known ?? textFormat(text, fileName);
	if (format === "html") return spanned(htmlToUnits(text));
	if (format === "fanficfare-txt") return spanned(fanficfareTxtUnits(text));
	if (format === "markdown") return { ...markdownToUnits(text), length: text.length };
	return { units: textToUnits(text, undefined, options.chapters), meta: {}, length: text.length };
}

/** Turn decoded text into a Story, choosing the format by file name and content unless it is known. */
export function parseStory(
	decoded: string,
	fileName: string,
	options: OpenOptions = {},
	known?: TextFormat,
): { story: Story; text: string } {
	const text = sanitizeText(decoded);
	const { units, meta, length } = storyUnits(text, fileName, options, known);
	return { story: buildStory(units, meta, storyFileName(fileName), length), text };
}

/** An EPUB is read from its bytes; offsets run over its chapter files one after another. */
function epubStory(bytes: Uint8Array, path: string): OpenedStory {
	let parsed: ReturnType<typeof epubToUnits> & { length: number };
	try {
		parsed = spanned(epubToUnits(bytes));
	} catch (error) {
		if (error instanceof EpubError) throw new StoryError(`${path}: ${error.message}`);
		throw error;
	}
	if (!parsed.units.some((unit) => unit.kind === "paragraph" && unit.noteKind === undefined)) {
		const why = parsed.meta.warnings?.[0];
		throw new StoryError(`${path} has no story text${why ? ` (${why})` : ""}`);
	}
	const story = buildStory(parsed.units, parsed.meta, storyFileName(path), parsed.length);
	return opened(wholeDocument(story), path, fingerprintOf(bytes), "epub", workOf(story.info, story));
}

export interface OpenOptions {
	/** Decode with this encoding instead of detecting one (--encoding). */
	encoding?: string;
	/** Lines matching this start chapters in a plain-text story (--chapters), besides the usual headings. */
	chapters?: RegExp;
}

/** Single-byte encodings: one byte is one character, so a file can be cut anywhere. */
const SINGLE_BYTE = /^(?:windows-125\d|iso-?8859-\d+|cp\d{3,4}|koi8-?[ru]|latin\d|mac\w*|ascii)$/i;

/**
 * A plain-text story as a TextDocument: the encoding, binary check, title and paragraph style are
 * decided from the first 64 KiB; the rest is read only when a window or the page counter needs it.
 */
function textDocument(
	source: ByteSource,
	path: string,
	options: OpenOptions,
	sample = source.read(0, Math.min(source.size, SAMPLE_BYTES)),
): OpenedStory {
	const fingerprint = fingerprintOf(sample);
	let encoding = options.encoding ?? decodeBytes(sample).encoding;
	if (!encoding.startsWith("utf-16") && looksBinary(sample)) {
		throw new StoryError(`${path} looks like a binary file, not a story`);
	}
	let bytes = source;
	if (encoding !== "utf-8" && !SINGLE_BYTE.test(encoding)) {
		// UTF-16 and multi-byte legacy encodings: decode once, then read the text as UTF-8.
		bytes = memorySource(Buffer.from(decodeAs(source.read(0, source.size), encoding).text, "utf8"));
		encoding = `${encoding} (read as UTF-8)`;
	}
	const utf8 = bytes !== source || encoding === "utf-8";
	const decode = utf8
		? (chunk: Uint8Array) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("utf8")
		: (chunk: Uint8Array) => decodeAs(chunk, encoding).text;
	const head = decode(bytes === source ? sample : bytes.read(0, Math.min(bytes.size, SAMPLE_BYTES)));
	if (head.trim() === "" && (bytes.size <= SAMPLE_BYTES || decode(bytes.read(0, bytes.size)).trim() === "")) {
		throw new StoryError(`${path} has no text, only blank lines`);
	}
	const headStory = buildStory(
		textToUnits(sanitizeKeepingOffsets(head.slice(0, head.lastIndexOf("\n\n") + 1 || head.length))),
		{},
		storyFileName(path),
		bytes.size,
	);
	const meta: StoryMeta = { title: headStory.title };
	if (headStory.author) meta.author = headStory.author;
	if (headStory.summary) meta.summary = headStory.summary;
	const document = new TextDocument({
		source: bytes,
		decode,
		utf8,
		fileName: storyFileName(path),
		meta,
		perLine: looksLinePerParagraph(head),
		...(options.chapters ? { chapters: options.chapters } : {}),
	});
	return opened(document, path, fingerprint, encoding, workOf(headStory.info));
}

/** Turn a story file's bytes into an OpenedStory; `path` names it (and picks the format, unless it is known). */
export function storyFromBytes(
	bytes: Uint8Array,
	path: string,
	options: OpenOptions = {},
	known?: Format,
): OpenedStory {
	if (bytes.length === 0) throw new StoryError(`${path} is empty`);
	const format = known ?? detectFormat(path, bytes.subarray(0, SAMPLE_BYTES), bytes.subarray(-TAIL_BYTES));
	if (format === "epub") return epubStory(bytes, path);
	if (format === "text") return textDocument(memorySource(bytes), path, options);
	const decoded = options.encoding ? decodeAs(bytes, options.encoding) : decodeBytes(bytes);
	if (looksBinary(bytes)) throw new StoryError(`${path} looks like a binary file, not a story`);
	if (decoded.text.trim() === "") throw new StoryError(`${path} has no text, only blank lines`);
	const { story } = parseStory(decoded.text, path, options, format);
	return opened(wholeDocument(story), path, fingerprintOf(bytes), decoded.encoding, workOf(story.info, story));
}

export function openStory(path: string, options: OpenOptions = {}): OpenedStory {
	const stats = statFile(path);
	if (stats.isDirectory()) throw new StoryError(`${path} is a directory, not a story file`);
	// FIFOs, /dev/stdin and other non-files cannot be read by range: read them whole.
	if (!stats.isFile()) return storyFromBytes(readToEndSync(path), path, options);
	if (stats.size === 0) throw new StoryError(`${path} is empty`);
	const whole = fileSource(path, stats.size);
	const size = textLength(whole, path);
	const source = { size, read: (from: number, to: number) => whole.read(from, Math.min(to, size)) };
	// The head is read once, and copied (reads share a buffer): the format, encoding and title come from it.
	const head = Buffer.from(source.read(0, Math.min(size, SAMPLE_BYTES)));
	const tail =
		size <= head.length ? head.subarray(Math.max(0, size - TAIL_BYTES)) : source.read(size - TAIL_BYTES, size);
	const format = detectFormat(path, head, tail);
	// Only plain text is read in pieces; the other formats are parsed whole.
	if (format !== "text")
		return storyFromBytes(size <= head.length ? head : Buffer.from(source.read(0, size)), path, options, format);
	return textDocument(source, path, options, head);
}
