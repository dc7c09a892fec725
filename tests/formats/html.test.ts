import { describe, expect, it } from "vitest";
import { detectFormat, TAIL_BYTES, textFormat } from "../../source/formats/detect-format.js";
import { htmlBlocks } from "../../source/formats/html-blocks.js";
import { parseHtml } from "../../source/formats/html-dom.js";
import { ao3Html, fanficfareHtml, fanficfareTxt, windowsEpub } from "./fixtures.js";
import { chapterTitles, expectWellFormed, openFixture, storyText } from "./open-fixture.js";

const blocksOf = (html: string) => htmlBlocks(parseHtml(html).children);

describe("HTML blocks", () => {
	it("folds white space, decodes known entities and keeps unknown ones", () => {
		const [block] = blocksOf("<p>  One&nbsp;two\n   three &amp; &hellip; &zzmadeup; &#x263A;</p>");
		expect(block?.text).toBe("One\u00a0two three & … &zzmadeup; ☺");
	});

	it("keeps emphasis as ranges, merged, and across a <br> cut", () => {
		const [first, second] = blocksOf("<p>a <em>b <strong>c</strong></em> d<br/><i>e<br/>f</i> g</p>");
		expect(first?.text).toBe("a b c d");
		expect(first?.emphasis).toEqual([[2, 5]]);
		expect(blocksOf("<p><i>e<br/>f</i> g</p>").map((block) => [block.text, block.emphasis])).toEqual([
			["e", [[0, 1]]],
			["f g", [[0, 1]]],
		]);
		expect(second?.text).toBe("e");
	});

	it("makes <hr> and symbol rows scene breaks, and marks blockquote text", () => {
		const blocks = blocksOf("<p>x</p><hr/><p>* * *</p><blockquote><p>quoted</p>loose</blockquote>");
		expect(blocks.map((block) => [block.kind, block.text, block.quote !== undefined])).toEqual([
			["paragraph", "x", false],
			["scene-break", "* * *", false],
			["scene-break", "* * *", false],
			["paragraph", "quoted", true],
			["paragraph", "loose", true],
		]);
	});

	it("turns control characters from entities into visible stand-ins", () => {
		expect(blocksOf("<p>bell&#7;escape&#27;</p>")[0]?.text).toBe("bell␇escape␛");
	});

	it("gives offsets into the source that hold the text", () => {
		const html = "<html><body><h2>Title</h2>\n<p>First <b>bold</b> words.</p><p>Second.</p></body></html>";
		for (const block of blocksOf(html)) expect(html.slice(block.start, block.end)).toContain(block.text.split(" ")[0]);
	});
});

describe("format detection", () => {
	const bytes = (text: string) => new TextEncoder().encode(text);
	const detect = (text: string, name: string) => detectFormat(name, bytes(text), bytes(text).subarray(-TAIL_BYTES));

	it.each([
		["story.html", "<p>hi</p>", "html"],
		["story.HTM", "<p>hi</p>", "html"],
		["story.txt", "<!DOCTYPE html><html><body><p>hi</p></body></html>", "html"],
		["story", '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "html"],
		["story.md", "# Title", "markdown"],
		["story.txt", "Just text.\n\nMore text.", "text"],
	])("%s starting %j is %s", (name, text, format) => {
		expect(detect(text, name)).toBe(format);
	});

	it("knows FanFicFare's TXT layout, and an EPUB by its bytes or name", () => {
		expect(detect(fanficfareTxt(), "download.txt")).toBe("fanficfare-txt");
		expect(textFormat(fanficfareTxt().replace("TABLE OF CONTENTS", "CONTENTS"), "x.txt")).toBe("fanficfare-txt");
		const epub = windowsEpub();
		expect(detectFormat("book.zip", epub, epub)).toBe("epub");
		expect(detectFormat("book.epub", bytes("x"), bytes("x"))).toBe("epub");
	});
});

describe("HTML files", () => {
	it("tells AO3 from FanFicFare from any other page", () => {
		expect(openFixture(ao3Html(), "a.html").info?.format).toBe("AO3 HTML");
		expect(openFixture(fanficfareHtml(), "b.html").info?.format).toBe("FanFicFare HTML");
		expect(openFixture("<html><body><p>Hello.</p></body></html>", "c.html").info?.format).toBe("HTML");
	});

	it("reads any page: <title>, headings as chapters (h2 under a lone h1), plain-text notes", () => {
		const story = openFixture(
			`<html><head><title>Tab Title</title><meta name="author" content="penfold"></head><body>
<h1>The Heron Clock</h1>
<h2>One</h2><p>A/N: hello there, thanks for reading!</p><p>The clock struck the heron hour.</p>
<h2>Two</h2><p>Nobody else could hear it.</p><h3>A smaller heading</h3><p>Still chapter two.</p>
</body></html>`,
			"heron.html",
		);
		expect(story.title).toBe("The Heron Clock");
		expect(story.author).toBe("penfold");
		expect(chapterTitles(story)).toEqual(["One", "Two"]);
		expect(story.notes.map((note) => [note.kind, note.label, note.chapter])).toEqual([["head", "A/N", 0]]);
		expect(storyText(story)).toContain("A smaller heading");
		expectWellFormed(story);
	});
});

describe("controls smuggled in by entities and attributes", () => {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: finding controls is the point
	const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

	it("never reach the title, the tags, the source or the chapter titles", () => {
		const story = openFixture(
			ao3Html()
				.replace("<h1>The Weir Keeper</h1>", "<h1>The Weir&#27;]0;PWNED&#7; Keeper</h1>")
				.replace(">Rivers<", ">Riv&#x9b;ers&#x202e;<")
				.replace('href="https://archiveofourown.example/works/9900001"', 'href="https://x.example/works/1&#27;[31m"')
				.replace("Chapter 2: The Mill Herons", "Chapter 2: The&#27;[2J Mill Herons"),
			"smuggled.html",
		);
		const shown = [
			story.title,
			story.info?.sourceUrl,
			...Object.values(story.info?.tags ?? {}).flat(),
			...story.chapters.map((chapter) => chapter.title),
		].join("\n");
		expect(shown).toContain("Riv");
		expect(shown).not.toMatch(CONTROLS);
		expect(story.title).toBe("The Weir␛]0;PWNED␇ Keeper");
		expect(story.info?.sourceUrl).toBe("https://x.example/works/1␛[31m");
	});
});
