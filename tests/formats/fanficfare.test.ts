import { describe, expect, it } from "vitest";
import { fanficfareTxtUnits } from "../../source/formats/fanficfare-txt.js";
import { fanficfareEpub, fanficfareHtml, fanficfareTxt } from "./fixtures.js";
import { chapterTitles, expectWellFormed, openFixture, storyText, structuralNotes } from "./open-fixture.js";

describe.each([
	["FanFicFare EPUB", () => openFixture(fanficfareEpub(), "dusk-bridge.epub")],
	["FanFicFare HTML", () => openFixture(fanficfareHtml(), "dusk-bridge.html")],
	["FanFicFare TXT", () => openFixture(fanficfareTxt(), "dusk-bridge.txt")],
])("%s", (format, open) => {
	const story = open();

	it("has the title page's title, author, summary and facts", () => {
		expect(story.info?.format).toBe(format);
		expect(story.title).toBe("The Dusk Bridge");
		expect(story.author).toBe("quillmoth");
		expect(story.summary).toBe("Two couriers, one lost parcel and a bridge that only opens at dusk.");
		expect(story.info?.rating).toBe("Teen And Up Audiences");
		expect(story.info?.tags).toMatchObject({ Genre: ["Adventure", "Friendship"], Characters: ["Tamsin", "Orrin"] });
		expect(story.info?.stats).toMatchObject({ Status: "Completed", Words: "264" });
		if (format !== "FanFicFare TXT") expect(story.info?.sourceUrl).toBe("https://example.org/s/4242/1/The-Dusk-Bridge");
	});

	it("starts chapters at the chapter titles, never at the contents page", () => {
		expect(chapterTitles(story)).toEqual(["Chapter 1: The Parcel", "Chapter 2: The Dusk Bridge"]);
		expect(storyText(story)).not.toMatch(/Table of Contents|TABLE OF CONTENTS|Category:|End file/);
	});

	it("reads each bold label and its blockquote as one note, before or after the chapter", () => {
		expect(structuralNotes(story)).toEqual([
			["head", "Author's Note", 0],
			["head", "Summary for the Chapter", 0],
			["tail", "Notes for the Chapter", 0],
			["tail", "Chapter End Notes", 1],
		]);
		expect(story.notes[0]?.text).toBe("First fic in years, be gentle!\n\nUpdates on Sundays.");
		expectWellFormed(story);
	});

	it("keeps the story's own blockquote, breaks and emphasis", () => {
		const quote = story.blocks.find((block) => block.quote);
		expect(quote?.text).toBe("TO BE OPENED BY THE BEARER OF THE KEY, AT DUSK, AND NOT BEFORE.");
		expect(story.blocks.filter((block) => block.kind === "scene-break")).toHaveLength(1);
		const key = story.blocks.find((block) => block.text.startsWith("The second was opening it."));
		const [from, to] = key?.emphasis?.[0] ?? [0, 0];
		expect(key?.text.slice(from, to)).toBe("warm");
	});
});

describe("FanFicFare TXT", () => {
	const source = fanficfareTxt();

	it("is CRLF text hard-wrapped at 78 columns", () => {
		expect(source).toContain("\r\n");
		for (const line of source.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
	});

	it("joins hard-wrapped lines back into paragraphs", () => {
		const story = openFixture(source, "dusk-bridge.txt");
		const first = story.blocks.find((block) => block.text.startsWith("Tamsin signed"));
		expect(first?.text).toBe(
			"Tamsin signed for the parcel before she read the address, which was her first mistake of the week. It was a long week, and it would get longer before it got better.",
		);
	});

	it("is read as plain text when it does not start like FanFicFare's layout", () => {
		const story = openFixture("Just a note\n\nby me\n\nSome text here.\n", "plain.txt");
		expect(story.info).toBeUndefined();
	});

	it("takes a tab-indented line as a chapter only when it is in the contents", () => {
		const text = fanficfareTxt()
			.replace(/\r\n/g, "\n")
			.replace("Orrin looked at the key", "\tAn indented story line.\n\nOrrin looked at the key");
		const { units } = fanficfareTxtUnits(text);
		expect(units.filter((unit) => unit.kind === "heading").map((unit) => unit.text)).toEqual([
			"Chapter 1: The Parcel",
			"Chapter 2: The Dusk Bridge",
		]);
	});

	it("reads a one-chapter file without a contents page, ended by End file.", () => {
		const text = [
			"",
			"Short Thing",
			"",
			"by someone",
			"",
			"Rating: K",
			"",
			"\tShort Thing",
			"",
			"**Author's Note:**",
			"",
			"> Hi.",
			"",
			"Only a paragraph.",
			"",
			"End file.",
			"",
		].join("\r\n");
		const story = openFixture(text, "short.txt");
		expect(story.info?.format).toBe("FanFicFare TXT");
		expect(chapterTitles(story)).toEqual(["Short Thing"]);
		expect(structuralNotes(story)).toEqual([["head", "Author's Note", 0]]);
		expect(storyText(story)).toBe("Short Thing\nOnly a paragraph.");
	});
});
