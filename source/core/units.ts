// The format-neutral input of story building: paragraphs, headings and breaks with source offsets.

import type { NoteKind, StoryInfo } from "./story.js";

export interface Unit {
	kind: "paragraph" | "heading" | "scene-break";
	text: string;
	start: number;
	end: number;
	emphasis?: Array<[number, number]>;
	quote?: boolean;
	/** Set by structured formats: this unit is a note with this label (confidence 1). */
	noteLabel?: string;
	/** Set by structured formats with noteLabel: where the structure puts the note. */
	noteKind?: NoteKind;
	/** A heading line inside a chapter (the author restating its title): it never starts a chapter. */
	inChapter?: boolean;
}

export interface StoryMeta {
	title?: string;
	author?: string;
	summary?: string;
	info?: StoryInfo;
	/** One-line problems met while reading the file (a chapter skipped), for the reader to show. */
	warnings?: string[];
	/** Notes known from the format's metadata (front matter), placed at the story's head. */
	headNotes?: Array<{
		label: string;
		text: string;
		start: number;
		end: number;
	}>;
}
