// The story-info screen's lines: title, author, summary, rating, tags, words, chapters, source, format, warnings.

import { wrapWithOffsets } from "./layout.js";
import type { Story } from "./story.js";

export interface InfoLine {
	text: string;
	kind: "title" | "label" | "body" | "warning" | "gap";
}

/** The info screen's lines at an inner width: labelled sections, long values wrapped. */
export function infoLines(story: Story, width: number): InfoLine[] {
	const lines: InfoLine[] = [];
	const wrap = (text: string, kind: InfoLine["kind"]) => {
		for (const piece of wrapWithOffsets(text, Math.max(1, width))) lines.push({ text: piece.text, kind });
	};
	const field = (label: string, value: string | undefined) => {
		if (value) wrap(`${label}: ${value}`, "body");
	};
	wrap(story.title, "title");
	if (story.author) wrap(`by ${story.author}`, "body");
	if (story.summary) {
		lines.push({ text: "", kind: "gap" }, { text: "Summary", kind: "label" });
		story.summary.split(/\n+/).forEach((paragraph, index) => {
			if (index > 0) lines.push({ text: "", kind: "gap" });
			wrap(paragraph, "body");
		});
	}
	const info = story.info ?? {};
	lines.push({ text: "", kind: "gap" });
	field("Rating", info.rating);
	for (const [group, tags] of Object.entries(info.tags ?? {})) field(group, tags.join(", "));
	const stats = info.stats ?? {};
	field("Words", story.wordCount.toLocaleString("en"));
	field("Chapters", stats.Chapters ?? String(story.chapters.length));
	for (const [label, value] of Object.entries(stats))
		if (label !== "Words" && label !== "Chapters") field(label, value);
	field("Source", info.sourceUrl);
	field("Format", info.format);
	if (story.warnings?.length) {
		lines.push({ text: "", kind: "gap" }, { text: "While reading the file", kind: "label" });
		for (const warning of story.warnings) wrap(warning, "warning");
	}
	return lines;
}
