// Chooses the notes for the side panel: the ones that belong to the page, else the latest before it.

import type { Page } from "./paginate.js";
import type { Note, Story } from "./story.js";

export interface PanelNotes {
	notes: Note[];
	/** True when the notes belong to this page; false for the most recent earlier note (dimmed). */
	current: boolean;
}

export function notesForPage(story: Story, page: Page): PanelNotes {
	const blocksOnPage = new Set(page.lines.map((line) => line.block));
	const notes = story.notes.filter((note) => {
		if (note.chapter !== page.chapter) return false;
		if (note.kind === "tail") return page.endsChapter;
		if (note.kind === "inline") return blocksOnPage.has(note.block);
		return page.startsChapter;
	});
	if (notes.length > 0) return { notes, current: true };
	const topBlock = page.top.block;
	let latest: Note | undefined;
	for (const note of story.notes) {
		const earlier =
			note.chapter < page.chapter || (note.chapter === page.chapter && note.block < topBlock && note.kind !== "tail");
		if (earlier) latest = note;
	}
	return { notes: latest ? [latest] : [], current: false };
}
