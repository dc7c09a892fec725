// Saving and restoring a reading place: exact on the same text, by snippet on an edited one, clamped on a shorter one.

import { describe, expect, it } from "vitest";
import { firstPage, nextPage, type Page, pageAt, type Viewport } from "../../source/core/paginate.js";
import { placeOf, restorePlace, type SavedPlace } from "../../source/core/resume.js";
import type { Anchor, Story } from "../../source/core/story.js";
import { parseStory } from "../../source/formats/open-story.js";
import { asciiParagraph, bundledStories, multiChapterText, random } from "./story-fixtures.js";

const VIEWS: Viewport[] = [
	{ width: 80, height: 24 },
	{ width: 30, height: 5 },
	{ width: 120, height: 40 },
];

function pages(story: Story, view: Viewport): Page[] {
	const out: Page[] = [];
	let anchor: Anchor | undefined = firstPage();
	while (anchor && out.length < 20_000) {
		const page = pageAt(story, anchor, view);
		out.push(page);
		anchor = nextPage(story, page, view);
	}
	return out;
}

const where = (anchor: Anchor) => `${anchor.block}:${anchor.offset}`;

function inBounds(story: Story, anchor: Anchor): boolean {
	if (story.blocks.length === 0) return anchor.block === 0 && anchor.offset === 0;
	const block = story.blocks[anchor.block];
	return block !== undefined && anchor.offset >= 0 && anchor.offset <= block.text.length;
}

const texts = [
	...bundledStories().map(({ name, text }) => ({ name, text })),
	{ name: "harbour.txt", text: multiChapterText() },
];

describe.each(texts)("round trip on $name", ({ name, text }) => {
	const story = parseStory(text, name).story;

	it.each(VIEWS)("every page top at $width×$height comes back to the same page", (view) => {
		const failures: string[] = [];
		const all = pages(story, view);
		expect(all.length).toBeGreaterThan(0);
		for (const page of all) {
			const restored = restorePlace(story, placeOf(story, page.top));
			const again = pageAt(story, restored, view);
			if (where(again.top) !== where(page.top)) failures.push(`${where(page.top)} → ${where(restored)}`);
		}
		expect(failures).toEqual([]);
	});

	it("a saved place restores the same after being serialised and the file being parsed again", () => {
		const view = VIEWS[1] as Viewport;
		const reparsed = parseStory(text, name).story;
		for (const page of pages(story, view)) {
			const place = placeOf(story, page.top);
			const stored = JSON.parse(JSON.stringify(place)) as SavedPlace;
			expect(stored).toEqual(place);
			expect(restorePlace(reparsed, stored)).toEqual(restorePlace(story, place));
		}
	});
});

describe("restoring after the file changed", () => {
	const next = random(3);
	const inserted = [
		"Chapter 0: Before Everything",
		...Array.from({ length: 12 }, () => asciiParagraph(next, 80)),
		"~~~",
		"a/n: I added a prologue chapter, sorry for the repost!",
	].join("\n\n");

	/** Places worth checking: page tops whose snippet is long enough and appears once in `story`. */
	function distinctivePlaces(old: Story, story: Story, view: Viewport): Array<{ place: SavedPlace; top: Anchor }> {
		const all = story.blocks.map((block) => block.text).join("\n");
		return pages(old, view)
			.map((page) => ({ place: placeOf(old, page.top), top: page.top }))
			.filter(({ place }) => {
				const snippet = place.snippet.trim();
				return snippet.length >= 8 && all.indexOf(snippet) === all.lastIndexOf(snippet) && all.includes(snippet);
			});
	}

	it.each([
		["salt-and-static.txt", "Chapter 1: The Lighthouse Radio"],
		["harbour.txt", "Chapter 1: Plain Words"],
	])("%s with a chapter inserted at the start still finds the snippet's passage", (name, firstHeading) => {
		const text = name === "harbour.txt" ? multiChapterText() : texts.find((t) => t.name === name)?.text;
		expect(text).toContain(firstHeading);
		const before = parseStory(text as string, name).story;
		const after = parseStory((text as string).replace(firstHeading, `${inserted}\n\n${firstHeading}`), name).story;
		expect(after.chapters.length).toBe(before.chapters.length + 1);
		for (const view of VIEWS) {
			const places = distinctivePlaces(before, after, view);
			expect(places.length).toBeGreaterThan(3);
			for (const { place } of places) {
				const anchor = restorePlace(after, place);
				const block = after.blocks[anchor.block];
				expect(block?.text.slice(anchor.offset).startsWith(place.snippet.trim()), JSON.stringify(place)).toBe(true);
			}
		}
	});

	it("a passage that moved later in the same file is found by its snippet", () => {
		const text = multiChapterText();
		const story = parseStory(text, "harbour.txt").story;
		const target = story.blocks.findIndex((block) => block.text.startsWith("“You’re late,”"));
		expect(target).toBeGreaterThan(0);
		const place = placeOf(story, { block: target, offset: 0 });
		const moved = parseStory(
			text.replace("Chapter 2: Curly Things", `${inserted}\n\nChapter 2: Curly Things`),
			"h.txt",
		).story;
		const anchor = restorePlace(moved, place);
		expect(moved.blocks[anchor.block]?.text.startsWith("“You’re late,”")).toBe(true);
		expect(anchor.offset).toBe(0);
	});

	it.each([
		["to 40%", (text: string) => text.slice(0, Math.floor(text.length * 0.4))],
		["to its first paragraph", (text: string) => text.slice(0, text.indexOf("\n\n", 200))],
		["to one word", () => "Gone."],
		["to nothing", () => ""],
	])("a story that was shortened %s clamps without throwing", (_name, shorten) => {
		const text = multiChapterText();
		const story = parseStory(text, "harbour.txt").story;
		const shorter = parseStory(shorten(text), "harbour.txt").story;
		const view = VIEWS[0] as Viewport;
		const all = pages(story, view);
		const places = [all.at(-1), all.at(-2), all[Math.floor(all.length / 2)], all[0]]
			.filter((page): page is Page => page !== undefined)
			.map((page) => placeOf(story, page.top));
		places.push({ sourceOffset: text.length * 10, snippet: "a snippet that is nowhere at all in the text" });
		places.push({ sourceOffset: -50, snippet: "" });
		for (const place of places) {
			let anchor: Anchor | undefined;
			expect(() => {
				anchor = restorePlace(shorter, place);
			}).not.toThrow();
			expect(inBounds(shorter, anchor as Anchor), `${JSON.stringify(place)} → ${JSON.stringify(anchor)}`).toBe(true);
			const page = pageAt(shorter, anchor as Anchor, view);
			expect(page.lines.length).toBeLessThanOrEqual(view.height);
			if (shorter.blocks.length > 0) expect(page.lines.length).toBeGreaterThan(0);
		}
	});
});

describe("a page that starts on the blank line after a paragraph", () => {
	const paragraphs = [
		"The first paragraph of the ferry, about the crossing.",
		"The second paragraph, where the gulls come.",
		"The third, where the fog lifts over the slip.",
	];
	const story = parseStory(paragraphs.join("\n\n"), "ferry.txt").story;

	it("keeps the words after it as its snippet, and comes back to the same place", () => {
		const place = placeOf(story, { block: 0, offset: (story.blocks[0]?.text ?? "").length });
		expect(place.snippet).toBe("The second paragraph, where the gulls come.".slice(0, 48));
		expect(restorePlace(story, place)).toEqual({ block: 0, offset: (story.blocks[0]?.text ?? "").length });
	});

	it("is found by those words when paragraphs were inserted before it", () => {
		const place = placeOf(story, { block: 1, offset: (story.blocks[1]?.text ?? "").length });
		const longer = parseStory(
			["A new opening paragraph, inserted before the rest of the ferry story.", "And another one.", ...paragraphs].join(
				"\n\n",
			),
			"ferry.txt",
		).story;
		const restored = restorePlace(longer, place);
		expect(longer.blocks[restored.block]?.text.slice(restored.offset)).toMatch(/^The third, where the fog lifts/);
	});
});
