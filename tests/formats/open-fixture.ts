// Opens fixture bytes as fic does, and small checks every structured format's story must pass.

import { expect } from "vitest";
import type { Story } from "../../source/core/story.js";
import { storyFromBytes } from "../../source/formats/open-story.js";

export function openFixture(content: string | Uint8Array, name: string): Story {
	const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
	return storyFromBytes(bytes, name).story;
}

export function storyText(story: Story): string {
	return story.blocks.map((block) => block.text).join("\n");
}

export function chapterTitles(story: Story): string[] {
	return story.chapters.map((chapter) => chapter.title);
}

/** The structural notes as [kind, label, chapter] rows. */
export function structuralNotes(story: Story): Array<[string, string, number]> {
	return story.notes.filter((note) => note.confidence === 1).map((note) => [note.kind, note.label, note.chapter]);
}

/** Offsets only go forward, every note's text is out of the story, and the summary is not a note. */
export function expectWellFormed(story: Story): void {
	for (let index = 1; index < story.blocks.length; index++) {
		const [before, block] = [story.blocks[index - 1], story.blocks[index]];
		expect(block?.start).toBeGreaterThanOrEqual(before?.start ?? 0);
		expect(block?.end).toBeGreaterThanOrEqual(block?.start ?? 0);
	}
	for (const block of story.blocks) expect(block.end).toBeLessThanOrEqual(story.sourceLength);
	const text = storyText(story);
	for (const note of story.notes) {
		const body = note.text.split("\n\n")[0] as string;
		expect(text).not.toContain(body);
	}
	if (story.summary) expect(story.notes.map((note) => note.text)).not.toContain(story.summary);
}
