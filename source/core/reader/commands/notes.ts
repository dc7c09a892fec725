// How the notes are shown (v): beside the page, in the text, or hidden, cycled and kept with the story's place.

import type { CommandId } from "../../keymap.js";
import { documentShowing } from "../../notes-view.js";
import { reachChapterAt, reachPlace } from "../../places.js";
import { NOTES_MODES, type NotesMode } from "../../preferences.js";
import { placeOf } from "../../resume.js";
import {
	anchorOf,
	cleared,
	contextOf,
	type Handler,
	notesModeOf,
	pageOf,
	readKeyOf,
	windowOf,
	withReading,
} from "../reading.js";
import type { OpenedDocument } from "../state.js";

const SAID: Record<NotesMode, string> = {
	panel: "Notes beside the page",
	inline: "Notes in the text",
	hidden: "Notes hidden (A still lists them)",
};

/**
 * The opened story showing `mode`'s document. Its own fields are copied one by one: what
 * formats/open-story.ts returns also has a getter of the whole story, which a spread would call,
 * parsing every piece of a 50 MB story before the first screen.
 */
export function openedShowing(given: OpenedDocument, mode: NotesMode): OpenedDocument {
	const opened: OpenedDocument = {
		document: documentShowing(given.document, mode),
		path: given.path,
		fingerprint: given.fingerprint,
	};
	if (given.work) opened.work = given.work;
	return opened;
}

/** v: the next way of showing the notes, for this story; the page keeps its place in the text. */
const cycleNotes: Handler = (state) => {
	const mode = NOTES_MODES[(NOTES_MODES.indexOf(notesModeOf(state)) + 1) % NOTES_MODES.length] as NotesMode;
	const { view } = contextOf(state);
	const key = readKeyOf(state, "notes.cycle");
	return withReading(state, (reading) => {
		const opened = openedShowing(reading.opened, mode);
		const { document } = opened;
		const { search: _search, notes: _notes, ...rest } = cleared(reading);
		// The place itself, not the top of its line: as after a resize, the same passage stays on top.
		// On a chapter's first page, the new page starts the chapter too, with its head notes if shown.
		const page = pageOf(reading, view);
		const chapter = windowOf(reading).story.chapters[page.chapter];
		const position =
			page.startsChapter && chapter
				? reachChapterAt(document, chapter.start)
				: reachPlace(document, placeOf(windowOf(reading).story, anchorOf(reading)));
		return {
			...rest,
			opened,
			position,
			notesMode: mode,
			panelScroll: 0,
			moved: true,
			message: `${SAID[mode]}${key ? ` (${key}: beside, in the text, hidden)` : ""}`,
		};
	});
};

export const NOTES_COMMANDS = { "notes.cycle": cycleNotes } satisfies Partial<Record<CommandId, Handler>>;
