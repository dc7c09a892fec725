// Chooses the notes for the side panel: the ones that belong to the page, else the latest before it.

import type { Page } from "./paginate.js";
import type { Note, Story } from "./story.js";

export interface PanelNotes {
	notes: Note[];
	/** True when the notes belong to this page; false for the most recent earlier note (dimmed). */
	current: boolean;
}

/** The last choice made in each story, given again while the pages show the same notes. */
const lastChoice = new WeakMap<Story, PanelNotes>();

/** The same object as the page before when the notes are the same, so the panel need not be drawn again. */
export function notesForPage(story: Story, page: Page): PanelNotes {
	const choice = chooseNotes(story, page);
	const last = lastChoice.get(story);
	const same =
		last?.current === choice.current &&
		last.notes.length === choice.notes.length &&
		last.notes.every((note, index) => note === choice.notes[index]);
	if (same) return last;
	lastChoice.set(story, choice);
	return choice;
}

function chooseNotes(story: Story, page: Page): PanelNotes {
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
