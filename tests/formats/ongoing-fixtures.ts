// One ongoing work in three download formats (AO3 HTML, AO3 EPUB, FanFicFare EPUB), at any set of
// its chapters, and a three-part series: original text, built in code.

import type { LibraryEntry } from "../../source/core/library-rows.js";
import { CONTAINER, ncx, opf, type SpineFile, xhtml, zip } from "./fixtures.js";

export type ChapterKey = "prologue" | "one" | "two" | "three";

const TITLES: Record<ChapterKey, string> = {
	prologue: "Before the Tide",
	one: "The Salt Road",
	two: "Lanterns at Low Water",
	three: "The Drowned Bell",
};

const KEYWORDS: Record<ChapterKey, string> = { prologue: "gull", one: "salt", two: "lantern", three: "bell" };
const PLACES = ["harbour", "sea wall", "net loft", "chapel", "ferry slip", "rope walk", "boathouse", "lighthouse"];
const THINGS = ["a lantern", "a ledger", "a tin whistle", "a coil of rope", "a gull feather", "a brass key"];

/**
 * A chapter's paragraphs: a word of the chapter and the paragraph's number every few words, so
 * any few words of the work are found in one place only (a test can tell the same passage from
 * a similar one).
 */
export function chapterParagraphs(key: ChapterKey, count = 12): string[] {
	const word = KEYWORDS[key];
	return Array.from({ length: count }, (_, index) => {
		const n = index + 1;
		const place = PLACES[index % PLACES.length] as string;
		const thing = THINGS[(index * 5) % THINGS.length] as string;
		return `In ${TITLES[key].toLowerCase()}, paragraph ${n}: on ${word} evening ${n}, Mara took ${thing} (${word} ${n}) down to the ${place} by ${word} path ${n}, counted ${word} boat ${n} and ${word} boat ${n + 1} home against the light, and left ${word} lamp ${n} burning at the ${place} until the ${word} tide ${n} turned.`;
	});
}

/** The first words of a chapter's first paragraph, as the reader shows them. */
export function chapterOpening(key: ChapterKey): string {
	return `In ${TITLES[key].toLowerCase()}, paragraph 1:`;
}

export interface WorkOptions {
	chapters: ChapterKey[];
	title?: string;
	workId?: number;
	series?: { name: string; part: number; id: number };
	/** Paragraphs per chapter. */
	length?: number;
}

const SERIES_NAME = "The Tidewater Cycle";
const WORK_ID = 41000017;

const ao3Url = (id: number) => `https://archiveofourown.org/works/${id}`;

function ao3Preface(options: WorkOptions): string {
	const title = options.title ?? "Salt and Lanterns";
	const id = options.workId ?? WORK_ID;
	const series = options.series
		? `<dt class="series">Series:</dt><dd class="series"><span class="series"><span class="position">Part ${options.series.part} of <a href="https://archiveofourown.org/series/${options.series.id}">${options.series.name}</a></span></span></dd>`
		: "";
	const count = options.chapters.length;
	return `<div id="preface">
  <p class="message"><b>${title}</b><br/>Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="${ao3Url(id)}">${ao3Url(id)}</a>.</p>
  <div class="meta">
    <dl class="tags">
      <dt class="rating tags">Rating:</dt><dd class="rating tags"><a class="tag" href="#">General Audiences</a></dd>
      <dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><a class="tag" href="#">Original Work</a></dd>
      <dt class="language">Language:</dt><dd class="language">English</dd>
      ${series}
      <dt class="stats">Stats:</dt><dd class="stats">Published: 2026-01-04 Updated: 2026-0${count}-11 Words: ${count * 560} Chapters: ${count}/?</dd>
    </dl>
    <h1>${title}</h1>
    <div class="byline">by <a rel="author" href="#">saltmarsh</a></div>
    <p>Summary</p>
    <blockquote class="userstuff"><p>Mara keeps the harbour lights and counts the boats home.</p></blockquote>
  </div>
</div>`;
}

function ao3Chapter(key: ChapterKey, position: number, length: number): string {
	return `<div class="meta group"><h2 class="heading">Chapter ${position}: ${TITLES[key]}</h2>
    <p>Chapter Notes</p><blockquote class="userstuff"><p>Thank you for reading chapter ${position}!</p></blockquote></div>
  <div class="userstuff">
${chapterParagraphs(key, length)
	.map((text) => `<p>${text}</p>`)
	.join("\n")}
  </div>`;
}

const AO3_AFTERWORD = `<div id="afterword"><div class="meta"><div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>More soon, tide permitting.</p></blockquote></div></div>
<p class="message">Please <a href="#">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p></div>`;

/** The work as AO3's HTML download at these chapters. */
export function ongoingAo3Html(options: WorkOptions): string {
	const chapters = options.chapters.map((key, index) => ao3Chapter(key, index + 1, options.length ?? 12));
	return `<!DOCTYPE html><html><head><meta charset="UTF-8"/><title>${options.title ?? "Salt and Lanterns"} - saltmarsh</title></head><body>
${ao3Preface(options)}
<div id="chapters" class="userstuff">
${chapters.join("\n")}
</div>
${AO3_AFTERWORD}
</body></html>`;
}

/** The work as AO3's EPUB (calibre's split files), at these chapters. */
export function ongoingAo3Epub(options: WorkOptions): Uint8Array {
	const title = options.title ?? "Salt and Lanterns";
	const files: SpineFile[] = [
		{ id: "s0", href: "split_000.xhtml", content: xhtml(ao3Preface(options), "calibre", title), title: "Preface" },
		...options.chapters.map((key, index) => ({
			id: `s${index + 1}`,
			href: `split_00${index + 1}.xhtml`,
			content: xhtml(
				`<div${index === 0 ? ' id="chapters"' : ""} class="userstuff">${ao3Chapter(key, index + 1, options.length ?? 12)}</div>`,
				"calibre",
				title,
			),
			title: `Chapter ${index + 1}: ${TITLES[key]}`,
		})),
		{ id: "s9", href: "split_009.xhtml", content: xhtml(AO3_AFTERWORD, "calibre", title), title: "Afterword" },
	];
	return zip([
		["mimetype", "application/epub+zip"],
		["META-INF/container.xml", CONTAINER],
		["OEBPS/content.opf", opf(files, { title, author: "saltmarsh", subjects: ["Original Work"] })],
		["OEBPS/toc.ncx", ncx(files)],
		...files.map((file): [string, string] => [`OEBPS/${file.href}`, file.content]),
	]);
}

/**
 * The work as FanFicFare's EPUB of a fanfiction.net story: the story's address only in the OPF
 * (dc:source and dc:identifier) and the title page, the series in calibre's metadata and the title
 * page, and `(new)` after the titles of `marked` chapters (FanFicFare's mark_new_chapters).
 */
export function ongoingFanFicFareEpub(options: WorkOptions & { marked?: ChapterKey[] }): Uint8Array {
	const title = options.title ?? "Salt and Lanterns";
	const url = `https://www.fanfiction.net/s/${options.workId ?? 13500017}/1/${title.replace(/\W+/g, "-")}`;
	const chapterTitle = (key: ChapterKey, index: number) =>
		`${index + 1}. ${TITLES[key]}${options.marked?.includes(key) ? " (new)" : ""}`;
	const series = options.series ? `<b>Series:</b> ${options.series.name} [${options.series.part}]<br />` : "";
	const files: SpineFile[] = [
		{
			id: "title_page",
			href: "OEBPS/title_page.xhtml",
			content: xhtml(
				`<h3><a href="${url}">${title}</a> by <a class="authorlink" href="https://www.fanfiction.net/u/4242">saltmarsh</a></h3>
<div><b>Status:</b> In-Progress<br />${series}<b>Chapters:</b> ${options.chapters.length}<br /><b>Summary:</b> Mara keeps the harbour lights and counts the boats home.<br /></div>`,
				"fff_titlepage",
			),
		},
		...options.chapters.map((key, index) => ({
			id: `file${index + 1}`,
			href: `OEBPS/file${index + 1}.xhtml`,
			title: chapterTitle(key, index),
			content: xhtml(
				`<h3 class="fff_chapter_title">${chapterTitle(key, index)}</h3>\n<div>${chapterParagraphs(
					key,
					options.length ?? 12,
				)
					.map((text) => `<p>${text}</p>`)
					.join("\n")}</div>`,
				"fff_chapter",
			),
		})),
	];
	const calibre = options.series
		? `<meta name="calibre:series" content="${options.series.name}"/><meta name="calibre:series_index" content="${options.series.part}"/>`
		: "";
	const packageFile = opf(files, {
		title,
		author: "saltmarsh",
		contributor: "FanFicFare [https://github.com/JimmXinu/FanFicFare]",
		source: url,
	})
		.replace(/<dc:identifier id="uid">[^<]*<\/dc:identifier>/, `<dc:identifier id="uid">${url}</dc:identifier>`)
		.replace("<dc:language>", `${calibre}<dc:language>`);
	return zip([
		["mimetype", "application/epub+zip"],
		["META-INF/container.xml", CONTAINER.replace("OEBPS/content.opf", "content.opf")],
		["content.opf", packageFile],
		["toc.ncx", ncx(files)],
		...files.map((file): [string, string] => [file.href, file.content]),
	]);
}

/** The three works of a series as AO3 HTML, part by part: [file name, text]. File names sort in another order. */
export function seriesWorks(): Array<{ name: string; part: number; title: string; html: string }> {
	const works = [
		{ name: "c-harbour-lights.html", part: 1, title: "Harbour Lights" },
		{ name: "a-the-far-buoy.html", part: 2, title: "The Far Buoy" },
		{ name: "b-spring-tides.html", part: 3, title: "Spring Tides" },
	];
	return works.map((work) => ({
		...work,
		html: ongoingAo3Html({
			chapters: ["one"],
			title: work.title,
			workId: 52000000 + work.part,
			series: { name: SERIES_NAME, part: work.part, id: 9001 },
			length: 8,
		}),
	}));
}

/** The series' works as the library lists them in `folder`, each read (title and series known). */
export function seriesEntries(folder: string): LibraryEntry[] {
	return seriesWorks().map((work) => ({
		path: `${folder}/${work.name}`,
		name: work.name,
		kind: "story",
		percent: 0,
		title: work.title,
		series: { name: SERIES_NAME, part: work.part },
	}));
}

export { SERIES_NAME, TITLES, WORK_ID };
