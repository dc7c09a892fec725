import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { openStory } from "../../source/formats/open-story.js";
import { InfoOverlay, infoLines } from "../../source/ui/components/info-overlay.js";

const story = openStory("stories/the-tidewatcher.ao3.html").story;

describe("the story info overlay", () => {
	it("shows the title, author, summary, rating, tags, words, chapters and source", () => {
		const { lastFrame, unmount } = render(<InfoOverlay story={story} width={80} height={40} />);
		const frame = lastFrame() ?? "";
		unmount();
		for (const text of [
			"The Tidewatcher",
			"by saltmarsh_ink",
			"Summary",
			"Wren chalks the tides",
			"Rating: General Audiences",
			"Characters: Wren, M. Hale",
			"Additional Tags: Tides, Letters, Harbours, Found Family",
			`Words: ${story.wordCount}`,
			"Chapters: 3/3",
			"Source: https://archiveofourown.example/works/4815162",
			"Format: AO3 HTML",
		])
			expect(frame).toContain(text);
		expect(frame).not.toContain("While reading the file");
	});

	it("wraps every line to the width and cuts what does not fit", () => {
		for (const width of [20, 40, 73]) {
			for (const line of infoLines(story, width)) expect(stringWidth(line.text)).toBeLessThanOrEqual(width);
		}
		const { lastFrame, unmount } = render(<InfoOverlay story={story} width={40} height={8} />);
		const lines = (lastFrame() ?? "").split("\n");
		unmount();
		expect(lines.length).toBeLessThanOrEqual(8);
		expect(lines.at(-1)?.trim()).toBe("…");
	});

	it("lists the warnings met while reading the file", () => {
		const lines = infoLines({ ...story, warnings: ["skipped OEBPS/ch2.xhtml: invalid block type"] }, 60);
		expect(lines.map((line) => line.text)).toEqual(
			expect.arrayContaining(["While reading the file", "skipped OEBPS/ch2.xhtml: invalid block type"]),
		);
	});
});
