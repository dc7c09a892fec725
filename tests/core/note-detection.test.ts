// Author's-note detection, markers and sanitising, checked on the bundled samples and on small made-up texts.

import { describe, expect, it } from "vitest";
import { isHeading, isSceneBreak } from "../../source/core/markers.js";
import { sanitizeText } from "../../source/core/sanitize.js";
import { INLINE_NOTE_MARKER, type Note, type Story } from "../../source/core/story.js";
import { openStory, parseStory } from "../../source/formats/open-story.js";

const STORIES = new URL("../../stories/", import.meta.url);

function open(name: string): Story {
	return openStory(new URL(name, STORIES).pathname).story;
}

function storyText(story: Story): string {
	return story.blocks.map((block) => block.text).join("\n\n");
}

function notesOf(story: Story, kind: Note["kind"], chapter?: number): Note[] {
	return story.notes.filter((note) => note.kind === kind && (chapter === undefined || note.chapter === chapter));
}

/** Exactly one note of this kind/chapter whose text holds `needle`. */
function onlyNote(story: Story, kind: Note["kind"], chapter: number, needle: string): Note {
	const found = notesOf(story, kind, chapter).filter((note) => note.text.includes(needle));
	expect(found, `${kind} note in chapter ${chapter} containing ${JSON.stringify(needle)}`).toHaveLength(1);
	return found[0] as Note;
}

function expectInStory(story: Story, needle: string): void {
	expect(
		story.blocks.some((block) => block.text.includes(needle)),
		`story text contains ${JSON.stringify(needle)}`,
	).toBe(true);
	expect(
		story.notes.some((note) => note.text.includes(needle)),
		`no note contains ${JSON.stringify(needle)}`,
	).toBe(false);
}

function expectNotInStory(story: Story, needle: string): void {
	expect(storyText(story).includes(needle), `story text must not contain ${JSON.stringify(needle)}`).toBe(false);
}

describe("bundled samples", () => {
	describe("lantern-keeper.txt", () => {
		const story = open("lantern-keeper.txt");

		it("reads title and author from the title/byline lines", () => {
			expect(story.title).toBe("The Lantern Keeper");
			expect(story.author).toBe("Quillfeather");
		});

		it("puts the A/N and the disclaimer before the story as head notes", () => {
			const firstStoryStart = (story.blocks[0] as { start: number }).start;
			const headAN = onlyNote(story, "head", 0, "written for the winter prompt exchange");
			expect(headAN.label).toBe("A/N");
			expect(headAN.end).toBeLessThanOrEqual(firstStoryStart);
			const disclaimer = onlyNote(story, "head", 0, "The Hollow Coast");
			expect(disclaimer.label).toBe("Disclaimer");
			expect(disclaimer.end).toBeLessThanOrEqual(firstStoryStart);
			expectNotInStory(story, "written for the winter prompt exchange");
			expectNotInStory(story, "Disclaimer:");
			expect(story.blocks[0]?.text.startsWith("Every evening at the ninth bell")).toBe(true);
		});

		it("has one tail note holding the A/N, the review request and the signature", () => {
			const tails = notesOf(story, "tail");
			expect(tails).toHaveLength(1);
			const tail = tails[0] as Note;
			for (const part of [
				"A/N: Thank you so much for reading",
				"Review; tell me if you want another chapter.",
				"Quillfeather",
			]) {
				expect(tail.text).toContain(part);
				expectNotInStory(story, part);
			}
			expect(tail.text.trimEnd().endsWith("Quillfeather")).toBe(true);
			expect(story.blocks.at(-1)?.text.startsWith("Outside, the wind turned at last.")).toBe(true);
		});

		it("keeps the look-alike paragraphs as story", () => {
			expectInStory(story, "An hour later they were sitting on the floor");
			expectInStory(story, "Note—the keeper had written on the back of the map");
			expectInStory(story, "called that bit the author's note");
		});
	});

	describe("salt-and-static.txt", () => {
		const story = open("salt-and-static.txt");

		it("reads title and author from the metadata lines", () => {
			expect(story.title).toBe("Salt and Static");
			expect(story.author).toBe("Marrow Finch");
			expectNotInStory(story, "Rating: T");
		});

		it("gives the header's other lines to the story info (i): the rating, and a line it has no field for as it is labelled", () => {
			expect(story.info?.rating).toBe("T");
			const header =
				"Title: Ferry\n\nAuthor: Pell\n\nPairing: Wren/Hale\n\nStatus: Complete\n\nChapter 1: Dock\n\nThe ferry came.";
			const info = parseStory(header, "ferry.txt").story.info;
			expect(info).toEqual({ stats: { Pairing: "Wren/Hale", Status: "Complete" } });
		});

		it("has three chapters with their titles and no separate opening chapter", () => {
			expect(story.chapters.map((chapter) => chapter.title)).toEqual([
				"Chapter 1: The Lighthouse Radio",
				"Chapter Two - Interference",
				"Chapter 3: Field Notes",
			]);
			const third = story.chapters[2];
			expect(third && story.blocks[third.firstBlock]?.kind).toBe("heading");
			expect(third && story.blocks[third.firstBlock]?.text).toBe("Chapter 3: Field Notes");
		});

		it("gives the notes before chapter 1 to chapter 0's head", () => {
			const chapterOneStart = story.chapters[0]?.start ?? 0;
			for (const needle of ["Skerry Light and its characters belong", "This started as a one-shot"]) {
				const note = onlyNote(story, "head", 0, needle);
				expect(note.start).toBeLessThan(chapterOneStart);
				expectNotInStory(story, needle);
			}
		});

		it("finds chapter 2's head A/N", () => {
			const note = onlyNote(story, "head", 1, "Shorter one this week");
			expect(note.label).toBe("A/N");
			expectNotInStory(story, "Shorter one this week");
			const chapter = story.chapters[1];
			expect(chapter && story.blocks[chapter.firstBlock + 1]?.text.startsWith("Nell told herself")).toBe(true);
		});

		it("moves exactly one inline note out of chapter 2, leaving its marker", () => {
			const inline = notesOf(story, "inline");
			expect(inline).toHaveLength(1);
			const note = inline[0] as Note;
			expect(note.chapter).toBe(1);
			expect(note.text).toContain("yes, I looked this up");
			expectNotInStory(story, "yes, I looked this up");
			expectNotInStory(story, "(A/N:");
			const block = story.blocks[note.block];
			// The marker takes the note's place, glued to the word before it by a (no-break) space.
			expect(block?.text).toMatch(new RegExp(`the old Morse table\\s${INLINE_NOTE_MARKER} and a pencil stub`));
			const markers = storyText(story).split(INLINE_NOTE_MARKER).length - 1;
			expect(markers).toBe(1);
		});

		it("finds the tail notes of chapters 1 and 3", () => {
			const first = onlyNote(story, "tail", 0, "a/n: So! That's chapter one.");
			expect(first.text).toContain("R&R!");
			expect(first.text).toContain("Next chapter: Nell finally answers");
			const last = onlyNote(story, "tail", 2, "Author’s Note: And that's the end!");
			expect(last.label).toBe("Author's Note");
			expect(last.text).toContain("Thanks to everyone who reviewed.");
			expect(last.text.trimEnd().endsWith("Marrow")).toBe(true);
			expect(notesOf(story, "tail", 1)).toHaveLength(0);
			for (const needle of ["R&R!", "Next chapter:", "Author’s Note", "Thanks to everyone who reviewed."])
				expectNotInStory(story, needle);
		});

		it("keeps the 'An icy wind' paragraph as story", () => {
			expectInStory(story, "An icy wind was coming down off the mainland hills");
		});
	});

	describe("the-cartographers-daughter.md", () => {
		const story = open("the-cartographers-daughter.md");

		it("reads title and author from the front matter", () => {
			expect(story.title).toBe("The Cartographer's Daughter");
			expect(story.author).toBe("Ines Valder");
			expectNotInStory(story, "title:");
		});

		it("turns the front-matter notes into a head note", () => {
			const note = onlyNote(story, "head", 0, "I wrote this after finding an old survey map");
			expect(note.confidence).toBe(1);
			expectNotInStory(story, "I wrote this after finding");
		});

		it("makes chapters from the # headings", () => {
			expect(story.chapters.map((chapter) => chapter.title)).toEqual(["Chapter One: Ink", "Chapter Two: Ash"]);
			expectNotInStory(story, "# ");
		});

		it("records emphasis as ranges on the block, without the markers", () => {
			const expected: Array<[string, string]> = [
				["The river was wrong.", "wrong"],
				["ink remembered", "remembered"],
				["somewhere else.", "else"],
				["Somewhere else. Sabine thought", "Somewhere else."],
			];
			for (const [context, emphasised] of expected) {
				const block = story.blocks.find((candidate) => candidate.text.includes(context));
				expect(block, context).toBeDefined();
				const ranges = (block?.emphasis ?? []).map(([from, to]) => block?.text.slice(from, to));
				expect(ranges, context).toContain(emphasised);
			}
			for (const block of story.blocks) {
				if (block.kind === "paragraph") expect(block.text).not.toMatch(/\*|(?:^|\s)_\S/);
				for (const [from, to] of block.emphasis ?? []) {
					expect(from).toBeGreaterThanOrEqual(0);
					expect(to).toBeGreaterThan(from);
					expect(to).toBeLessThanOrEqual(block.text.length);
				}
			}
		});

		it("keeps the letter blockquote as story, marked as a quote", () => {
			const letter = story.blocks.find((block) => block.text.includes("the river has begun to move"));
			expect(letter?.quote).toBe(true);
			expect(letter?.text.startsWith(">")).toBe(false);
			expect(story.notes.some((note) => note.text.includes("the river has begun to move"))).toBe(false);
		});

		it("makes the bold 'Author's note' blockquote a tail note", () => {
			const note = onlyNote(story, "tail", 1, "Thank you for reading Sabine's story.");
			expect(note.label).toBe("Author's Note");
			expectNotInStory(story, "Thank you for reading Sabine's story.");
			expect(story.blocks.at(-1)?.text.startsWith("Only at the very end")).toBe(true);
		});
	});

	describe("yuki-no-tegami.txt", () => {
		const story = open("yuki-no-tegami.txt");

		it("reads the Japanese title and author", () => {
			expect(story.title).toBe("雪の手紙");
			expect(story.author).toBe("北村しずく");
		});

		it("finds the head and tail notes and keeps the story", () => {
			onlyNote(story, "head", 0, "A small winter story I wrote for my Japanese class");
			onlyNote(story, "tail", 0, "Fukinotou are butterbur shoots");
			expectNotInStory(story, "A/N");
			expect(story.blocks[0]?.text.startsWith("はなが北の小さな町に")).toBe(true);
			expect(story.blocks.at(-1)?.text.startsWith("次の朝、さいごの雪が")).toBe(true);
			expect(story.blocks.some((block) => block.kind === "scene-break" && block.text === "＊＊＊")).toBe(true);
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Made-up texts

const STORY_PARAGRAPHS = [
	"The ferry came in late, riding low, its deck stacked with crates of apples and one unhappy goat.",
	"Mira counted the crates twice because the manifest said forty and she could only ever find thirty-nine.",
	"By noon the fog had lifted off the harbour and the gulls had begun their long argument over the nets.",
	"She walked the length of the pier and back, listening to the boards complain under her boots.",
	"Nobody on the island would admit to owning the goat, which only made it more certain who did.",
	"In the evening she wrote the day down in the logbook, including the goat, because the logbook was honest.",
];

const STORY_AFTER = [
	"The next morning began with rain, a thin grey rain that made the whole harbour smell of wet rope.",
	"Mira found the fortieth crate behind the chandlery, guarded by the goat, who seemed proud of it.",
	"She did not ask how it got there. Some questions on the island were better left to the tide.",
];

/**
 * A two-chapter text: chapter 1 has `head` paragraphs, a break, six story paragraphs with a break in
 * the middle, then a break and `tail` paragraphs.
 */
function twoChapters(options: { head?: string[]; tail?: string[]; middle?: string[]; title?: string }): string {
	const parts: string[] = [options.title ?? "Chapter 1: The Ferry"];
	if (options.head) parts.push(...options.head, "~~~");
	parts.push(...STORY_PARAGRAPHS.slice(0, 3), "* * *");
	if (options.middle) parts.push(...options.middle);
	parts.push(...STORY_PARAGRAPHS.slice(3));
	if (options.tail) parts.push("~~~", ...options.tail);
	parts.push("Chapter 2: The Crate", ...STORY_AFTER);
	return parts.join("\n\n");
}

function parse(text: string): Story {
	return parseStory(text, "x.txt").story;
}

describe("false positives stay story text", () => {
	const candidates: Array<[string, string]> = [
		["'An hour later'", "An hour later the rain stopped and the harbour went quiet again."],
		["'An icy'", "An icy wind came off the water and set the rigging ringing."],
		["'AN' in capitals but no colon", "AN OLD MAN stood at the end of the pier, watching the boats."],
		["straight-quoted dialogue with A/N", '"A/N: that is what the post said," she told him. "Just that."'],
		["curly-quoted dialogue with A/N", "“A/N—seriously? Who writes that in a letter?” Mira asked."],
		["single-quoted dialogue with A/N", "'A/N stands for author's note,' the clerk said, tired of explaining."],
		["dialogue mentioning the author's note", "“Did you read the author's note at the back?” he asked."],
		["'Note—she wrote'", "Note—she wrote on the back of the manifest—the goat is not cargo."],
		["'Note' without a colon", "Note the date, Mira thought, and wrote it in the margin."],
		["a paragraph mentioning 'the note'", "She found the note tucked into the manifest, folded into eighths."],
		["a paragraph mentioning 'the author'", "The author of the manifest had signed it with a small drawing of a goat."],
		["'Authority' words", "Authorities on the mainland had never heard of the island, let alone the goat."],
		["'Notes' as an ordinary word", "Notes from the harbourmaster were pinned to every post along the pier."],
	];

	describe.each(["head", "middle", "tail"] as const)("at the %s of a chapter", (position) => {
		it.each(candidates)("%s", (_name, paragraph) => {
			const story = parse(twoChapters({ [position]: [paragraph] }));
			expectInStory(story, paragraph);
			for (const line of STORY_PARAGRAPHS) expectInStory(story, line);
		});
	});

	it.each([
		["Chapter 2: Notes", "Notes"],
		["Chapter 2: Field Notes", "Field Notes"],
		["Chapter 2 - Author's Notes", "Author's Notes"],
		["Chapter Two: A/N Was Never Her Name", "A/N Was Never Her Name"],
	])("a chapter titled %j is a heading, not a note", (heading) => {
		const text = twoChapters({}).replace("Chapter 2: The Crate", heading);
		const story = parse(text);
		expect(story.chapters.map((chapter) => chapter.title)).toContain(heading);
		expect(story.notes.some((note) => note.text.includes(heading))).toBe(false);
		const chapter = story.chapters[1];
		expect(chapter && story.blocks[chapter.firstBlock]?.kind).toBe("heading");
	});

	it.each([
		["an acronym in parentheses", "The masked guards (ANBU) watched from the rooftops all night."],
		["an acronym in brackets", "The label read [ANSI standard] in faded red letters."],
		["an ordinary parenthesis", "She counted the crates (all thirty-nine of them) and sighed."],
	])("%s is not an inline note", (_name, paragraph) => {
		const story = parse(twoChapters({ middle: [paragraph] }));
		expectInStory(story, paragraph);
		expect(notesOf(story, "inline")).toHaveLength(0);
	});

	it("a hard-wrapped paragraph whose inner line starts like a heading stays one paragraph", () => {
		const wrapped = [
			"She had read the whole logbook twice over, and",
			"Chapter Seven was the part she liked the most,",
			"because that was the winter the light went out.",
		].join("\n");
		const story = parse(twoChapters({ middle: [wrapped] }));
		expect(story.chapters).toHaveLength(2);
		expectInStory(story, "She had read the whole logbook twice over, and Chapter Seven was the part");
	});
});

describe("openers are detected at a chapter's head and tail", () => {
	const openers: Array<[string, string]> = [
		["A/N:", "A/N: Thank you all for the reviews, they keep me going."],
		["a/n :", "a/n : sorry this one took so long, work was a lot."],
		["A/n", "A/n thanks for sticking with this story."],
		["A.N.", "A.N. This chapter was beta'd by my sister."],
		["AN:", "AN: Short chapter this week, I know."],
		["Author's Note:", "Author's Note: I own nothing but the goat."],
		["Author’s note -", "Author’s note - the harbour is based on a real one."],
		["Authors note:", "Authors note: updates every Sunday from now on."],
		["Author's End Note:", "Author's End Note: that is the end of part one."],
		["Note from the author:", "Note from the author: thank you for reading this far."],
		["T/N:", "T/N: the original uses a pun that does not translate."],
		["Translator's note:", "Translator's note: 'sprat' is a small fish."],
		["Beta's note:", "Beta's note: I told her the goat was a bad idea."],
		["Disclaimer:", "Disclaimer: I do not own the island or anyone on it."],
		["Note: (zone opener)", "Note: this chapter is unedited, sorry for typos."],
		["bold **A/N:**", "**A/N:** bold notes are common on some archives."],
	];

	it.each(openers)("%s as a head note", (_name, paragraph) => {
		const story = parse(twoChapters({ head: [paragraph] }));
		const note = onlyNote(story, "head", 0, paragraph.replace(/^\*\*A\/N:\*\*/, ""));
		expect(note.confidence).toBeGreaterThan(0);
		expectNotInStory(story, paragraph);
		for (const line of [...STORY_PARAGRAPHS, ...STORY_AFTER]) expectInStory(story, line);
	});

	it.each(openers)("%s as a tail note, with its continuation paragraphs", (_name, paragraph) => {
		const tail = [paragraph, "Read and review!", "Quillpen"];
		const story = parse(twoChapters({ tail }));
		const note = onlyNote(story, "tail", 0, paragraph.replace(/^\*\*A\/N:\*\*/, ""));
		expect(note.text).toContain("Read and review!");
		expect(note.text.trimEnd().endsWith("Quillpen")).toBe(true);
		for (const part of tail) expectNotInStory(story, part);
		for (const line of [...STORY_PARAGRAPHS, ...STORY_AFTER]) expectInStory(story, line);
	});

	it("a tail note in the last paragraphs is found without a scene break", () => {
		const text = ["Chapter 1: The Ferry", ...STORY_PARAGRAPHS, "a/n: no break before this one."].join("\n\n");
		const story = parse(text);
		onlyNote(story, "tail", 0, "no break before this one");
		for (const line of STORY_PARAGRAPHS) expectInStory(story, line);
	});

	it("'Note:' in the middle of a long story is story, not a note", () => {
		const paragraph = "Note: the manifest says forty crates, the dock says thirty-nine.";
		const long = [
			"Chapter 1: The Ferry",
			...STORY_PARAGRAPHS,
			paragraph,
			...STORY_AFTER,
			...STORY_PARAGRAPHS.map((line) => line.replace("Mira", "Tam")),
		].join("\n\n");
		const story = parse(long);
		expectInStory(story, paragraph);
		expect(story.notes).toHaveLength(0);
	});

	it("a strong opener in the middle makes only its own paragraph a note", () => {
		const story = parse(twoChapters({ middle: ["A/N: sorry, a note in the middle."] }));
		const note = onlyNote(story, "inline", 0, "sorry, a note in the middle.");
		expect(note.text).toBe("A/N: sorry, a note in the middle.");
		for (const line of [...STORY_PARAGRAPHS, ...STORY_AFTER]) expectInStory(story, line);
	});

	it("a tail opener that would take over 40% of the chapter does not swallow the story after it", () => {
		const opener = "A/N: I moved this note up here, the story continues below.";
		const rest = [
			"The storm reached the island at dusk, flattening the grass and rattling every shutter on the row.",
			"Mira stayed up all night by the lamp, feeding it oil and listening to the sea throw itself at the wall.",
			"At dawn the wind dropped all at once, and she went down to the harbour to count what was left of it.",
			"Every boat was still there. So was the goat, standing on the harbourmaster's roof, looking pleased.",
		];
		const text = ["Chapter 1: The Ferry", STORY_PARAGRAPHS[0], "* * *", opener, ...rest].join("\n\n");
		const story = parse(text);
		expect(notesOf(story, "tail")).toHaveLength(0);
		for (const line of rest) expectInStory(story, line);
		expectNotInStory(story, opener);
	});

	it("a head opener does not swallow the story paragraphs that follow it before a scene break", () => {
		// AUTHOR-NOTES rule 6: the head is the run of opener / metadata paragraphs.
		const opener = "A/N: Thanks for the reviews!";
		const text = [
			"Chapter 1: The Ferry",
			opener,
			...STORY_PARAGRAPHS.slice(0, 4),
			"* * *",
			...STORY_PARAGRAPHS.slice(4),
			...STORY_AFTER,
		].join("\n\n");
		const story = parse(text);
		const note = onlyNote(story, "head", 0, opener);
		expect(note.text).toBe(opener);
		for (const line of [...STORY_PARAGRAPHS, ...STORY_AFTER]) expectInStory(story, line);
	});
});

describe("scene breaks", () => {
	it.each([
		"~~~",
		"***",
		"* * *",
		"---",
		"----------",
		"~.~",
		".:O:.:O:.",
		"xXx",
		"XxX",
		"oOo",
		"xXxXxXx",
		"-x-x-",
		"~o~o~",
		"*",
		"◇◆◇",
		"＊＊＊",
		"=====",
		"~*~*~*~",
		"  * * *  ",
	])("%j is a scene break", (text) => {
		expect(isSceneBreak(text)).toBe(true);
		expect(isHeading(text)).toBe(false);
	});

	it.each([
		".",
		"",
		"   ",
		"xylophone",
		"Part of me knew.",
		"ox",
		"OK",
		"xoxo",
		"x",
		"Oh.",
		"---and then she ran.",
		"* * *\n* * *",
		"*".repeat(60),
		'"..."',
		"“…”",
		"'…'",
	])("%j is not a scene break", (text) => {
		expect(isSceneBreak(text)).toBe(false);
	});
});

describe("chapter headings", () => {
	it.each([
		"Chapter 3: Title",
		"Chapter 3 - Title",
		"Chapter 3 – Title",
		"Chapter 3 — The Long Way Round",
		"Chapter 12",
		"CHAPTER 12",
		"Chapter Three",
		"Chapter Twenty-One",
		"Chapter Three The Storm",
		"Chapter 3: The End.",
		"Ch. 3",
		"Ch. 3: Title",
		"Part II",
		"Part 2: The Return",
		"Book IV",
		"Prologue",
		"Epilogue",
		"Epilogue: Years Later",
		"Interlude",
		"Omake",
		"1. Title",
		"12. The Lighthouse",
		"Chapter 3: Field Notes",
	])("%j is a heading", (text) => {
		expect(isHeading(text)).toBe(true);
		expect(isSceneBreak(text)).toBe(false);
	});

	it.each([
		"Part of me knew.",
		"xylophone",
		"Chapter and verse were quoted at length in the letter.",
		"Chapters",
		"Prologues are hard.",
		"Partly cloudy",
		"Particles of dust hung in the lamplight.",
		"Bookshelves lined every wall",
		"Epilogue? There was none.",
		"1. is not a title",
		"Chapter 3: Title\nChapter 4: Another",
		`Chapter 3: ${"A very long title ".repeat(6)}`,
		"Chapter one was the worst, she decided.",
		"Epilogue was the word she hated most.",
		"Part mild, part wild, the wind came on.",
	])("%j is not a heading", (text) => {
		expect(isHeading(text)).toBe(false);
	});
});

describe("sanitizeText", () => {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for controls is the point
	const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

	it.each([
		["ESC (a colour sequence)", "red \u001b[31mtext\u001b[0m here"],
		["ESC (a title-setting OSC)", "a \u001b]0;pwned\u0007 b"],
		["C1 CSI 0x9B", "x \u009b31m y"],
		["C1 NEL and others", "a\u0085b\u0090c\u009fd"],
		["BEL", "ding\u0007dong"],
		["backspace", "hid\u0008\u0008\u0008den"],
		["NUL and DEL", "a\u0000b\u007fc"],
		["vertical tab and form feed", "a\u000bb\u000cc"],
		["bidi overrides", "abc\u202edcba\u202c and \u202aLRE\u202c \u202bRLE\u202c \u202dLRO\u202c"],
		["bidi isolates", "x\u2066y\u2067z\u2068w\u2069v"],
	])("%s never survives", (_name, input) => {
		const output = sanitizeText(input);
		expect(output).not.toMatch(DANGEROUS);
		// Offsets stay one-to-one: every control becomes exactly one stand-in, the rest is untouched.
		expect(output.length).toBe(input.length);
		for (let index = 0; index < input.length; index++) {
			const char = input[index] as string;
			if (!DANGEROUS.test(char)) expect(output[index], `index ${index}`).toBe(char);
			else expect(output[index], `index ${index}`).not.toBe(char);
		}
	});

	it.each([
		["CRLF", "one\r\ntwo\r\n\r\nthree", "one\ntwo\n\nthree"],
		["lone CR", "one\rtwo\r\rthree", "one\ntwo\n\nthree"],
		["mixed", "a\r\nb\rc\nd\r\r\ne", "a\nb\nc\nd\n\ne"],
		["BOM", "\ufeffTitle\nby Someone", "Title\nby Someone"],
		["BOM and CRLF", "\ufeffA\r\nB", "A\nB"],
	])("%s is normalised", (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});

	it("keeps tabs, newlines, curly quotes, CJK and emoji as they are", () => {
		const text = "\t“Hello”—she said.\n雪の手紙 ❄️ 👩‍👩‍👧 é";
		expect(sanitizeText(text)).toBe(text);
	});

	it("a parsed story never carries a control character into its blocks or notes", () => {
		const hostile = [
			"Chapter 1: \u001b[2JClear",
			"A/N: \u001b]0;title\u0007 hello\u009b",
			"* * *",
			"She typed\u0008\u0008\u0008 and \u202egnihtemos\u202c happened.\r\nThen more.",
			"~~~",
			"a/n: bye\u001b[5m",
		].join("\r\n\r\n");
		const story = parse(hostile);
		for (const text of [...story.blocks.map((block) => block.text), ...story.notes.map((note) => note.text)])
			expect(text).not.toMatch(DANGEROUS);
		expect(story.blocks.length).toBeGreaterThan(0);
	});
});
