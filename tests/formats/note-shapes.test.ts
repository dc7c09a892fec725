// The note shapes of real downloads (issue 12) per format: FanFicFare TXT from fanfiction.net, AO3 markup
// rewritten by other tools, line-per-paragraph text, pieces of long text. Every example is made up.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Story } from "../../source/core/story.js";
import { openStory, parseStory } from "../../source/formats/open-story.js";
import { PIECE_BYTES } from "../../source/formats/text-document.js";
import { ao3Html, epub2, type SpineFile, xhtml } from "./fixtures.js";
import { chapterTitles, openFixture, storyText } from "./open-fixture.js";

const inText = (story: Story, needle: string) => story.blocks.some((block) => block.text.includes(needle));
const inNotes = (story: Story, needle: string) => story.notes.some((note) => note.text.includes(needle));

const SCENE = [
	"Wren carried the lantern down to the boathouse, counting the steps because her brother always lost count.",
	"The boats knocked against each other in the dark like cows in a barn, patient and a little cross.",
	"She found the oar she had come for under a pile of nets that smelled of last summer.",
	"On the way back the rain started, so she ran the last stretch and arrived laughing and soaked.",
];

describe("4. FanFicFare TXT from fanfiction.net", () => {
	const lines = [
		"The Boathouse",
		"",
		"by reedlark",
		"",
		"Category: Original",
		"Summary: Two siblings and one oar.",
		"",
		"",
		"\t1. The Oar",
		"",
		"**Hello again!**",
		"",
		"**Thanks for every review on the first draft, this chapter is better for them.**",
		"",
		"**~Reed.**",
		"",
		"* * *",
		"",
		"Chapter 1 – The Oar**_",
		"",
		...SCENE.slice(0, 2).flatMap((line) => [line, ""]),
		"**Meet me at the boathouse.**",
		"",
		...SCENE.slice(2).flatMap((line) => [line, ""]),
		...SCENE.flatMap((line) => [`${line} Again.`, ""]),
		"**Someone asked me this:**",
		"",
		"* * *",
		"",
		"**Did you like the boathouse? Tell me in the reviews! **",
		"",
		"",
		"Chapter\t2",
		" The Rain",
		"",
		"Chapter 2 – The Rain**_",
		"",
		...SCENE.flatMap((line) => [line, ""]),
		"End file.",
	];
	const story = openFixture(lines.join("\r\n"), "boathouse.txt");

	it("starts chapters at tab-indented titles and at Chapter<TAB>N with the title under it", () => {
		expect(chapterTitles(story)).toEqual(["1. The Oar", "Chapter 2 The Rain"]);
	});

	it("reads bold paragraphs before the author's restated heading as the head note, nothing lost", () => {
		const head = story.notes.find((note) => note.text.includes("Hello again!"));
		expect(head?.kind).toBe("head");
		expect(head?.text).toContain("~Reed.");
		expect(inText(story, "Hello again!")).toBe(false);
	});

	it("reads the bold tail after the last break as a note", () => {
		expect(inNotes(story, "Tell me in the reviews!")).toBe(true);
		expect(inText(story, "Tell me in the reviews!")).toBe(false);
	});

	it("trap: a bold line inside the story, and a bold label with no quote under it, stay story text", () => {
		expect(inText(story, "Meet me at the boathouse.")).toBe(true);
		expect(inText(story, "Someone asked me this:")).toBe(true);
		for (const line of SCENE) expect(inText(story, line), line).toBe(true);
	});
});

describe("4. trap: a heading line deep in a FanFicFare chapter", () => {
	it("does not end the chapter's head: the story before a Part Two line stays story", () => {
		const lines = [
			"The Boathouse",
			"",
			"by reedlark",
			"",
			"",
			"\t1. The Oar",
			"",
			"A/N: thanks for the reviews!",
			"",
			...SCENE.flatMap((line) => [line, ""]),
			"Part Two",
			"",
			...SCENE.flatMap((line) => [`${line} Later.`, ""]),
			"End file.",
		];
		const story = openFixture(lines.join("\r\n"), "parts.txt");
		expect(inNotes(story, "thanks for the reviews!")).toBe(true);
		for (const line of SCENE) expect(inText(story, line), line).toBe(true);
		expect(chapterTitles(story)).toEqual(["1. The Oar"]);
	});
});

describe("5. one paragraph per line, with a few blank lines", () => {
	const long = (line: string) => `${line} ${line}`;
	const story = parseStory(
		[
			"Chapter 1",
			...SCENE.map(long),
			"A/N: a note on its own line.",
			"",
			...SCENE.map(long),
			"",
			...SCENE.map(long),
		].join("\n"),
		"lines.txt",
	).story;

	it("keeps each line a paragraph, so an A/N line is not buried in the story", () => {
		expect(inNotes(story, "a note on its own line.")).toBe(true);
		expect(inText(story, "a note on its own line.")).toBe(false);
		expect(story.blocks.filter((block) => block.kind === "paragraph")).toHaveLength(SCENE.length * 3);
	});
});

describe("8. AO3 markup written by another tool (Notes: headings, chapter ids, Chapter Text)", () => {
	const chapter = (n: number, body: string) =>
		xhtml(`<div class="chapter" id="chapter-${n}">
  <div class="chapter preface group"><h3 class="title">Chapter ${n}: Part ${n}</h3>
    <div id="notes" class="notes module"><h3 class="heading">Notes:</h3>
      <blockquote class="userstuff"><p>Head note of part ${n}.</p></blockquote>
      <p>(See the end of the chapter for more notes.)</p></div></div>
  <div class="userstuff module"><h3 class="landmark heading" id="work">Chapter Text</h3>${body}</div>
  <div class="chapter preface group"><div class="end notes module" id="chapter_${n}_endnotes">
    <h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>End note of part ${n}.<br/>💕</p></blockquote></div></div>
</div>`);
	const files: SpineFile[] = [
		{
			id: "title",
			href: "titlepage.html",
			content: xhtml(
				`<h3><a href="https://archiveofourown.example/works/1">The Boathouse</a> by reedlark</h3><p>Rating: General</p>`,
			),
		},
		{
			id: "notes",
			href: "notes.html",
			content: xhtml(`<div class="notes module"><h3 class="heading">Notes:</h3>
  <ul class="associations"><li>Inspired by another story.</li></ul>
  <blockquote class="userstuff"><p>A note for the whole work.</p></blockquote></div>`),
		},
		{
			id: "c1",
			href: "chapter1.html",
			content: chapter(
				1,
				SCENE.slice(0, 2)
					.map((line) => `<p>${line}</p>`)
					.join(""),
			),
		},
		{
			id: "c2",
			href: "chapter2.html",
			content: chapter(
				2,
				SCENE.slice(2)
					.map((line) => `<p>${line}</p>`)
					.join(""),
			),
		},
	];
	const story = openFixture(epub2(files, { title: "The Boathouse", author: "reedlark" }), "boathouse.epub");

	it("is read as AO3 structure: chapters, head and end notes, the work's notes", () => {
		expect(story.info?.format).toBe("AO3 EPUB");
		expect(chapterTitles(story)).toEqual(["Chapter 1: Part 1", "Chapter 2: Part 2"]);
		expect(story.notes.map((note) => [note.kind, note.label, note.chapter])).toEqual([
			["head", "Notes", 0],
			["head", "Chapter Notes", 0],
			["tail", "Chapter End Notes", 0],
			["head", "Chapter Notes", 1],
			["tail", "Chapter End Notes", 1],
		]);
	});

	it("leaves AO3's boilerplate out of the text and keeps an emoji in its note", () => {
		expect(storyText(story)).not.toMatch(/Chapter Text|See the end|Inspired by/);
		expect(story.notes.find((note) => note.text.startsWith("End note of part 1"))?.text).toMatch(/part 1\.\s+💕$/u);
		for (const line of SCENE) expect(inText(story, line), line).toBe(true);
	});

	it("a co-authored work's per-chapter byline does not break the chapters", () => {
		const html = ao3Html().replace(
			/(<h2 class="heading">[^<]*<\/h2>)/g,
			'$1<p class="byline">Chapter by <a>otterbank</a></p>',
		);
		const coauthored = openFixture(html, "co.html");
		expect(chapterTitles(coauthored)).toHaveLength(3);
		expect(storyText(coauthored)).not.toContain("Chapter by");
	});
});

describe("1. notes do not depend on where a 48 KiB piece starts", () => {
	const scratch = mkdtempSync(join(tmpdir(), "fic-shift-"));
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	/** Chapters of about 7 KiB, each ending in a scene break and a tail note of several paragraphs. */
	function story(skipFirst: number): string {
		const parts: string[] = [];
		for (let chapter = 1; parts.join("\n\n").length < PIECE_BYTES * 5; chapter++) {
			parts.push(`Chapter ${chapter}: Part ${chapter}`);
			for (let paragraph = 0; paragraph < 24; paragraph++)
				parts.push(`${SCENE[paragraph % 4]} (${chapter}.${paragraph})`);
			parts.push("* * *", `a/n: thanks for reading part ${chapter}!`);
			for (let line = 0; line < 12; line++) parts.push(`Reviewer${line}: Thanks for the review of part ${chapter}!`);
			parts.push(`Next chapter: part ${chapter + 1}.`);
		}
		return parts
			.slice(0, 1)
			.concat(parts.slice(1 + skipFirst))
			.join("\n\n");
	}

	const notesOf = (skip: number) => {
		const path = join(scratch, `shift-${skip}.txt`);
		writeFileSync(path, story(skip));
		const opened = openStory(path);
		expect(opened.document.pieceCount).toBeGreaterThan(4);
		return opened.document.whole().notes.map((note) => `${note.kind}:${note.text}`);
	};

	it("finds the same notes after early paragraphs are deleted (the pieces fall elsewhere)", () => {
		const [base, ...shifted] = [0, 1, 2, 3, 5, 8].map(notesOf);
		expect(base?.length).toBeGreaterThan(10);
		for (const notes of shifted) expect(notes).toEqual(base);
		expect(base?.every((note) => note.startsWith("tail:a/n: thanks"))).toBe(true);
	});

	it("finds the notes a whole parse finds", () => {
		const text = story(0);
		expect(notesOf(0)).toEqual(parseStory(text, "shift.txt").story.notes.map((note) => `${note.kind}:${note.text}`));
	});
});
