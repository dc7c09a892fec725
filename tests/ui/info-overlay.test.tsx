import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { infoLines } from "../../source/core/info-lines.js";
import { openStory } from "../../source/formats/open-story.js";
import { InfoOverlay } from "../../source/ui/components/info-overlay.js";

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

describe("the help overlay", () => {
	it("shows whole descriptions at 80 columns, one column, and scrolls under 19 rows", async () => {
		const { HelpOverlay } = await import("../../source/ui/components/help-overlay.js");
		const { helpRows } = await import("../../source/core/reader/overlay-lines.js");
		const { DEFAULT_KEYMAP } = await import("../../source/core/key-bindings.js");
		const rows = helpRows(DEFAULT_KEYMAP);
		const top = render(<HelpOverlay rows={rows} width={80} height={12} />);
		const first = (top.lastFrame() ?? "").split("\n");
		top.unmount();
		expect(first.length).toBeLessThanOrEqual(12);
		expect(first[0]).toContain("j/k scroll");
		expect(first.join("\n")).toContain(rows[0]?.description);
		expect(first.join("\n")).not.toContain(rows.at(-1)?.description);
		const end = render(<HelpOverlay rows={rows} width={80} height={12} scroll={rows.length} />);
		const last = end.lastFrame() ?? "";
		end.unmount();
		expect(last).toContain(rows.at(-1)?.description);
		const shown = last.split("\n").slice(2);
		for (const row of rows.filter((entry) => shown.some((line) => line.trim().startsWith(`${entry.keys} `))))
			expect(last, `the description of ${row.keys} is whole`).toContain(row.description);
	});
});
