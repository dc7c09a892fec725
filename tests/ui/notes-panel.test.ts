import { describe, expect, it } from "vitest";
import { textWidth } from "../../source/core/text-width.js";
import { parseStory } from "../../source/formats/open-story.js";
import { panelLines } from "../../source/ui/components/notes-panel.js";

const story = (heading: string) =>
	parseStory(`${heading}\n\nA/N: Thank you all for reading this far.\n\nThe ferry came at dawn.`, "ferry.txt").story;

describe("the notes panel's labels", () => {
	it("cuts an earlier note's long chapter title with an ellipsis that shows it goes on", () => {
		const told = story("Chapter 1: The Lighthouse Radio and the Long Winter");
		const [label] = panelLines(told, told.notes, 29, false);
		expect(label?.text).toBe("From Chapter 1: The Lighthou…");
		expect(textWidth(label?.text ?? "")).toBeLessThanOrEqual(29);
	});

	it("keeps a CJK chapter title within the panel's cells", () => {
		const told = story("Chapter 1: 雪の手紙とおじいさんの長い冬の夜の話");
		const [label] = panelLines(told, told.notes, 20, false);
		expect(textWidth(label?.text ?? "")).toBeLessThanOrEqual(20);
		expect(label?.text).toMatch(/^From Chapter 1: 雪.*…$/);
	});
});
