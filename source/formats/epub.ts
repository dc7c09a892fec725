// An EPUB → units: AO3 (calibre's conversion), FanFicFare, FicHub, or any EPUB 2/3 by its spine and contents.

import type { StoryMeta, Unit } from "../core/units.js";
import { ao3Units, looksLikeAo3 } from "./ao3.js";
import { type EpubMetadata, type EpubPackage, readPackage, readText, type TocEntry } from "./epub-package.js";
import { readTitleLine, readTitlePage } from "./fanficfare-html.js";
import { type HtmlBlock, htmlBlocks } from "./html-blocks.js";
import { classesOf, type Document, elementsNamed, elementsWithId, parseHtml } from "./html-dom.js";
import { chapterUnits, headingUnit, withoutNewMark } from "./html-units.js";
import { addWarning, applyLabel, cleanMeta, infoOf, splitLabel } from "./story-info.js";
import { openZip } from "./zip.js";

const FICHUB_LABELS = /^(?:status|published|updated|words|chapters)$/i;

/** The file is not an EPUB we can open at all (not a zip, or nothing readable in it). */
export class EpubError extends Error {}

interface EpubDocument {
	path: string;
	document: Document;
	blocks: HtmlBlock[];
	/** Offset of this file's text in the concatenated source. */
	base: number;
}

/** Decoding garbage gives control pictures and replacement characters; a real chapter has few. */
function isGarbled(text: string): boolean {
	const bad = text.match(/[\u2400-\u241f\ufffd]/g)?.length ?? 0;
	return bad > Math.max(8, text.length * 0.05);
}

function bodyClasses(document: Document): string[] {
	const body = elementsNamed(document.children, "body")[0];
	return body ? classesOf(body) : [];
}

/** Read each spine file; a missing, damaged or garbled one is skipped with a warning. */
function readDocuments(bytes: Uint8Array, meta: StoryMeta): { pkg: EpubPackage; docs: EpubDocument[]; text: string } {
	let zip: ReturnType<typeof openZip>;
	try {
		zip = openZip(bytes);
	} catch (error) {
		throw new EpubError(`not a readable EPUB (zip): ${(error as Error).message}`);
	}
	const pkg = readPackage(zip);
	for (const warning of pkg.warnings) addWarning(meta, warning);
	const docs: EpubDocument[] = [];
	let text = "";
	for (const path of pkg.spine) {
		let source: string | undefined;
		try {
			source = readText(zip, path);
		} catch (error) {
			addWarning(meta, `skipped ${path}: ${(error as Error).message}`);
			continue;
		}
		if (source === undefined) addWarning(meta, `skipped ${path}: it is not in the archive`);
		else if (isGarbled(source)) addWarning(meta, `skipped ${path}: it is not readable text`);
		else {
			const document = parseHtml(source);
			docs.push({ path, document, blocks: htmlBlocks(document.children, text.length), base: text.length });
			text += source;
		}
	}
	return { pkg, docs, text };
}

/** Title, authors, summary, subjects and source from the OPF, where the format gave none. */
function applyPackageMetadata(meta: StoryMeta, metadata: EpubMetadata): void {
	if (metadata.title) meta.title ??= metadata.title;
	if (metadata.creators.length > 0) meta.author ??= metadata.creators.join(", ");
	if (metadata.description) meta.summary ??= metadata.description;
	const info = infoOf(meta);
	if (metadata.source && /^https?:/i.test(metadata.source)) info.sourceUrl ??= metadata.source;
	if (metadata.urls[0]) info.sourceUrl ??= metadata.urls[0];
	if (metadata.series) info.series ??= metadata.series;
	if (metadata.subjects.length > 0 && !info.tags) info.tags = { Subjects: metadata.subjects };
	const stats: Array<[string, string | undefined]> = [
		["Publisher", metadata.publisher],
		["Date", metadata.date],
		["Language", metadata.language],
	];
	for (const [label, value] of stats) {
		if (!value) continue;
		info.stats ??= {};
		info.stats[label] ??= value;
	}
}

/** Where chapters start in one file: its contents entries (an id inside the file, or its start). */
function chapterStarts(doc: EpubDocument, entries: TocEntry[]): Array<{ index: number; title: string }> {
	const starts: Array<{ index: number; title: string }> = [];
	const ids = entries.some((entry) => entry.fragment) ? elementsWithId(doc.document) : new Map();
	for (const entry of entries) {
		let index = 0;
		if (entry.fragment) {
			const target = ids.get(entry.fragment);
			// An id the file lacks: the entry still names the file, so the chapter starts at its top.
			const at = target ? doc.base + (target.startIndex ?? 0) : doc.base;
			index = doc.blocks.findIndex((block) => block.end > at);
		}
		if (index >= 0 && !starts.some((start) => start.index === index)) starts.push({ index, title: entry.title });
	}
	return starts.sort((a, b) => a.index - b.index);
}

/** The chapter heading: the file's own heading where it opens with one, else the contents title. */
function chapterHeading(blocks: HtmlBlock[], index: number, title: string): { unit: Unit; skip: number } {
	const block = blocks[index] as HtmlBlock;
	if (block.kind === "heading" && (block.text.length > 3 || title.length <= block.text.length)) {
		return { unit: headingUnit(block.text, block.start, block.end), skip: 1 };
	}
	if (block.kind === "heading") return { unit: headingUnit(title, block.start, block.end), skip: 1 };
	return { unit: headingUnit(title, block.start, block.start), skip: 0 };
}

/** Units of the story files in spine order: contents entries (or, with none, opening headings) start chapters. */
function spineUnits(docs: EpubDocument[], toc: TocEntry[]): Unit[] {
	const units: Unit[] = [];
	for (const doc of docs) {
		if (doc.blocks.length === 0) continue;
		const entries = toc.filter((entry) => entry.path.toLowerCase() === doc.path.toLowerCase());
		let starts = chapterStarts(doc, entries);
		const first = doc.blocks[0] as HtmlBlock;
		if (toc.length === 0 && first.kind === "heading") starts = [{ index: 0, title: first.text }];
		let from = 0;
		for (const [n, start] of starts.entries()) {
			units.push(...chapterUnits(doc.blocks.slice(from, start.index)));
			const { unit, skip } = chapterHeading(doc.blocks, start.index, start.title);
			units.push(unit);
			from = start.index + skip;
			const next = starts[n + 1]?.index ?? doc.blocks.length;
			units.push(...chapterUnits(doc.blocks.slice(from, next)));
			from = next;
		}
		units.push(...chapterUnits(doc.blocks.slice(from)));
	}
	return units;
}

/** FanFicFare's title page (`Label: value` entries under a `Title by Author` heading). */
function readFanFicFareTitlePage(doc: EpubDocument, meta: StoryMeta): void {
	const titleLine = doc.blocks.find((block) => block.kind === "heading");
	if (titleLine) readTitleLine(titleLine, meta);
	readTitlePage(
		doc.blocks.filter((block) => block !== titleLine),
		meta,
	);
}

/** FicHub's introduction: title, `By: Author`, the description, `Label: value` lines, the source link. */
function readFicHubIntroduction(doc: EpubDocument, meta: StoryMeta): void {
	const summary: string[] = [];
	let afterLabels = false;
	for (const block of doc.blocks) {
		const byline = /^By:\s*(.+)$/i.exec(block.text);
		const pair = splitLabel(block.text);
		if (block.kind === "heading") meta.title ??= block.text;
		else if (byline) meta.author ??= (byline[1] as string).trim();
		else if (/^Exported with the assistance of/i.test(block.text)) continue;
		else if (pair && /^original source$/i.test(pair.label)) {
			const link = elementsNamed(block.element, "a")[0]?.attribs.href;
			infoOf(meta).sourceUrl ??= link ?? pair.value;
		} else if (pair && FICHUB_LABELS.test(pair.label)) {
			applyLabel(meta, pair.label, pair.value);
			afterLabels = true;
		} else if (afterLabels) applyLabel(meta, "Details", block.text);
		else summary.push(block.text);
	}
	if (summary.length > 0) meta.summary ??= summary.join("\n\n");
}

type Flavour = "FanFicFare EPUB" | "FicHub EPUB" | "EPUB";

function flavourOf(pkg: EpubPackage, docs: EpubDocument[]): Flavour {
	if (
		pkg.metadata.contributors.some((name) => /FanFicFare/i.test(name)) ||
		docs.some((doc) => bodyClasses(doc.document).some((name) => name.startsWith("fff_")))
	)
		return "FanFicFare EPUB";
	if (docs.some((doc) => doc.blocks.some((block) => /^Exported with the assistance of FicHub/i.test(block.text))))
		return "FicHub EPUB";
	return "EPUB";
}

/** A front page that is not story: FanFicFare's title, contents and log pages, FicHub's introduction. */
function frontPage(doc: EpubDocument, flavour: Flavour): "title" | "skip" | undefined {
	const classes = bodyClasses(doc.document);
	const name = doc.path.toLowerCase();
	if (flavour === "FanFicFare EPUB") {
		if (classes.includes("fff_titlepage") || /(?:^|\/)title_page\.x?html$/.test(name)) return "title";
		if (classes.some((c) => c === "fff_tocpage" || c === "fff_logpage") || /(?:toc|log)_page\.x?html$/.test(name))
			return "skip";
	}
	if (flavour === "FicHub EPUB" && doc.blocks.some((block) => /^Exported with the assistance of/i.test(block.text)))
		return "title";
	return undefined;
}

/** Units, meta and the concatenated source text (unit offsets point into it) of an EPUB file's bytes. */
export function epubToUnits(bytes: Uint8Array): { units: Unit[]; meta: StoryMeta; text: string } {
	const meta: StoryMeta = {};
	const { pkg, docs, text } = readDocuments(bytes, meta);
	const allBlocks = docs.flatMap((doc) => doc.blocks);
	if (looksLikeAo3(allBlocks)) {
		const ao3 = ao3Units(allBlocks, "AO3 EPUB");
		const merged: StoryMeta = { ...ao3.meta };
		if (meta.warnings) merged.warnings = meta.warnings;
		applyPackageMetadata(merged, pkg.metadata);
		return { units: ao3.units, meta: cleanMeta(merged), text };
	}
	const flavour = flavourOf(pkg, docs);
	infoOf(meta).format = flavour;
	const story: EpubDocument[] = [];
	for (const doc of docs) {
		const page = frontPage(doc, flavour);
		if (page === "title" && flavour === "FanFicFare EPUB") readFanFicFareTitlePage(doc, meta);
		else if (page === "title") readFicHubIntroduction(doc, meta);
		else if (page === undefined) story.push(doc);
	}
	applyPackageMetadata(meta, pkg.metadata);
	const units = spineUnits(story, pkg.toc);
	if (flavour === "FanFicFare EPUB")
		for (const unit of units) if (unit.kind === "heading") unit.text = withoutNewMark(unit.text);
	return { units, meta: cleanMeta(meta), text };
}
