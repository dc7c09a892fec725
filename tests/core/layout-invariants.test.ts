// Invariants of wrapping and paging: lines fit, text survives, anchors stay on screen, paging is reversible.

import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { type Line, layoutBlock, wrapWithOffsets } from "../../source/core/layout.js";
import {
	chapterBlockLines,
	firstPage,
	lineCountBefore,
	linesBefore,
	linesFrom,
	nextPage,
	type Page,
	pageAt,
	previousPage,
	type Viewport,
} from "../../source/core/paginate.js";
import type { Anchor, Block, Story } from "../../source/core/story.js";
import { parseStory } from "../../source/formats/open-story.js";
import {
	bundledStories,
	multiChapterStory,
	multiChapterText,
	SAMPLES,
	type SampleName,
	sampleStory,
} from "./story-fixtures.js";

const WIDTHS = [30, 40, 80, 120, 200];
const PAGE_WIDTHS = [30, 80, 200];
const HEIGHTS = [5, 24, 60];
const SAMPLE_NAMES = Object.keys(SAMPLES) as SampleName[];

const indentOf = (line: Line) => (line.role === "quote" ? 2 : 0);
const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const noSpace = (text: string) => text.replace(/\s+/g, "");

/** Lines of a block that carry its text (not the blank line after it, not a centred break mark). */
function textLines(lines: Line[]): Line[] {
	return lines.filter((line) => line.role === "text" || line.role === "quote" || line.role === "heading");
}

function storiesUnderTest(): Array<{ name: string; story: Story }> {
	return [
		{ name: "samples.txt", story: sampleStory() },
		{ name: "harbour.txt (generated)", story: multiChapterStory() },
		{
			name: "harbour.md (generated)",
			story: parseStory(
				multiChapterText(11)
					.replace(/^Chapter (\d+)/gm, "# Chapter $1")
					.replace(/^Epilogue$/m, "# Epilogue")
					.replace("One line.", "> A quoted letter, kept as story.\n> Signed, *the keeper*."),
				"harbour.md",
			).story,
		},
		...bundledStories().map(({ name, story }) => ({ name, story })),
	];
}

describe.each(SAMPLE_NAMES)("wrapping %s text", (name) => {
	const story = sampleStory([name]);
	const paragraphs = story.blocks
		.map((block, index) => ({ block, index }))
		.filter(({ block }) => block.kind === "paragraph");

	it("parses to at least one paragraph without tabs", () => {
		expect(paragraphs.length).toBeGreaterThan(0);
		for (const { block } of paragraphs) expect(block.text).not.toContain("\t");
	});

	it.each(WIDTHS)("every line fits %i cells", (width) => {
		for (const { index } of paragraphs) {
			for (const line of layoutBlock(story, index, width)) {
				expect(stringWidth(line.text), JSON.stringify(line.text)).toBeLessThanOrEqual(width);
			}
		}
	});

	it.each(WIDTHS)("each line's start offset points at its text at width %i", (width) => {
		for (const { block, index } of paragraphs) {
			const lines = layoutBlock(story, index, width);
			expect(lines.at(-1)?.role === "blank" || block.continues === true).toBe(true);
			let previousEnd = 0;
			for (const line of textLines(lines)) {
				const text = line.text.slice(indentOf(line));
				expect(block.text.slice(line.start, line.start + text.length), `line at ${line.start}`).toBe(text);
				// Only whitespace may fall between two lines; nothing is lost or repeated.
				expect(line.start).toBeGreaterThanOrEqual(previousEnd);
				expect(block.text.slice(previousEnd, line.start).trim(), `gap before ${line.start}`).toBe("");
				previousEnd = line.start + text.length;
			}
			expect(block.text.slice(previousEnd).trim(), "text after the last line").toBe("");
		}
	});

	it.each(WIDTHS)("joining the lines gives back the words at width %i", (width) => {
		for (const { block, index } of paragraphs) {
			const joined = textLines(layoutBlock(story, index, width))
				.map((line) => line.text.slice(indentOf(line)))
				.join(" ");
			expect(noSpace(joined)).toBe(noSpace(block.text));
			// wrap-ansi breaks only at ASCII spaces; a longer run (a long word, CJK without spaces) is cut anywhere.
			const fitsWordByWord = block.text.split(" ").every((word) => stringWidth(word) <= width);
			if (fitsWordByWord) expect(squash(joined)).toBe(squash(block.text));
		}
	});

	it("never needs fewer lines at a narrower width", () => {
		for (const { index } of paragraphs) {
			const counts = [...WIDTHS].sort((a, b) => a - b).map((width) => layoutBlock(story, index, width).length);
			for (let at = 1; at < counts.length; at++)
				expect(counts[at] as number).toBeLessThanOrEqual(counts[at - 1] as number);
		}
	});
});

describe("wrapWithOffsets", () => {
	it.each([
		["ideographic space after a hard break", `${"雪".repeat(14)}　${"の".repeat(20)}`, 30],
		["no-break space after a hard break", `${"a".repeat(29)}\u00a0${"b".repeat(20)}`, 30],
		["no-break space in CJK", `${"港".repeat(10)}\u00a0${"雨".repeat(30)}`, 21],
		["several spaces", "one  two   three    four     five      six", 9],
	])("keeps start offsets exact with %s", (_name, text, width) => {
		let previousEnd = 0;
		for (const line of wrapWithOffsets(text, width)) {
			expect(stringWidth(line.text)).toBeLessThanOrEqual(width);
			expect(text.slice(line.start, line.start + line.text.length), `line at ${line.start}`).toBe(line.text);
			expect(text.slice(previousEnd, line.start).trim()).toBe("");
			previousEnd = line.start + line.text.length;
		}
		expect(text.slice(previousEnd).trim()).toBe("");
	});

	it("is deterministic", () => {
		for (const text of Object.values(SAMPLES))
			for (const width of WIDTHS) expect(wrapWithOffsets(text, width)).toEqual(wrapWithOffsets(text, width));
	});
});

describe("layout is deterministic", () => {
	it("two parses of the same text lay out to the same lines at every width", () => {
		const first = multiChapterStory();
		const second = multiChapterStory();
		expect(second.blocks).toEqual(first.blocks);
		for (const width of WIDTHS) {
			for (let index = 0; index < first.blocks.length; index++) {
				expect(layoutBlock(second, index, width)).toEqual(layoutBlock(first, index, width));
			}
		}
	});

	it("laying out at other widths in between does not change a width's lines", () => {
		const story = multiChapterStory();
		const before = story.blocks.map((_, index) => structuredClone(layoutBlock(story, index, 80)));
		for (const width of [30, 200, 41]) {
			for (let index = 0; index < story.blocks.length; index++) layoutBlock(story, index, width);
		}
		expect(story.blocks.map((_, index) => layoutBlock(story, index, 80))).toEqual(before);
	});
});

describe("long paragraphs split into blocks", () => {
	const story = multiChapterStory();
	it("pieces of one paragraph join back to it and only the last piece is followed by a blank line", () => {
		const pieces = story.blocks.filter((block) => block.continues);
		expect(pieces.length).toBeGreaterThan(0);
		for (const [index, block] of story.blocks.entries()) {
			if (!block.continues) continue;
			const nextBlock = story.blocks[index + 1] as Block;
			expect(nextBlock.kind).toBe("paragraph");
			expect(nextBlock.chapter).toBe(block.chapter);
			expect(block.end).toBeLessThanOrEqual(nextBlock.start);
			expect(layoutBlock(story, index, 80).some((line) => line.role === "blank")).toBe(false);
		}
	});
});

// ---------------------------------------------------------------------------------------------
// Pagination

/** Every line of the story, chapter by chapter, as paging should show them. */
function chapterLines(story: Story, width: number): Line[][] {
	return story.chapters.map((chapter) => {
		const lines: Line[] = [];
		for (let block = chapter.firstBlock; block < chapter.endBlock; block++)
			lines.push(...chapterBlockLines(story, block, width, chapter));
		return lines;
	});
}

const key = (line: Line) => `${line.block}:${line.start}:${line.role}`;
const topKey = (anchor: Anchor) => `${anchor.block}:${anchor.offset}`;

/** Walk nextPage from the first page; stops after a generous bound so a loop cannot hang the test. */
function walk(story: Story, view: Viewport): Page[] {
	const pages: Page[] = [];
	let anchor: Anchor | undefined = firstPage();
	const bound = 20 + story.blocks.length * 50;
	while (anchor && pages.length < bound) {
		const page = pageAt(story, anchor, view);
		pages.push(page);
		anchor = nextPage(story, page, view);
	}
	return pages;
}

/** The line holding `anchor` among a block's lines: the last one starting at or before it. */
function holds(line: Line, lines: Line[], anchor: Anchor): boolean {
	if (line.block !== anchor.block || line.start > anchor.offset) return false;
	const after = lines.find((other) => other.block === line.block && other.start > line.start);
	return after === undefined || anchor.offset < after.start;
}

describe.each(storiesUnderTest())("paging $name", ({ story }) => {
	const views = PAGE_WIDTHS.flatMap((width) => HEIGHTS.map((height) => ({ width, height })));

	it("has several chapters and blocks to page through", () => {
		expect(story.blocks.length).toBeGreaterThan(5);
	});

	it.each(views)("walking nextPage visits every line in order and reaches the end ($width×$height)", (view) => {
		const pages = walk(story, view);
		const expected = chapterLines(story, view.width);
		const seen = pages.flatMap((page) => page.lines.map(key));
		expect(seen).toEqual(expected.flat().map(key));
		// Pages never cross a chapter: each chapter starts a page.
		const pageStarts = new Set(pages.map((page) => topKey(page.top)));
		for (const chapter of story.chapters) expect(pageStarts.has(`${chapter.firstBlock}:0`)).toBe(true);
		const visited = [...new Set(pages.flatMap((page) => page.lines.map((line) => line.block)))];
		expect(visited).toEqual(story.blocks.map((_, index) => index));
		expect(pages.at(-1)?.endsChapter).toBe(true);
		expect(nextPage(story, pages.at(-1) as Page, view)).toBeUndefined();
	});

	it.each(views)("pages never exceed the height and only chapter ends are short ($width×$height)", (view) => {
		for (const page of walk(story, view)) {
			expect(page.lines.length).toBeLessThanOrEqual(view.height);
			expect(page.lines.length).toBeGreaterThan(0);
			if (!page.endsChapter) expect(page.lines.length).toBe(view.height);
			for (const line of page.lines) expect(stringWidth(line.text)).toBeLessThanOrEqual(view.width);
			expect(page.lines.every((line) => story.blocks[line.block]?.chapter === page.chapter)).toBe(true);
		}
	});

	it.each(views)("forward then back returns to the same top inside a chapter ($width×$height)", (view) => {
		const byChapter = chapterLines(story, view.width);
		const starts = byChapter.flat().filter((_, index) => index % 3 === 0);
		let checked = 0;
		for (const line of starts) {
			const page = pageAt(story, { block: line.block, offset: line.start }, view);
			if (page.endsChapter) continue;
			const forward = nextPage(story, page, view);
			expect(forward).toBeDefined();
			const back = previousPage(story, pageAt(story, forward as Anchor, view), view);
			expect(back, `from ${topKey(page.top)}`).toEqual(page.top);
			checked++;
		}
		// Some chapter is longer than a page here, so some starting point must have been tried.
		if (byChapter.some((lines) => lines.length > view.height + 3)) expect(checked).toBeGreaterThan(0);
	});

	it("forward then back returns to the same top across a chapter boundary, at every size", () => {
		// Walking forward from the first page reaches each chapter's last page, usually a short one.
		const failures: string[] = [];
		for (const view of views) {
			for (const page of walk(story, view)) {
				if (!page.endsChapter) continue;
				const forward = nextPage(story, page, view);
				if (!forward) continue;
				const back = previousPage(story, pageAt(story, forward, view), view);
				if (!back || topKey(back) !== topKey(page.top))
					failures.push(
						`${view.width}×${view.height} chapter ${page.chapter}: ${topKey(page.top)} → ${topKey(forward)} → ${back && topKey(back)}`,
					);
			}
		}
		expect(failures).toEqual([]);
	});

	it("keeps an anchor in the middle of the story on the page pageAt shows, at every size", () => {
		const middle = Math.floor(story.blocks.length / 2);
		const candidates = [middle, middle + 1, story.blocks.length - 1, 0]
			.filter((block) => story.blocks[block]?.kind === "paragraph")
			.flatMap((block) => {
				const length = (story.blocks[block] as Block).text.length;
				return [0, Math.floor(length / 3), Math.floor(length / 2), Math.max(0, length - 1)].map((offset) => ({
					block,
					offset,
				}));
			});
		expect(candidates.length).toBeGreaterThan(0);
		for (const anchor of candidates) {
			for (const view of views) {
				const page = pageAt(story, anchor, view);
				const blockLines = layoutBlock(story, anchor.block, view.width);
				expect(
					page.lines.some((line) => holds(line, blockLines, anchor)),
					`${topKey(anchor)} at ${view.width}×${view.height}`,
				).toBe(true);
				expect(page.lines.length).toBeLessThanOrEqual(view.height);
			}
		}
	});

	it("keeps a page's top on screen through a resize and back", () => {
		const pages = walk(story, { width: 80, height: 24 });
		for (const page of pages.filter((_, index) => index % 2 === 1)) {
			for (const view of views) {
				const resized = pageAt(story, page.top, view);
				const blockLines = layoutBlock(story, page.top.block, view.width);
				expect(resized.lines.some((line) => holds(line, blockLines, page.top))).toBe(true);
			}
		}
	});

	it("resuming from any line start reproduces the rest of the chapter", () => {
		const width = 40;
		chapterLines(story, width).forEach((lines, chapter) => {
			for (let index = 0; index < lines.length; index += 5) {
				const line = lines[index] as Line;
				const rest = linesFrom(story, { block: line.block, offset: line.start }, width, lines.length);
				expect(rest.map(key), `chapter ${chapter} line ${index}`).toEqual(lines.slice(index).map(key));
			}
		});
	});
});

describe("counting the lines above a place", () => {
	it("gives as many lines as linesBefore returns, at every block and offset of every chapter", () => {
		const story = multiChapterStory();
		for (const width of PAGE_WIDTHS)
			for (const chapter of story.chapters)
				for (let block = chapter.firstBlock - 1; block <= chapter.endBlock; block++)
					for (const offset of [0, 7, 40, 10_000]) {
						const anchor = { block, offset };
						expect(lineCountBefore(story, anchor, width, chapter), `${width} ${block} ${offset}`).toBe(
							linesBefore(story, anchor, width, Number.POSITIVE_INFINITY, chapter).length,
						);
					}
	});
});
