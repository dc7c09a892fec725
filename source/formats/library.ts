// Finds the stories in a folder for the library list.

import { readdirSync } from "node:fs";
import { extname, join } from "node:path";
import { openStory, StoryError } from "./open-story.js";

export const STORY_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".epub"]);

export interface LibraryItem {
	path: string;
	fingerprint: string;
	title: string;
	author?: string;
	words: number;
}

export function scanLibrary(directory: string): LibraryItem[] {
	let names: string[];
	try {
		names = readdirSync(directory);
	} catch (error) {
		throw new StoryError(
			`cannot read the folder ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
		);
	}
	const items: LibraryItem[] = [];
	for (const name of names.sort()) {
		if (!STORY_EXTENSIONS.has(extname(name).toLowerCase())) continue;
		const path = join(directory, name);
		try {
			const { document, fingerprint } = openStory(path);
			// Only the first piece of a long story is read: its word count is scaled to the file's size.
			const story = document.piece(0);
			const scale = document.pieceCount === 1 ? 1 : document.size / Math.max(1, story.blocks.at(-1)?.end ?? 1);
			const item: LibraryItem = {
				path,
				fingerprint,
				title: story.title,
				words: Math.round(story.wordCount * scale),
			};
			if (story.author) item.author = story.author;
			items.push(item);
		} catch {
			// An unreadable or empty file is left out of the list; opening it directly says why.
		}
	}
	return items;
}
