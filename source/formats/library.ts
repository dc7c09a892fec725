// A folder for the library: listed at once (names and kinds, nothing opened), then each story read
// on its own for its title, author and words, or the reason it cannot be read.

import { readdirSync, statSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { sanitizeText } from "../core/sanitize.js";
import type { Work } from "../core/work.js";
import { openStory } from "./open-story.js";
import { displayName } from "./raw-path.js";
import { StoryError } from "./story-error.js";

export const STORY_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".epub"]);

/** A story as the library shows it, once read. */
export interface LibraryItem {
	/** Opens with openStory (names that are not UTF-8 hold U+FFFD and are found again by their bytes). */
	path: string;
	/** The file's name as one safe row: bad bytes as U+FFFD, a newline as ␊, controls as pictures. */
	name: string;
	fingerprint: string;
	title: string;
	author?: string;
	words: number;
	/** The work the file names (its source, series) and its chapters' prints. */
	work: Work;
}

/** What listing a folder finds: a story file (not read yet), a folder, or a file it will not open. */
export interface FolderEntry {
	path: string;
	name: string;
	kind: "story" | "folder" | "parent";
	/** Why the file will not be opened (a FIFO, a device): listed at the bottom. */
	unreadable?: string;
}

/** What the reader needs of the file system for its library (tests give their own). */
export interface LibraryAccess {
	list(folder: string): FolderEntry[];
	read(path: string): LibraryItem;
}

/** Text for one row: the title or author of a story can hold line ends too. */
const oneRow = (text: string) => sanitizeText(displayName(text));

/** A story file read for the library (only its first piece, for a long one). */
export function readLibraryStory(path: string, name = oneRow(path.slice(path.lastIndexOf(sep) + 1))): LibraryItem {
	const { document, fingerprint, work } = openStory(path);
	// Only the first piece of a long story is read: its word count is scaled to the file's size.
	const story = document.piece(0);
	const scale = document.pieceCount === 1 ? 1 : document.size / Math.max(1, story.blocks.at(-1)?.end ?? 1);
	const item: LibraryItem = {
		path,
		name,
		fingerprint,
		work,
		title: oneRow(story.title),
		words: Math.round(story.wordCount * scale),
	};
	if (story.author) item.author = oneRow(story.author);
	return item;
}

/** Why a story cannot be listed, without the path (the row shows the name). */
export function reasonOf(error: unknown, path: string): string {
	const message = error instanceof StoryError ? error.message : `cannot be read (${(error as Error).message})`;
	return oneRow(message.replace(`${path}: `, "").replace(path, "").trim());
}

/** Why a name the folder lists cannot be looked at (Node's own message names the path as '' here). */
function statReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	// The folder listed the name, so what is missing is a link's target.
	if (code === "ENOENT") return "a link to a file that is not there";
	if (code === "ELOOP") return "a link that leads round in a loop";
	if (code === "EACCES" || code === "EPERM") return "no permission to look at it";
	return `cannot be read (${code ?? (error as Error).message})`;
}

/**
 * The folder's entries, without opening any file: its folders (hidden ones left out), its story
 * files, and `..` above it. FIFOs, devices and sockets are never opened (one with no writer would
 * block the library): they are listed with the reason.
 */
export function listFolder(directory: string): FolderEntry[] {
	const folder = resolve(directory);
	let names: Buffer[];
	try {
		names = readdirSync(folder, { encoding: "buffer" });
	} catch (error) {
		throw new StoryError(
			`cannot read the folder ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
		);
	}
	const entries: FolderEntry[] =
		dirname(folder) === folder ? [] : [{ path: dirname(folder), name: "..", kind: "parent" }];
	for (const bytes of names.sort(Buffer.compare)) {
		const text = bytes.toString("utf8");
		const path = join(folder, text);
		const name = oneRow(text);
		const story = STORY_EXTENSIONS.has(extname(text).toLowerCase());
		if (text.startsWith(".") && !story) continue;
		try {
			const stats = statSync(Buffer.concat([Buffer.from(`${folder}${sep}`), bytes]));
			if (stats.isDirectory()) entries.push({ path, name, kind: "folder" });
			else if (!story) continue;
			else if (stats.isFile()) entries.push({ path, name, kind: "story" });
			else entries.push({ path, name, kind: "story", unreadable: "not a regular file (a FIFO or device)" });
		} catch (error) {
			if (story) entries.push({ path, name, kind: "story", unreadable: statReason(error) });
		}
	}
	return entries;
}

export const folderLibrary: LibraryAccess = { list: listFolder, read: readLibraryStory };
