import { describe, expect, it } from "vitest";
import { StoryError } from "../../source/formats/open-story.js";
import { brokenChapterEpub, fichubEpub, genericEpub3, windowsEpub, xhtml, zip } from "./fixtures.js";
import { chapterTitles, expectWellFormed, openFixture, storyText } from "./open-fixture.js";

describe("FicHub EPUB", () => {
	const story = openFixture(fichubEpub(), "lamplight.epub");

	it("reads the introduction as the story's info, not as a chapter", () => {
		expect(story.info?.format).toBe("FicHub EPUB");
		expect(story.title).toBe("Lamplight");
		expect(story.author).toBe("wickwright");
		expect(story.summary).toBe("A lamplighter, a moth season, and not enough glass.");
		expect(story.info?.sourceUrl).toBe("https://example.net/s/31337");
		expect(story.info?.stats).toMatchObject({ Status: "complete", Words: "29" });
		expect(storyText(story)).not.toMatch(/Exported with|Introduction|By: wickwright/);
	});

	it("takes chapter titles from the nav and leaves the nav page out", () => {
		expect(chapterTitles(story)).toEqual(["Moth Season", "Glass"]);
		expect(story.notes).toEqual([]);
		expectWellFormed(story);
	});
});

describe("a plain EPUB 3", () => {
	const story = openFixture(genericEpub3(), "bees.epub");

	it("follows the spine, with nav titles (also ones that point inside a file)", () => {
		expect(story.info?.format).toBe("EPUB");
		expect(story.title).toBe("Telling the Bees");
		expect(story.author).toBe("honeywort");
		expect(chapterTitles(story)).toEqual(["The Keeper of Bees", "The Swarm", "The Hive in the Wall"]);
		expectWellFormed(story);
	});

	it("reads <hr> as a scene break and keeps emphasis as ranges", () => {
		expect(story.blocks.map((block) => block.kind)).toContain("scene-break");
		const told = story.blocks.find((block) => block.text.includes("told them"));
		const [from, to] = told?.emphasis?.[0] ?? [0, 0];
		expect(told?.text.slice(from, to)).toBe("everything");
	});
});

describe("a forgiving EPUB reader", () => {
	it("skips a damaged chapter and a missing one, says so, and reads the rest", () => {
		const story = openFixture(brokenChapterEpub(), "ferry.epub");
		expect(chapterTitles(story)).toEqual(["Chapter 1", "Chapter 3"]);
		expect(story.warnings).toEqual([
			expect.stringMatching(/^skipped OEBPS\/ch2\.xhtml: /),
			"skipped OEBPS/ch4.xhtml: it is not in the archive",
		]);
		for (const warning of story.warnings ?? []) expect(warning).not.toContain("\n");
	});

	it("reads Windows backslash paths and finds the package without container.xml", () => {
		const story = openFixture(windowsEpub(), "ferry.epub");
		expect(chapterTitles(story)).toEqual(["Chapter 1", "Chapter 2", "Chapter 3"]);
		expect(story.warnings).toEqual(["no META-INF/container.xml; read OEBPS/content.opf"]);
	});

	it("reads the HTML files in name order when there is no package file at all", () => {
		const page = (n: number) => xhtml(`<h1>Part ${n}</h1><p>The ferry crossed for the ${n} time.</p>`);
		const story = openFixture(
			zip([
				["b/part10.xhtml", page(10)],
				["b/part2.xhtml", page(2)],
				["b/part1.xhtml", page(1)],
			]),
			"no-package.epub",
		);
		expect(chapterTitles(story)).toEqual(["Part 1", "Part 2", "Part 10"]);
		expect(story.warnings?.[0]).toMatch(/no package file/);
	});

	it("leaves out spine items marked linear=no", () => {
		const story = openFixture(
			zip([
				["META-INF/container.xml", '<container><rootfiles><rootfile full-path="p.opf"/></rootfiles></container>'],
				[
					"p.opf",
					`<package><metadata><dc:title xmlns:dc="x">Linear</dc:title></metadata><manifest><item id="c" href="cover.xhtml" media-type="application/xhtml+xml"/><item id="o" href="one.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c" linear="no"/><itemref idref="o"/></spine></package>`,
				],
				["cover.xhtml", xhtml("<p>COVER TEXT</p>")],
				["one.xhtml", xhtml("<p>The story.</p>")],
			]),
			"linear.epub",
		);
		expect(storyText(story)).toBe("The story.");
		expect(story.title).toBe("Linear");
	});

	it("turns a file that is not a zip, or has no story in it, into one clear error", () => {
		expect(() => openFixture("plain words, not a zip", "fake.epub")).toThrow(StoryError);
		expect(() => openFixture("plain words, not a zip", "fake.epub")).toThrow(/not a readable EPUB/);
		const empty = zip([["OEBPS/a.xhtml", xhtml("")]]);
		expect(() => openFixture(empty, "empty.epub")).toThrow(/has no story text/);
	});

	it("reads an EPUB by its bytes whatever its name", () => {
		const story = openFixture(windowsEpub(), "download.bin");
		expect(story.title).toBe("The Night Ferry");
	});
});
