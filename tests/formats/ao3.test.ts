import { describe, expect, it } from "vitest";
import { htmlToUnits } from "../../source/formats/html-story.js";
import { ao3CalibreEpub, ao3Html, ao3OneShotHtml } from "./fixtures.js";
import { chapterTitles, expectWellFormed, openFixture, storyText, structuralNotes } from "./open-fixture.js";

const CHAPTERS = ["Chapter 1: Low Water", "Chapter 2: The Mill Herons", "Chapter 3: High Water"];
const STRUCTURE: Array<[string, string, number]> = [
	["head", "Notes", 0],
	["head", "Chapter Summary", 0],
	["head", "Chapter Notes", 0],
	["tail", "Chapter End Notes", 0],
	["head", "Chapter Notes", 2],
	["tail", "End Notes", 2],
];

describe.each([
	["AO3 HTML", () => openFixture(ao3Html(), "weir-keeper.html")],
	["AO3 EPUB", () => openFixture(ao3CalibreEpub(), "weir-keeper.epub")],
])("%s", (format, open) => {
	const story = open();

	it("has the work's title, author and chapters", () => {
		expect(story.title).toBe("The Weir Keeper");
		expect(story.author).toBe("fernwhistle");
		expect(chapterTitles(story)).toEqual(CHAPTERS);
		expect(story.info?.format).toBe(format);
	});

	it("puts every note where the structure says, with confidence 1", () => {
		expect(structuralNotes(story)).toEqual(STRUCTURE);
		const text = (label: string) => story.notes.find((note) => note.label === label)?.text;
		expect(text("Notes")).toBe("For the river swap. Written in a week, beta'd by a kind stranger.");
		expect(text("Chapter End Notes")).toBe("The weir in this story is made up, but the eel counts are not.");
		expect(text("End Notes")).toMatch(/^Thanks for reading!/);
		expectWellFormed(story);
	});

	it("keeps the summary as the work's summary, not a note", () => {
		expect(story.summary).toBe(
			"Ada keeps the weir and its ledger. Somebody upstream keeps writing to her.\n\n(A quiet river story.)",
		);
		expect(story.notes.some((note) => note.text.includes("Ada keeps the weir"))).toBe(false);
	});

	it("finds an A/N the author pasted into the chapter text, by the plain-text rules", () => {
		const note = story.notes.find((candidate) => candidate.label === "A/N");
		expect(note).toMatchObject({ kind: "head", chapter: 1 });
		expect(note?.confidence).toBeLessThan(1);
		expect(storyText(story)).not.toContain("Cross-posting");
	});

	it("keeps a letter in a blockquote as story, indented", () => {
		const letter = story.blocks.filter((block) => block.quote);
		expect(letter.map((block) => block.text)).toEqual([
			"Dear whoever keeps the weir,",
			"The herons have started nesting on the old mill again. Leave them be.",
		]);
	});

	it("leaves out the download's own lines", () => {
		const everything = `${storyText(story)}\n${story.notes.map((note) => note.text).join("\n")}`;
		expect(everything).not.toMatch(/See the end of the/);
		expect(everything).not.toMatch(/drop by the Archive/);
		expect(everything).not.toMatch(/Posted originally/);
		expect(storyText(story)).not.toMatch(/Preface|Afterword|Rating:/);
	});

	it("reads the tags, rating, stats and where the work came from", () => {
		expect(story.info).toMatchObject({
			rating: "General Audiences",
			sourceUrl: "https://archiveofourown.example/works/9900001",
			tags: {
				"Archive Warnings": ["No Archive Warnings Apply"],
				Fandoms: ["Original Work"],
				Relationships: ["Ada Miller & Herons", "Ada Miller/Pen Pal"],
				Characters: ["Ada Miller", "The Herons"],
				"Additional Tags": ["Rivers", "Letters", "Slow Burn"],
			},
			stats: { Language: "English", Published: "2024-03-01", Words: "311", Chapters: "3/3" },
		});
	});

	it("decodes entities it knows, keeps unknown ones as written, and keeps emphasis and breaks", () => {
		const text = storyText(story);
		expect(text).toContain("a thin hum\u00a0that Ada");
		expect(text).toContain("fourteen, then fifteen … and");
		expect(text).toContain("The label said &madeup; in faded ink.");
		expect(story.blocks.some((block) => block.kind === "scene-break")).toBe(true);
		const underlined = story.blocks.find((block) => block.text.startsWith("She left them be."));
		const [from, to] = underlined?.emphasis?.[0] ?? [0, 0];
		expect(underlined?.text.slice(from, to)).toBe("herons: two");
	});
});

describe("an AO3 one-shot", () => {
	const story = openFixture(ao3OneShotHtml(), "reed-song.html");

	it("is one chapter headed by the work's title, with the work's notes around it", () => {
		expect(chapterTitles(story)).toEqual(["Reed Song"]);
		expect(story.author).toBe("marshlight");
		expect(structuralNotes(story)).toEqual([
			["head", "Notes", 0],
			["tail", "End Notes", 0],
		]);
		// A work note that starts like a header line ("Warnings:") is still the work's note.
		expect(story.notes[0]?.text).toBe("Warnings: none, just reeds.");
		expect(storyText(story)).toContain("The reeds along the dyke");
		expectWellFormed(story);
	});
});

describe("AO3 offsets", () => {
	it("point at the paragraphs and notes in the downloaded HTML", () => {
		const html = ao3Html();
		const { units } = htmlToUnits(html);
		for (const unit of units.filter((candidate) => candidate.kind === "paragraph" && !candidate.noteKind)) {
			expect(html.slice(unit.start, unit.end)).toContain(unit.text.split(/\s/)[0]);
		}
		const note = units.find((unit) => unit.noteLabel === "Chapter End Notes");
		expect(html.slice(note?.start, note?.end)).toContain("eel counts");
	});

	it.each([
		["weir.html", ao3Html()],
		["weir.epub", ao3CalibreEpub()],
	])("in %s count from the first chapter, so the preface is not a third of the story", (name, content) => {
		const story = openFixture(content, name);
		expect(story.chapters[0]?.start).toBe(0);
		expect(story.notes[0]).toMatchObject({ label: "Notes", start: 0, end: 0 });
		expect(story.notes.at(-1)?.end).toBe(story.sourceLength);
		expect(story.blocks.at(-1)?.end).toBeLessThan(story.sourceLength);
	});
});
