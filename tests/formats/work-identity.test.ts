// A story's identity from every source a download names it by, its series, its chapters' prints.

import { describe, expect, it } from "vitest";
import { identityOf, normalizeSource } from "../../source/core/identity.js";
import { storyFromBytes } from "../../source/formats/open-story.js";
import {
	CONTAINER,
	fanficfareEpub,
	fanficfareHtml,
	fanficfareTxt,
	fichubEpub,
	ncx,
	opf,
	type SpineFile,
	xhtml,
	zip,
} from "./fixtures.js";
import { ongoingAo3Epub, ongoingAo3Html, ongoingFanFicFareEpub, SERIES_NAME } from "./ongoing-fixtures.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const workOf = (content: string | Uint8Array, name: string) =>
	storyFromBytes(typeof content === "string" ? bytes(content) : content, name).work;

/** A plain EPUB whose only mention of its address is a `dc:identifier` (FanFicFare always writes one). */
function identifierOnlyEpub(url: string): Uint8Array {
	const files: SpineFile[] = [
		{ id: "c1", href: "c1.xhtml", title: "One", content: xhtml("<h2>One</h2><p>The tide came in at noon.</p>") },
	];
	const packageFile = opf(files, { title: "Tide", author: "someone" }).replace(
		/<dc:identifier id="uid">[^<]*<\/dc:identifier>/,
		`<dc:identifier id="uid" opf:scheme="URL">${url}</dc:identifier>`,
	);
	return zip([
		["mimetype", "application/epub+zip"],
		["META-INF/container.xml", CONTAINER],
		["OEBPS/content.opf", packageFile],
		["OEBPS/toc.ncx", ncx(files)],
		["OEBPS/c1.xhtml", files[0]?.content as string],
	]);
}

describe("the identity a file names", () => {
	it("is the AO3 work in an AO3 HTML download's preface", () => {
		expect(workOf(ongoingAo3Html({ chapters: ["one"] }), "a.html")).toMatchObject({
			identity: "ao3-41000017",
			source: "https://archiveofourown.org/works/41000017",
		});
	});

	it("is the AO3 work in an AO3 EPUB", () => {
		expect(workOf(ongoingAo3Epub({ chapters: ["one", "two"] }), "a.epub").identity).toBe("ao3-41000017");
	});

	it("is the fanfiction.net story of a FanFicFare EPUB (dc:source, title page), its chapter and slug dropped", () => {
		const work = workOf(ongoingFanFicFareEpub({ chapters: ["one"], workId: 777 }), "f.epub");
		expect(work).toMatchObject({ identity: "ffn-777", source: "https://fanfiction.net/s/777" });
	});

	it("is read from a URL dc:identifier when nothing else names the source", () => {
		expect(workOf(identifierOnlyEpub("https://www.fanfiction.net/s/31/2/Tide"), "t.epub").identity).toBe("ffn-31");
	});

	it("is the hash of any other site's address: FanFicFare HTML and EPUB, FicHub", () => {
		const dusk = "https://example.org/s/4242/1/The-Dusk-Bridge";
		expect(workOf(fanficfareHtml(), "d.html").identity).toBe(identityOf(dusk));
		expect(workOf(fanficfareEpub(), "d.epub").identity).toBe(identityOf(dusk));
		expect(identityOf(dusk)).toMatch(/^src-[0-9a-f]{16}$/);
		expect(workOf(fichubEpub(), "l.epub")).toMatchObject({
			identity: identityOf("https://example.net/s/31337"),
			source: "https://example.net/s/31337",
		});
	});

	it("is the URL line of a FanFicFare TXT's header", () => {
		const text = fanficfareTxt().replace(
			"Category: Original Work",
			"Story URL: https://www.fanfiction.net/s/8080/1/\r\nCategory: Original Work",
		);
		expect(workOf(text, "d.txt").identity).toBe("ffn-8080");
	});

	it("is nothing for a file that names no source, or a malformed one", () => {
		expect(workOf("Just a story.\n\nWith two paragraphs.\n", "p.txt").identity).toBeUndefined();
		const broken = ongoingAo3Html({ chapters: ["one"] }).replaceAll(
			"https://archiveofourown.org/works/41000017",
			"https://archive ofourown.org/works/41000017",
		);
		expect(workOf(broken, "b.html").identity).toBeUndefined();
	});
});

describe("normalizing a source", () => {
	it.each([
		["http://www.archiveofourown.org/works/12/chapters/34#main", "https://archiveofourown.org/works/12", "ao3-12"],
		["https://archiveofourown.org/collections/tidepool/works/12", "https://archiveofourown.org/works/12", "ao3-12"],
		["https://m.fanfiction.net/s/5/3/A-Slug?x=1", "https://fanfiction.net/s/5", "ffn-5"],
		["https://www.fictionpress.com/s/9/1/", "https://fictionpress.com/s/9", "fp-9"],
		["https://Example.ORG/story/77/", "https://example.org/story/77", identityOf("https://example.org/story/77")],
	])("%s is %s (%s)", (raw, normalized, identity) => {
		expect(normalizeSource(raw)).toBe(normalized);
		expect(identityOf(raw)).toBe(identity);
	});

	it.each(["not a url", "javascript:alert(1)", "ftp://archiveofourown.org/works/1", "https://localhost/works/1"])(
		"refuses %s",
		(raw) => {
			expect(identityOf(raw)).toBeUndefined();
		},
	);

	it("gives no identity to an AO3 address that is not a work's, nor to a site's front page", () => {
		expect(identityOf("https://archiveofourown.org/users/saltmarsh")).toBeUndefined();
		expect(identityOf("https://example.org/")).toBeUndefined();
	});
});

describe("series and chapters", () => {
	const series = { name: SERIES_NAME, part: 2, id: 9001 };

	it("keeps AO3's `Part N of` with the series address", () => {
		expect(workOf(ongoingAo3Html({ chapters: ["one"], series }), "a.html").series).toEqual({
			name: SERIES_NAME,
			part: 2,
			url: "https://archiveofourown.org/series/9001",
		});
		expect(workOf(ongoingAo3Epub({ chapters: ["one"], series }), "a.epub").series?.part).toBe(2);
	});

	it("keeps FanFicFare's series (title page and calibre metadata)", () => {
		expect(workOf(ongoingFanFicFareEpub({ chapters: ["one"], series }), "f.epub").series).toEqual({
			name: SERIES_NAME,
			part: 2,
		});
	});

	it("drops FanFicFare's (new) marks from chapter titles", () => {
		const opened = storyFromBytes(ongoingFanFicFareEpub({ chapters: ["one", "two"], marked: ["two"] }), "f.epub");
		expect(opened.story.chapters.map((chapter) => chapter.title)).toEqual([
			"1. The Salt Road",
			"2. Lanterns at Low Water",
		]);
	});

	it("prints each chapter by its text alone: the same in every format, whatever the title or notes", () => {
		const prints = (work: ReturnType<typeof workOf>) => work.chapters?.map((chapter) => chapter.fingerprint);
		const html = prints(workOf(ongoingAo3Html({ chapters: ["one", "two"] }), "a.html"));
		expect(html).toHaveLength(2);
		expect(html?.[0]).toMatch(/^[0-9a-f]{12}$/);
		expect(html?.[0]).not.toBe(html?.[1]);
		expect(prints(workOf(ongoingAo3Epub({ chapters: ["one", "two"] }), "a.epub"))).toEqual(html);
		expect(prints(workOf(ongoingFanFicFareEpub({ chapters: ["one", "two"], marked: ["two"] }), "f.epub"))).toEqual(
			html,
		);
		// Inserted before them, the chapters are renumbered and their notes say other numbers: same prints.
		expect(prints(workOf(ongoingAo3Html({ chapters: ["prologue", "one", "two"] }), "a.html"))?.slice(1)).toEqual(html);
	});
});
