// Plain output for --print, --notes and --json: the story wrapped, the notes listed, the model as JSON.

import { layoutBlock } from "./layout.js";
import type { Story } from "./story.js";

/** The story text wrapped to `width`, notes left out, a blank line between chapters. */
export function printStory(story: Story, width: number): string {
	const out: string[] = [];
	story.chapters.forEach((chapter, index) => {
		if (index > 0) out.push("");
		for (let block = chapter.firstBlock; block < chapter.endBlock; block++) {
			for (const line of layoutBlock(story, block, width)) out.push(line.text.trimEnd());
		}
		while (out.at(-1) === "") out.pop();
	});
	return `${out.join("\n")}\n`;
}

function notePercent(story: Story, start: number): string {
	return story.sourceLength > 0 ? `${Math.floor((start / story.sourceLength) * 100)}%` : "0%";
}

/** Every author's note with its kind, label, chapter and position. */
export function printNotes(story: Story): string {
	if (story.notes.length === 0) return "No author's notes found.\n";
	return `${story.notes
		.map((note) => {
			const chapter = story.chapters[note.chapter]?.title ?? "";
			const text = note.text
				.split("\n")
				.map((line) => `    ${line}`)
				.join("\n");
			return `[${note.kind}] ${note.label} · ${chapter} · ${notePercent(story, note.start)}\n${text}`;
		})
		.join("\n\n")}\n`;
}

/** The parsed story as a JSON-ready object. */
export function storyJson(story: Story): object {
	return {
		title: story.title,
		author: story.author ?? null,
		summary: story.summary ?? null,
		info: story.info ?? null,
		warnings: story.warnings ?? [],
		wordCount: story.wordCount,
		chapters: story.chapters.map((chapter) => ({
			title: chapter.title,
			start: chapter.start,
		})),
		notes: story.notes.map((note) => ({
			kind: note.kind,
			label: note.label,
			confidence: note.confidence,
			chapter: note.chapter,
			start: note.start,
			end: note.end,
			text: note.text,
		})),
		text: story.blocks.map((block) => block.text).join("\n\n"),
	};
}
