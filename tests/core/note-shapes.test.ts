// The note shapes of real plain-text files (issue 12), each from a short made-up example, with a trap for each rule.

import { describe, expect, it } from "vitest";
import { isSceneBreak } from "../../source/core/markers.js";
import type { Note, Story } from "../../source/core/story.js";
import { parseStory } from "../../source/formats/open-story.js";

function parse(parts: string[], name = "shapes.txt"): Story {
	return parseStory(parts.join("\n\n"), name).story;
}

const inText = (story: Story, needle: string) => story.blocks.some((block) => block.text.includes(needle));
const inNotes = (story: Story, needle: string) => story.notes.some((note) => note.text.includes(needle));

function expectNote(story: Story, needle: string): Note {
	expect(inText(story, needle), `story text must not hold ${JSON.stringify(needle)}`).toBe(false);
	const note = story.notes.find((candidate) => candidate.text.includes(needle));
	expect(note, `a note holds ${JSON.stringify(needle)}`).toBeDefined();
	return note as Note;
}

function expectStory(story: Story, needle: string): void {
	expect(inText(story, needle), `story text holds ${JSON.stringify(needle)}`).toBe(true);
	expect(inNotes(story, needle), `no note holds ${JSON.stringify(needle)}`).toBe(false);
}

const SCENE = [
	"The lighthouse keeper climbed the stairs at six, as she had every evening for eleven years.",
	"Below her the tide pulled at the rocks and the gulls settled on the rail one by one.",
	"She trimmed the wick, wound the clock and wrote the weather into the log in small square letters.",
	"When the lamp was lit she sat by the glass and watched the dark come in over the water.",
	"Somewhere past the point a bell buoy rang, slow and patient, like a door nobody answered.",
	"At midnight she went down for bread and cheese and came back up with both in her apron pocket.",
];

describe("2. tail zones and title blocks", () => {
	// A chapter title block before the next heading: the chapter's title, the story's title, a rule.
	const story = parse([
		"The Keeper",
		"By: Tidewright",
		"Chapter 1: Lamp",
		...SCENE.slice(0, 4),
		"----------",
		"a/n: Thanks for reading the first part, more soon!",
		"Tidewright",
		"Bell",
		"THE KEEPER",
		"----------",
		"Chapter 2: Bell",
		...SCENE.slice(4),
	]);

	it("takes the tail after the last break before the title block, up to the signature", () => {
		const note = expectNote(story, "Thanks for reading the first part");
		expect(note.kind).toBe("tail");
		expect(note.text).toContain("Tidewright");
		expect(note.text).not.toMatch(/THE KEEPER|Bell$/);
	});

	it("keeps the title block out of the note and finds two chapters", () => {
		expect(story.chapters.map((chapter) => chapter.title)).toEqual(["Chapter 1: Lamp", "Chapter 2: Bell"]);
		expect(inNotes(story, "THE KEEPER")).toBe(false);
	});

	it("takes a bare AN: and every short line after it when the chapter has no break", () => {
		const bare = parse([
			"Chapter 1: Lamp",
			...SCENE,
			"AN:",
			"So sorry this one is late…",
			"Work got busy…",
			"The next part is nearly done…",
			"Hope you like it…",
			"More soon…",
			"Reviews=Love",
			"Chapter 2: Bell",
			SCENE[0] as string,
		]);
		for (const line of ["So sorry this one is late", "More soon", "Reviews=Love"]) expectNote(bare, line);
		for (const line of SCENE) expectStory(bare, line);
	});

	it("trap: a story line that repeats the story's title is story when no heading follows it", () => {
		const refrain = parse(["The Keeper", "By: Tidewright", "Chapter 1: Lamp", ...SCENE, "The Keeper"]);
		expectStory(refrain, SCENE[5] as string);
		expect(refrain.blocks.at(-1)?.text).toBe("The Keeper");
	});
});

describe("3. head notes and what belongs to a note", () => {
	it("continues a head note to the break after it when its paragraphs talk about the work", () => {
		const story = parse([
			"Chapter 1: Lamp",
			"AN: I do not usually write notes, but this week I have to.",
			"It has been a hard month, and writing this chapter kept me going.",
			"Thank you for every review. Now, on with the story.",
			"* * *",
			...SCENE,
		]);
		for (const line of ["hard month", "on with the story"]) expect(expectNote(story, line).kind).toBe("head");
		for (const line of SCENE) expectStory(story, line);
	});

	it("trap: story paragraphs after a head note stay story when nothing in them speaks of the work", () => {
		const story = parse(["Chapter 1: Lamp", "A/N: Short one today.", ...SCENE.slice(0, 3), "* * *", ...SCENE.slice(3)]);
		expect(expectNote(story, "Short one today.").text).toBe("A/N: Short one today.");
		for (const line of SCENE) expectStory(story, line);
	});

	it("joins the signature and review replies after a lone opener to its note", () => {
		const story = parse([
			"Chapter 1: Lamp",
			...SCENE.slice(0, 3),
			"A/N: A quick word in the middle, sorry!",
			"Gullwing: Thanks for the lovely review!",
			"~Tide.",
			...SCENE.slice(3),
		]);
		const note = expectNote(story, "A quick word in the middle");
		expect(note.text).toContain("Gullwing: Thanks");
		expect(note.text).toContain("~Tide.");
		for (const line of SCENE) expectStory(story, line);
	});

	it("trap: a line that reads like a reply, away from any note, is story", () => {
		const story = parse([
			"Chapter 1: Lamp",
			...SCENE.slice(0, 3),
			"Keeper: Thanks, the log is done.",
			...SCENE.slice(3),
		]);
		expectStory(story, "Keeper: Thanks, the log is done.");
	});
});

describe("6. duplicate and misplaced headings", () => {
	it("a numbered title line, then the author's own heading, are one chapter", () => {
		const story = parse([
			"1. Lamp",
			"Chapter 1: Lamp.",
			...SCENE.slice(0, 3),
			"2. Bell",
			"Chapter 2: Bell.",
			...SCENE.slice(3),
		]);
		expect(story.chapters.map((chapter) => chapter.title)).toEqual(["1. Lamp", "2. Bell"]);
	});

	it("trap: one number with unrelated titles is two chapters, and the story between stays story", () => {
		const story = parse(["Chapter 1: Lamp", "A/N: hello!", ...SCENE.slice(0, 3), "Chapter 1: Bell", ...SCENE.slice(3)]);
		expect(story.chapters.map((chapter) => chapter.title)).toEqual(["Chapter 1: Lamp", "Chapter 1: Bell"]);
		for (const line of SCENE) expectStory(story, line);
	});

	it("a Prologue line after numbered chapters is a line of the story", () => {
		const story = parse(["Chapter 1: Lamp", ...SCENE.slice(0, 3), "Prologue", ...SCENE.slice(3)]);
		expect(story.chapters).toHaveLength(1);
		expectStory(story, "Prologue");
	});

	it("trap: a Prologue before the numbered chapters still starts the story", () => {
		const story = parse(["Prologue", ...SCENE.slice(0, 3), "Chapter 1: Lamp", ...SCENE.slice(3)]);
		expect(story.chapters.map((chapter) => chapter.title)).toEqual(["Prologue", "Chapter 1: Lamp"]);
	});
});

describe("7. a Note: tail needs a note's words", () => {
	it("trap: a document that starts Note: after the last break, then a list of names, is story", () => {
		const story = parse([
			"Chapter 1: Lamp",
			...SCENE,
			"* * *",
			"Note: the following keepers served at the point light.",
			"Ada Fenwick",
			"Tobias Marr",
			"Hester Quill",
			"Chapter 2: Bell",
			SCENE[0] as string,
		]);
		for (const line of ["the following keepers served", "Tobias Marr"]) expectStory(story, line);
	});

	it("a Note: tail that speaks of the chapter is a note", () => {
		const story = parse(["Chapter 1: Lamp", ...SCENE, "* * *", "Note: this chapter was rewritten after a review."]);
		expect(expectNote(story, "this chapter was rewritten").kind).toBe("tail");
	});
});

describe("9. asides and emoji", () => {
	it("an opener after a short aside at the paragraph start opens the note", () => {
		const story = parse(["Chapter 1: Lamp", ...SCENE, "* * *", "(a long one) a/n: thanks for waiting!"]);
		expect(expectNote(story, "thanks for waiting").kind).toBe("tail");
	});

	it("trap: an inline (A/N: …) at a paragraph start is not an aside: the story after it stays", () => {
		const story = parse([
			"Chapter 1: Lamp",
			...SCENE.slice(0, 5),
			"(A/N: it was 1890) The stairs creaked.",
			SCENE[5] as string,
		]);
		expectStory(story, "The stairs creaked.");
	});
});

describe("10. notes without a marker", () => {
	it("the author's name alone at a chapter's end signs a note", () => {
		const story = parse(["The Keeper", "by Tidewright", "Chapter 1: Lamp", ...SCENE, "~Tidewright"]);
		expect(expectNote(story, "~Tidewright").kind).toBe("tail");
	});

	it("a dedication alone before the chapter's first break is a head note", () => {
		const story = parse(["Chapter 1: Lamp", "Written for the winter lighthouse prompt, for Gull.", "* * *", ...SCENE]);
		expect(expectNote(story, "winter lighthouse prompt").kind).toBe("head");
		for (const line of SCENE) expectStory(story, line);
	});

	it("trap: a story's first line before a break, even one that starts with For, is story", () => {
		const story = parse(["Chapter 1: Lamp", "For three days the fog did not lift.", "* * *", ...SCENE]);
		expectStory(story, "For three days the fog did not lift.");
	});

	it("trap: a short last line that is not the author's name is story", () => {
		const story = parse(["The Keeper", "by Tidewright", "Chapter 1: Lamp", ...SCENE, "Silence."]);
		expectStory(story, "Silence.");
	});

	it("before the author's restated heading, paragraphs with a note's words are the head note", () => {
		const story = parse([
			"1. Lamp",
			"Sorry for the wait, this chapter fought me.",
			"Thanks to everyone who left a review!",
			"Chapter 1: Lamp",
			...SCENE,
		]);
		expect(expectNote(story, "this chapter fought me").kind).toBe("head");
		for (const line of SCENE) expectStory(story, line);
	});

	it("trap: an epigraph before the restated heading is story", () => {
		const story = parse(["1. Lamp", "The sea keeps what it is given.", "Chapter 1: Lamp", ...SCENE]);
		expectStory(story, "The sea keeps what it is given.");
	});

	it("a chapter whose heading names it an author's note is a note as a whole", () => {
		const story = parse([
			"Chapter 1: Lamp",
			...SCENE,
			"Chapter 2: Author's Note",
			"I am taking a short break.",
			"Back in May.",
		]);
		expect(expectNote(story, "taking a short break").kind).toBe("chapter");
	});

	it("trap: a chapter titled with the word note is story", () => {
		const story = parse(["Chapter 1: Lamp", ...SCENE.slice(0, 3), "Chapter 2: The Note", ...SCENE.slice(3)]);
		for (const line of SCENE) expectStory(story, line);
	});
});

describe("markers met in real files", () => {
	it("a section number alone divides a chapter; an emoticon or a lone emoji is text", () => {
		expect(isSceneBreak("IV")).toBe(true);
		expect(isSceneBreak("XII")).toBe(true);
		expect(isSceneBreak(":(")).toBe(false);
		expect(isSceneBreak(":0)")).toBe(false);
		expect(isSceneBreak("💕")).toBe(false);
		expect(isSceneBreak("💕💕💕")).toBe(true);
		expect(isSceneBreak("♥♥♥")).toBe(true);
	});

	it("trap: short story lines after a lone opener are not taken as its signature", () => {
		const story = parse([
			"Chapter 1: Lamp",
			...SCENE.slice(0, 3),
			"A/N: a word in the middle.",
			"By noon.",
			"Silence fell.",
			...SCENE.slice(3),
		]);
		for (const line of ["By noon.", "Silence fell."]) expectStory(story, line);
	});
});
