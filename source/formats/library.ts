// Finds the stories in a folder for the library list, and says which files could not be read and why.

import { readdirSync, statSync } from "node:fs";
import { extname, join, sep } from "node:path";
import { sanitizeText } from "../core/sanitize.js";
import { openStory } from "./open-story.js";
import { displayName } from "./raw-path.js";
import { StoryError } from "./story-error.js";

export const STORY_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".epub"]);

export interface LibraryItem {
	/** Opens with openStory (names that are not UTF-8 hold U+FFFD and are found again by their bytes). */
	path: string;
	/** The file's name as one safe row: bad bytes as U+FFFD, a newline as \n, controls as pictures. */
	name: string;
	fingerprint: string;
	title: string;
	author?: string;
	words: number;
}

/** A story file the library could not read: listed at the bottom with the reason. */
export interface UnreadableEntry {
	path: string;
	name: string;
	/** One line, e.g. "not a regular file (a FIFO or device)", "looks like a binary file". */
	reason: string;
}

export interface LibraryScan {
	items: LibraryItem[];
	unreadable: UnreadableEntry[];
}

/** Text for one row: the title or author of a story can hold line ends too. */
const oneRow = (text: string) => sanitizeText(displayName(text));

function readItem(path: string, name: string): LibraryItem {
	const { document, fingerprint } = openStory(path);
	// Only the first piece of a long story is read: its word count is scaled to the file's size.
	const story = document.piece(0);
	const scale = document.pieceCount === 1 ? 1 : document.size / Math.max(1, story.blocks.at(-1)?.end ?? 1);
	const item: LibraryItem = {
		path,
		name,
		fingerprint,
		title: oneRow(story.title),
		words: Math.round(story.wordCount * scale),
	};
	if (story.author) item.author = oneRow(story.author);
	return item;
}

/** Why a story cannot be listed, without the path (the row shows the name). */
function reasonOf(error: unknown, path: string): string {
	const message = error instanceof StoryError ? error.message : `cannot be read (${(error as Error).message})`;
	return oneRow(message.replace(`${path}: `, "").replace(path, "").trim());
}

/** Why a directory entry is not a file to open, or undefined for a regular file. */
function fileKind(path: Buffer): string | undefined {
	const stats = statSync(path);
	if (stats.isFile()) return undefined;
	return stats.isDirectory() ? "a folder, not a story file" : "not a regular file (a FIFO or device)";
}

/**
 * The stories in a folder, and the story files that could not be read. FIFOs, devices and sockets
 * are never opened (one with no writer would block the library): they are listed as unreadable.
 */
export function scanLibraryFolder(directory: string): LibraryScan {
	let names: Buffer[];
	try {
		names = readdirSync(directory, { encoding: "buffer" });
	} catch (error) {
		throw new StoryError(
			`cannot read the folder ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
		);
	}
	const scan: LibraryScan = { items: [], unreadable: [] };
	const decoded = names.map((bytes) => ({ bytes, text: bytes.toString("utf8") }));
	for (const { bytes, text } of decoded.sort((a, b) => Buffer.compare(a.bytes, b.bytes))) {
		if (!STORY_EXTENSIONS.has(extname(text).toLowerCase())) continue;
		const path = join(directory, text);
		const name = oneRow(text);
		try {
			const kind = fileKind(Buffer.concat([Buffer.from(`${directory}${sep}`), bytes]));
			if (kind) scan.unreadable.push({ path, name, reason: kind });
			else scan.items.push(readItem(path, name));
		} catch (error) {
			scan.unreadable.push({ path, name, reason: reasonOf(error, path) });
		}
	}
	return scan;
}

/** The stories only (the list as it was before unreadable entries were reported). */
export function scanLibrary(directory: string): LibraryItem[] {
	return scanLibraryFolder(directory).items;
}
