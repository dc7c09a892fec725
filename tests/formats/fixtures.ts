// Small story files in each download format, built in code with original text (nothing from real works).

import { strToU8, zipSync } from "fflate";

// ── Zip and EPUB plumbing ────────────────────────────────────────────────────────────────────────

/** A zip of `files` in order; `mimetype` (if present) is stored uncompressed, as EPUB wants. */
export function zip(files: Array<[string, string | Uint8Array]>): Uint8Array {
	const entries: Record<string, [Uint8Array, { level: 0 | 9 }]> = {};
	for (const [name, content] of files) {
		entries[name] = [typeof content === "string" ? strToU8(content) : content, { level: name === "mimetype" ? 0 : 9 }];
	}
	return zipSync(entries);
}

/** Damage one deflated entry so that inflating it fails ("invalid block type"). */
export function corruptEntry(archive: Uint8Array, name: string): Uint8Array {
	const bytes = archive.slice();
	const encoded = strToU8(name);
	for (let at = 0; at + 30 < bytes.length; at++) {
		if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 3 || bytes[at + 3] !== 4) continue;
		const view = new DataView(bytes.buffer, bytes.byteOffset + at);
		const nameLength = view.getUint16(26, true);
		const extraLength = view.getUint16(28, true);
		const size = view.getUint32(18, true);
		const found = bytes.subarray(at + 30, at + 30 + nameLength);
		if (found.length !== encoded.length || !found.every((byte, index) => byte === encoded[index])) continue;
		const data = at + 30 + nameLength + extraLength;
		bytes.fill(0xff, data, data + size);
		return bytes;
	}
	throw new Error(`no entry ${name}`);
}

export const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export interface SpineFile {
	id: string;
	href: string;
	content: string;
	title?: string;
}

export interface OpfOptions {
	title: string;
	author: string;
	description?: string;
	subjects?: string[];
	source?: string;
	contributor?: string;
	version?: "2.0" | "3.0";
	/** Extra manifest items that are not in the spine (nav, ncx). */
	extra?: string;
	/** Spine items that are named in the package but not in the archive. */
	missing?: string[];
}

export function opf(files: SpineFile[], options: OpfOptions): string {
	const dc = (name: string, value?: string) => (value ? `<dc:${name}>${value}</dc:${name}>` : "");
	const items = [...files.map((file) => file.id), ...(options.missing ?? [])];
	return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${options.version ?? "2.0"}" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:identifier id="uid">fixture-${options.title.replace(/\W+/g, "-")}</dc:identifier>
    ${dc("title", options.title)}
    <dc:creator opf:role="aut">${options.author}</dc:creator>
    ${dc("contributor", options.contributor)}
    ${dc("description", options.description)}
    ${(options.subjects ?? []).map((subject) => dc("subject", subject)).join("\n    ")}
    ${dc("source", options.source)}
    <dc:language>en</dc:language>
  </metadata>
  <manifest>
    ${files.map((file) => `<item id="${file.id}" href="${file.href}" media-type="application/xhtml+xml"/>`).join("\n    ")}
    ${(options.missing ?? []).map((id) => `<item id="${id}" href="${id}.xhtml" media-type="application/xhtml+xml"/>`).join("\n    ")}
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    ${options.extra ?? ""}
  </manifest>
  <spine toc="ncx">
    ${items.map((id) => `<itemref idref="${id}"/>`).join("\n    ")}
  </spine>
</package>`;
}

export function ncx(files: SpineFile[]): string {
	const points = files
		.filter((file) => file.title)
		.map(
			(file, index) =>
				`<navPoint id="p${index}" playOrder="${index + 1}"><navLabel><text>${file.title}</text></navLabel><content src="${file.href}"/></navPoint>`,
		);
	return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
${points.join("\n")}
</navMap></ncx>`;
}

export function xhtml(body: string, bodyClass = "", title = "x"): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>${title}</title><link href="stylesheet.css" type="text/css" rel="stylesheet"/></head>
<body${bodyClass ? ` class="${bodyClass}"` : ""}>
${body}
</body>
</html>`;
}

/** An EPUB 2 with container.xml, an OPF and an NCX under OEBPS/. */
export function epub2(files: SpineFile[], options: OpfOptions): Uint8Array {
	return zip([
		["mimetype", "application/epub+zip"],
		["META-INF/container.xml", CONTAINER],
		["OEBPS/content.opf", opf(files, options)],
		["OEBPS/toc.ncx", ncx(files)],
		...files.map((file): [string, string] => [`OEBPS/${file.href}`, file.content]),
	]);
}

// ── AO3 ──────────────────────────────────────────────────────────────────────────────────────────

interface Ao3Chapter {
	heading: string;
	summary?: string;
	notes?: string;
	endNotes?: string;
	body: string;
}

const AO3_CHAPTERS: Ao3Chapter[] = [
	{
		heading: "Chapter 1: Low Water",
		summary: "<p>Ada counts eels and finds a bottle.</p>",
		notes: "<p>Thank you to M. for reading this over &amp; fixing my commas.</p>",
		endNotes: "<p>The weir in this story is made up, but the eel counts are not.</p>",
		body: `<p>The weir sang when the river was low, a thin hum&nbsp;that Ada felt in her back teeth before she heard it.</p>
<p>She counted the eels into the ledger &mdash; fourteen, then fifteen &hellip; and a glass bottle turned over in the sluice like a slow fish. The label said &madeup; in faded ink.</p>
<blockquote><p>Dear whoever keeps the weir,</p><p>The herons have started nesting on the old mill again. Leave them be.</p></blockquote>
<hr/>
<p>She left them be. She wrote <em>herons: two</em> under the eels, and underlined it.</p>`,
	},
	{
		heading: "Chapter 2: The Mill Herons",
		body: `<p>A/N: Cross-posting from my journal, so this note snuck into the chapter text. Sorry!</p>
<p>The herons stood on the mill roof like two grey umbrellas somebody had forgotten to fold.</p>
<p>Ada wrote back on the bottle's own paper and sent it downstream with the evening flow.</p>`,
	},
	{
		heading: "Chapter 3: High Water",
		notes: "<p>Last one! This chapter was the hardest to write.</p>",
		body: `<p>The spring flood came in one night and took the ledger's bottom shelf with it.</p>
<p>In the morning there was a new bottle in the sluice, and the handwriting was the same.</p>`,
	},
];

const AO3_TAGS = `<dl class="tags">
      <dt class="rating tags">Rating:</dt><dd class="rating tags"><a class="tag" href="https://archiveofourown.example/tags/General%20Audiences">General Audiences</a></dd>
      <dt class="warning tags">Archive Warning:</dt><dd class="warning tags"><a class="tag" href="#">No Archive Warnings Apply</a></dd>
      <dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><a class="tag" href="#">Original Work</a></dd>
      <dt class="relationship tags">Relationships:</dt><dd class="relationship tags"><a class="tag" href="#">Ada Miller &amp; Herons</a>, <a class="tag" href="#">Ada Miller/Pen Pal</a></dd>
      <dt class="character tags">Characters:</dt><dd class="character tags"><a class="tag" href="#">Ada Miller</a>, <a class="tag" href="#">The Herons</a></dd>
      <dt class="freeform tags">Additional Tags:</dt><dd class="freeform tags"><a class="tag" href="#">Rivers</a>, <a class="tag" href="#">Letters</a>, <a class="tag" href="#">Slow Burn</a></dd>
      <dt class="language">Language:</dt><dd class="language">English</dd>
      <dt class="stats">Stats:</dt>
      <dd class="stats">
        Published: 2024-03-01
        Completed: 2024-03-15
        Words: 311
        Chapters: 3/3
      </dd>
    </dl>`;

function ao3Preface(): string {
	return `<div id="preface">
  <h2 class="toc-heading">Preface</h2>
  <p class="message">
    <b>The Weir Keeper</b><br/>
    Posted originally on the <a href="https://archiveofourown.example/">Archive of Our Own</a> at <a href="https://archiveofourown.example/works/9900001">https://archiveofourown.example/works/9900001</a>.
  </p>
  <div class="meta">
    ${AO3_TAGS}
    <h1>The Weir Keeper</h1>
    <div class="byline">by <a rel="author" href="https://archiveofourown.example/users/fernwhistle/pseuds/fernwhistle">fernwhistle</a></div>
    <p>Summary</p>
    <blockquote class="userstuff"><p>Ada keeps the weir and its ledger. Somebody upstream keeps writing to her.</p><p>(A quiet river story.)</p></blockquote>
    <p>Notes</p>
    <blockquote class="userstuff"><p>For the river swap. Written in a week, beta'd by a kind stranger.</p></blockquote>
    <div class="endnote-link">See the end of the work for <a href="#endnotes">more notes</a></div>
  </div>
</div>`;
}

function ao3Chapter(chapter: Ao3Chapter, position: number): string {
	const meta = [`<h2 class="heading">${chapter.heading}</h2>`];
	if (chapter.summary)
		meta.push(`<p>Chapter Summary</p>`, `<blockquote class="userstuff">${chapter.summary}</blockquote>`);
	if (chapter.notes || chapter.endNotes) meta.push(`<p>Chapter Notes</p>`);
	if (chapter.notes) meta.push(`<blockquote class="userstuff">${chapter.notes}</blockquote>`);
	if (chapter.endNotes)
		meta.push(
			`<div class="endnote-link">(See the end of the chapter for <a href="#endnotes${position}">${chapter.notes ? "more notes" : "notes"}</a>.)</div>`,
		);
	const end = chapter.endNotes
		? `<div class="meta" id="endnotes${position}"><p>Chapter End Notes</p><blockquote class="userstuff">${chapter.endNotes}</blockquote></div>`
		: "";
	return `<div class="meta group">
    ${meta.join("\n    ")}
  </div>
  <!--chapter content-->
  <div class="userstuff">
${chapter.body}
  </div>
  <!--/chapter content-->
  ${end}`;
}

const AO3_AFTERWORD = `<div id="afterword">
  <h2 class="toc-heading">Afterword</h2>
  <div class="meta">
    <div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>Thanks for reading! The herons are real and they live on my street.</p></blockquote></div>
  </div>
  <p class="message">Please <a href="https://archiveofourown.example/works/9900001/comments/new">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>`;

/** An AO3 HTML download of a three-chapter work with every kind of note. */
export function ao3Html(): string {
	return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8"/>
<title>The Weir Keeper - fernwhistle - Original Work</title>
<link rel="stylesheet" type="text/css" href="https://archiveofourown.example/downloads.css"/>
</head>
<body>
${ao3Preface()}
<div id="chapters" class="userstuff">
  ${AO3_CHAPTERS.map((chapter, index) => ao3Chapter(chapter, index + 1)).join("\n  ")}
</div>
${AO3_AFTERWORD}
</body>
</html>`;
}

/** A one-chapter AO3 download: no chapter heading or meta, just the text under #chapters. */
export function ao3OneShotHtml(): string {
	return `<!DOCTYPE html><html><head><meta charset="UTF-8"/><title>Reed Song</title></head><body>
<div id="preface"><p class="message"><b>Reed Song</b><br/>Posted originally on the <a href="https://archiveofourown.example/">Archive of Our Own</a> at <a href="https://archiveofourown.example/works/9900002">https://archiveofourown.example/works/9900002</a>.</p>
<div class="meta"><h1>Reed Song</h1><div class="byline">by <a rel="author" href="#">marshlight</a></div>
<p>Notes</p><blockquote class="userstuff"><p>Warnings: none, just reeds.</p></blockquote></div></div>
<div id="chapters" class="userstuff"><div class="userstuff">
<p>The reeds along the dyke were taller than the boy who cut them.</p>
<p>He sang while he worked, and the reeds sang back when the wind came round.</p>
</div></div>
<div id="afterword"><div class="meta"><div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>Written for a prompt about sound.</p></blockquote></div></div>
<p class="message">Please <a href="#">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p></div>
</body></html>`;
}

/** calibre renames classes; this renames every class attribute to calibreN, as its EPUB output does. */
function calibreClasses(html: string): string {
	const names = new Map<string, string>();
	return html.replace(/class="([^"]*)"/g, (_match, value: string) => {
		if (!names.has(value)) names.set(value, `calibre${names.size + 1}`);
		return `class="${names.get(value)}"`;
	});
}

/** AO3's EPUB: the same download run through calibre, split into files, classes renamed. */
export function ao3CalibreEpub(): Uint8Array {
	const split = (body: string) => xhtml(calibreClasses(body), "calibre", "The Weir Keeper");
	const chapters = AO3_CHAPTERS.map((chapter, index) => {
		const inner = ao3Chapter(chapter, index + 1).replace(/<!--[\s\S]*?-->/g, "");
		// The split copies keep the wrapper; only the first keeps its id.
		return index === 0
			? `<div id="chapters" class="userstuff">${inner}</div>`
			: `<div class="userstuff">${inner}</div>`;
	});
	const files: SpineFile[] = [
		{ id: "titlepage", href: "titlepage.xhtml", content: xhtml(`<div><svg><image href="cover.jpeg"/></svg></div>`) },
		{ id: "s0", href: "The_Weir_Keeper_split_000.xhtml", content: split(ao3Preface()), title: "Preface" },
		...chapters.map((body, index) => ({
			id: `s${index + 1}`,
			href: `The_Weir_Keeper_split_00${index + 1}.xhtml`,
			content: split(body),
			title: (AO3_CHAPTERS[index] as Ao3Chapter).heading,
		})),
		{ id: "s9", href: "The_Weir_Keeper_split_009.xhtml", content: split(AO3_AFTERWORD), title: "Afterword" },
	];
	return epub2(files, { title: "The Weir Keeper", author: "fernwhistle", subjects: ["Original Work"] });
}

// ── FanFicFare ───────────────────────────────────────────────────────────────────────────────────

const FFF_ENTRIES: Array<[string, string]> = [
	["Category", "Original Work"],
	["Genre", "Adventure, Friendship"],
	["Characters", "Tamsin, Orrin"],
	["Status", "Completed"],
	["Published", "2023-06-01"],
	["Updated", "2023-06-20"],
	["Rating", "Teen And Up Audiences"],
	["Chapters", "2"],
	["Words", "264"],
	["Summary", "Two couriers, one lost parcel and a bridge that only opens at dusk."],
];

const FFF_CHAPTERS = [
	{
		title: "Chapter 1: The Parcel",
		head: `<div class="fff_chapter_notes fff_head_notes"><b>Author's Note:</b><blockquote><p>First fic in years, be gentle!</p><p>Updates on Sundays.</p></blockquote><b>Summary for the Chapter:</b><blockquote><p>Tamsin signs for something she should not have.</p></blockquote></div>`,
		body: `<p>Tamsin signed for the parcel before she read the address, which was her first mistake of the week.</p>
<p>The second was opening it. Inside lay a brass key, <i>warm</i>, as if someone had been holding it a long time.</p>
<div class="center">* * *</div>
<p>Orrin looked at the key and then at her. "That goes to the dusk bridge," he said.</p>`,
		foot: `<div class="fff_chapter_notes fff_foot_notes"><b>Notes for the Chapter:</b><blockquote><p>The dusk bridge is based on a drawbridge near my aunt's house.</p></blockquote></div>`,
	},
	{
		title: "Chapter 2: The Dusk Bridge",
		head: "",
		body: `<p>They reached the bridge as the lamps came on. It lay folded in the middle like a hand keeping a secret.</p>
<blockquote><p>TO BE OPENED BY THE BEARER OF THE KEY, AT DUSK, AND NOT BEFORE.</p></blockquote>
<p>Tamsin turned the key. The bridge unfolded, and the lost parcel's owner was waiting on the other side.</p>`,
		foot: `<div class="fff_chapter_notes fff_foot_notes"><b>Chapter End Notes:</b><blockquote><p>That's the end! Thank you all for the lovely comments.</p></blockquote></div>`,
	},
];

function fffTitlePage(table: boolean): string {
	const rows = FFF_ENTRIES.map(([label, value]) =>
		table ? `<tr><td><b>${label}:</b></td><td>${value}</td></tr>` : `<b>${label}:</b> ${value}<br />`,
	);
	return table ? `<table class="full">\n${rows.join("\n")}\n</table>` : `<div>\n${rows.join("\n")}\n</div>`;
}

const FFF_URL = "https://example.org/s/4242/1/The-Dusk-Bridge";

/** A FanFicFare EPUB: title page, contents page, one file per chapter, notes in fff_chapter_notes. */
export function fanficfareEpub(): Uint8Array {
	const files: SpineFile[] = [
		{
			id: "title_page",
			href: "title_page.xhtml",
			content: xhtml(
				`<h3><a href="${FFF_URL}">The Dusk Bridge</a> by <a class="authorlink" href="https://example.org/u/77">quillmoth</a></h3>\n${fffTitlePage(false)}`,
				"fff_titlepage",
			),
		},
		{
			id: "toc_page",
			href: "toc_page.xhtml",
			content: xhtml(
				`<div><h3>Table of Contents</h3>${FFF_CHAPTERS.map((chapter, index) => `<a href="file000${index + 1}.xhtml">${chapter.title}</a><br />`).join("")}</div>`,
				"fff_tocpage",
			),
		},
		...FFF_CHAPTERS.map((chapter, index) => ({
			id: `file000${index + 1}`,
			href: `file000${index + 1}.xhtml`,
			title: chapter.title,
			content: xhtml(
				`<h3 class="fff_chapter_title">${chapter.title}</h3>\n<div>${chapter.head}\n${chapter.body}\n${chapter.foot}</div>`,
				"fff_chapter",
				chapter.title,
			),
		})),
	];
	return zip([
		["mimetype", "application/epub+zip"],
		["META-INF/container.xml", CONTAINER.replace("OEBPS/content.opf", "content.opf")],
		[
			"content.opf",
			opf(files, {
				title: "The Dusk Bridge",
				author: "quillmoth",
				contributor: "FanFicFare [https://github.com/JimmXinu/FanFicFare]",
				description: "&lt;p&gt;Two couriers, one lost parcel and a bridge that only opens at dusk.&lt;/p&gt;",
				subjects: ["Adventure", "Friendship"],
				source: FFF_URL,
			}),
		],
		["toc.ncx", ncx(files)],
		...files.map((file): [string, string] => [file.href, file.content]),
	]);
}

/** FanFicFare's HTML output of the same story. */
export function fanficfareHtml(): string {
	return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>The Dusk Bridge by quillmoth</title>
<style type="text/css">body { margin: 2%; }</style>
</head>
<body>
<h1><a href="${FFF_URL}">The Dusk Bridge</a> by <a class="authorlink" href="https://example.org/u/77">quillmoth</a></h1>
${fffTitlePage(true)}
<a name="TOCTOP"><h2>Table of Contents</h2></a>
<p>
${FFF_CHAPTERS.map((chapter, index) => `<a href="#section000${index + 1}">${chapter.title}</a><br />`).join("\n")}
</p>
${FFF_CHAPTERS.map((chapter, index) => `<a name="section000${index + 1}"><h2>${chapter.title}</h2></a>\n<div>${chapter.head}\n${chapter.body}\n${chapter.foot}</div>`).join("\n")}
</body>
</html>`;
}

/** Wrap a paragraph at `width` columns, as FanFicFare's TXT writer (textwrap) does. */
export function hardWrap(text: string, width = 78, prefix = ""): string[] {
	const lines: string[] = [];
	let line = "";
	for (const word of text.split(" ")) {
		if (line !== "" && prefix.length + line.length + 1 + word.length > width) {
			lines.push(prefix + line);
			line = word;
		} else line = line === "" ? word : `${line} ${word}`;
	}
	if (line !== "") lines.push(prefix + line);
	return lines;
}

/** FanFicFare's TXT output: title page, TABLE OF CONTENTS, tab-indented chapters, CRLF, 78 columns. */
export function fanficfareTxt(): string {
	const paragraph = (text: string) => [...hardWrap(text), ""];
	const quote = (texts: string[]) =>
		texts.flatMap((text, index) => [...(index > 0 ? [">"] : []), ...hardWrap(text, 78, "> ")]).concat("");
	const lines = [
		"",
		"",
		"",
		"The Dusk Bridge",
		"",
		"by quillmoth",
		"",
		"",
		"",
		...FFF_ENTRIES.flatMap(([label, value]) => hardWrap(`${label}: ${value}`)),
		"",
		"",
		"",
		"",
		"",
		"TABLE OF CONTENTS",
		"",
		...FFF_CHAPTERS.flatMap((chapter) => ["", chapter.title]),
		"",
		"",
		"",
		"\tChapter 1: The Parcel",
		"",
		"**Author's Note:**",
		"",
		...quote(["First fic in years, be gentle!", "Updates on Sundays."]),
		"**Summary for the Chapter:**",
		"",
		...quote(["Tamsin signs for something she should not have."]),
		...paragraph(
			"Tamsin signed for the parcel before she read the address, which was her first mistake of the week. It was a long week, and it would get longer before it got better.",
		),
		...paragraph(
			"The second was opening it. Inside lay a brass key, _warm_, as if someone had been holding it a long time.",
		),
		"* * *",
		"",
		...paragraph('Orrin looked at the key and then at her. "That goes to the dusk bridge," he said.'),
		"**Notes for the Chapter:**",
		"",
		...quote(["The dusk bridge is based on a drawbridge near my aunt's house."]),
		"",
		"\tChapter 2: The Dusk Bridge",
		"",
		...paragraph(
			"They reached the bridge as the lamps came on. It lay folded in the middle like a hand keeping a secret.",
		),
		...quote(["TO BE OPENED BY THE BEARER OF THE KEY, AT DUSK, AND NOT BEFORE."]),
		...paragraph(
			"Tamsin turned the key. The bridge unfolded, and the lost parcel's owner was waiting on the other side.",
		),
		"**Chapter End Notes:**",
		"",
		...quote(["That's the end! Thank you all for the lovely comments."]),
		"",
		"End file.",
		"",
	];
	return lines.join("\r\n");
}

// ── FicHub and generic EPUB ──────────────────────────────────────────────────────────────────────

/** A FicHub EPUB 3: introduction page, nav page in the spine, chap_N files titled by the nav. */
export function fichubEpub(): Uint8Array {
	const chapters = [
		{ title: "Moth Season", body: "<p>The moths came early that year, and the lamplighter ran out of glass.</p>" },
		{ title: "Glass", body: "<p>She traded her coat for a crate of jars and lit the street with them.</p>" },
	];
	const intro = `<html><head><title>Introduction</title></head><body>
<h1>Lamplight</h1>
<p><b>By: wickwright</b></p>
<p>A lamplighter, a moth season, and not enough glass.</p>
<p>Status: complete</p>
<p>Published: 2022-10-01</p>
<p>Words: 29</p>
<p>Chapters: 2</p>
<p>Original source: <a rel="noopener noreferrer" href="https://example.net/s/31337">https://example.net/s/31337</a></p>
<p>Exported with the assistance of <a href='https://fichub.net'>FicHub.net</a></p>
</body></html>`;
	const nav = xhtml(
		`<nav epub:type="toc" id="toc"><ol><li><a href="intro.xhtml">Introduction</a></li>${chapters.map((chapter, index) => `<li><a href="chap_${index + 1}.xhtml">${chapter.title}</a></li>`).join("")}</ol></nav>`,
	);
	const files: SpineFile[] = [
		{ id: "intro", href: "intro.xhtml", content: intro },
		{ id: "nav", href: "nav.xhtml", content: nav },
		...chapters.map((chapter, index) => ({
			id: `chapter_${index + 1}`,
			href: `chap_${index + 1}.xhtml`,
			content: xhtml(`<h2>${chapter.title}</h2>${chapter.body}`),
		})),
	];
	const spine = files;
	return zip([
		["mimetype", "application/epub+zip"],
		["META-INF/container.xml", CONTAINER],
		[
			"OEBPS/content.opf",
			opf(spine, {
				title: "Lamplight",
				author: "wickwright",
				version: "3.0",
				description: "A lamplighter, a moth season, and not enough glass.",
			}).replace(
				'<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml"/>',
				'<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
			),
		],
		["OEBPS/toc.ncx", ncx([])],
		...files.map((file): [string, string] => [`OEBPS/${file.href}`, file.content]),
	]);
}

/** A plain EPUB 3: nav titles, two chapters in one file (found by id), `<hr>` breaks, emphasis. */
export function genericEpub3(): Uint8Array {
	const nav = xhtml(`<nav epub:type="toc"><ol>
<li><a href="text/one.xhtml">The Keeper of Bees</a></li>
<li><a href="text/two.xhtml#c2">The Swarm</a></li>
<li><a href="text/two.xhtml#c3">The Hive in the Wall</a></li>
</ol></nav>`);
	const files: SpineFile[] = [
		{
			id: "one",
			href: "text/one.xhtml",
			content: xhtml(`<p>Her grandmother kept bees, and talked to them, and told them <em>everything</em>.</p>
<hr class="scene"/>
<p>When the grandmother died, somebody had to tell the bees.</p>`),
		},
		{
			id: "two",
			href: "text/two.xhtml",
			content: xhtml(`<section id="c2"><h1>II</h1><p>The swarm hung from the plum tree like a brown coat.</p></section>
<section id="c3"><p>There was a hive inside the kitchen wall, and it hummed <i>all night</i>.</p></section>`),
		},
	];
	return zip([
		["mimetype", "application/epub+zip"],
		["META-INF/container.xml", CONTAINER],
		[
			"OEBPS/content.opf",
			opf(files, {
				title: "Telling the Bees",
				author: "honeywort",
				version: "3.0",
				extra: '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
			}),
		],
		["OEBPS/nav.xhtml", nav],
		["OEBPS/toc.ncx", ncx([])],
		...files.map((file): [string, string] => [`OEBPS/${file.href}`, file.content]),
	]);
}

const PLAIN_CHAPTERS: SpineFile[] = [1, 2, 3].map((n) => ({
	id: `ch${n}`,
	href: `ch${n}.xhtml`,
	title: `Chapter ${n}`,
	content: xhtml(`<h2>Chapter ${n}</h2><p>This is chapter ${n} of the ferry story, where the ferry crosses again.</p>`),
}));

/** An EPUB 2 whose second chapter's data is damaged and whose spine names a file the zip lacks. */
export function brokenChapterEpub(): Uint8Array {
	const archive = epub2(PLAIN_CHAPTERS, { title: "The Night Ferry", author: "tidewright", missing: ["ch4"] });
	return corruptEntry(archive, "OEBPS/ch2.xhtml");
}

/** A Windows-made EPUB: backslashes in the entry names and no container.xml. */
export function windowsEpub(): Uint8Array {
	return zip([
		["mimetype", "application/epub+zip"],
		["OEBPS\\content.opf", opf(PLAIN_CHAPTERS, { title: "The Night Ferry", author: "tidewright" })],
		["OEBPS\\toc.ncx", ncx(PLAIN_CHAPTERS)],
		...PLAIN_CHAPTERS.map((file): [string, string] => [`OEBPS\\${file.href}`, file.content]),
	]);
}
