// AO3 downloads (the HTML file, and calibre's EPUB of it): preface, chapters and afterword, found by ids and labels.

import { isTag } from "domhandler";
import { parseByline } from "../core/markers.js";
import type { NoteKind } from "../core/story.js";
import type { StoryMeta, Unit } from "../core/units.js";
import type { HtmlBlock } from "./html-blocks.js";
import { contains, type Element, elementsNamed, nextElements, textOf } from "./html-dom.js";
import { headingUnit, noteUnit, storyUnit } from "./html-units.js";
import { infoOf, parseSeries } from "./story-info.js";

type Zone = "preface" | "chapters" | "afterword";

/** Labels are `<p>` elements with no colon; each is followed by a `<blockquote>` holding the note. */
const LABELS: Record<string, { zone: Zone; label: string; kind?: NoteKind }> = {
	summary: { zone: "preface", label: "Summary" },
	notes: { zone: "preface", label: "Notes", kind: "head" },
	"chapter summary": { zone: "chapters", label: "Chapter Summary", kind: "head" },
	"chapter notes": { zone: "chapters", label: "Chapter Notes", kind: "head" },
	"chapter end notes": { zone: "chapters", label: "Chapter End Notes", kind: "tail" },
	"end notes": { zone: "afterword", label: "End Notes", kind: "tail" },
};
const SEE_END = /^\(?\s*See the end of the (?:chapter|work) for/i;
/** AO3's landmark over each chapter's text, and the other lines AO3 writes around the work. */
const BOILERPLATE = /^(?:Chapter Text|Work Text:?)$/i;
/** Inside a chapter, tools that rewrite AO3's markup label every note box `Notes:`; where it sits says which. */
const CHAPTER_LABELS: Record<string, { zone: Zone; label: string; kind?: NoteKind }> = {
	notes: { zone: "chapters", label: "Chapter Notes", kind: "head" },
	summary: { zone: "chapters", label: "Chapter Summary", kind: "head" },
};
const END_NOTES: { zone: Zone; label: string; kind?: NoteKind } = {
	zone: "chapters",
	label: "Chapter End Notes",
	kind: "tail",
};
const TAG_GROUPS: Record<string, string> = {
	"archive warning": "Archive Warnings",
	"archive warnings": "Archive Warnings",
	category: "Categories",
	categories: "Categories",
	fandom: "Fandoms",
	fandoms: "Fandoms",
	relationship: "Relationships",
	relationships: "Relationships",
	character: "Characters",
	characters: "Characters",
	"additional tag": "Additional Tags",
	"additional tags": "Additional Tags",
};

function labelKey(text: string): string {
	return text.toLowerCase().replace(/:$/, "").trim();
}

/** The zone of an element: its outermost ancestor with a zone id (`#endnotes` is the work's, in the afterword). */
function zoneOf(element: Element): Zone | undefined {
	let zone: Zone | undefined;
	for (
		let node: Element | undefined = element;
		node;
		node = node.parent && isTag(node.parent) ? node.parent : undefined
	) {
		const id = node.attribs.id ?? "";
		if (id === "preface") zone = "preface";
		else if (id === "afterword" || id === "endnotes") zone = "afterword";
		else if (id === "chapters" || /^endnotes\d+$/.test(id) || /^chapter[-_]\d+(?:_endnotes)?$/.test(id))
			zone = "chapters";
	}
	return zone;
}

/** An AO3 download: it has the download's zone ids and says where it came from or uses its labels. */
export function looksLikeAo3(blocks: HtmlBlock[]): boolean {
	const zoned = blocks.some((block) => zoneOf(block.element) !== undefined);
	const marked = blocks.some(
		(block) =>
			/Archive of Our Own|archiveofourown\.org/i.test(block.text) ||
			labelKey(block.text) === "chapter end notes" ||
			SEE_END.test(block.text),
	);
	return zoned && marked;
}

/** Where the note after the label at `index` ends: the outermost blockquote right after the label. */
function noteEnd(blocks: HtmlBlock[], index: number): number {
	const label = blocks[index] as HtmlBlock;
	const first = blocks[index + 1];
	if (!first?.quote || contains(first.quote, label.element)) return index + 1;
	return quoteEnd(blocks, index, first.quote);
}

/** A work's `Notes:` can list what inspired it (`ul.associations`) before its blockquote: the list is work info. */
function associationsLength(blocks: HtmlBlock[], index: number): number {
	let skip = 0;
	while (!blocks[index + 1 + skip]?.quote && blocks[index + 1 + skip]?.element.name === "li") skip++;
	return blocks[index + 1 + skip]?.quote ? skip : 0;
}

function quoteEnd(blocks: HtmlBlock[], index: number, first: Element): number {
	const label = blocks[index] as HtmlBlock;
	let quote: Element = first;
	for (let node = quote.parent; node; node = node.parent) {
		if (isTag(node) && node.name === "blockquote" && !contains(node, label.element)) quote = node;
	}
	let end = index + 1;
	while (end < blocks.length && contains(quote, (blocks[end] as HtmlBlock).element)) end++;
	return end;
}

/** The note label this block is, if any: AO3's own (`Chapter End Notes`), or a rewriting tool's `Notes:`. */
function labelOf(block: HtmlBlock, zone: Zone): (typeof LABELS)[string] | undefined {
	if (block.quote || (block.kind !== "paragraph" && block.kind !== "heading")) return undefined;
	const key = labelKey(block.text);
	const own = LABELS[key];
	if (own?.zone === zone) return own;
	if (zone !== "chapters" || !CHAPTER_LABELS[key]) return undefined;
	const endBox = closestWithId(block.element, (id) => /endnotes/i.test(id));
	return key === "notes" && endBox ? END_NOTES : CHAPTER_LABELS[key];
}

function closestWithId(element: Element, test: (id: string) => boolean): Element | undefined {
	for (
		let node: Element | undefined = element;
		node;
		node = node.parent && isTag(node.parent) ? node.parent : undefined
	)
		if (test(node.attribs.id ?? "")) return node;
	return undefined;
}

/** A box whose first line is a note label (a rewriting tool's `div.notes` under the chapter heading). */
function isNoteBox(element: Element): boolean {
	const first = element.children.find((child) => isTag(child) && textOf(child) !== "");
	return first !== undefined && isTag(first) && LABELS[labelKey(textOf(first))] !== undefined;
}

/** A chapter's own heading sits in the chapter's meta box: after it come only labels, notes and links. */
function isChapterHeading(block: HtmlBlock): boolean {
	if (block.kind !== "heading" || (block.level ?? 9) > 3 || block.quote) return false;
	return nextElements(block.element).every((sibling) => {
		const text = textOf(sibling);
		return (
			sibling.name === "blockquote" ||
			text === "" ||
			LABELS[labelKey(text)] !== undefined ||
			isNoteBox(sibling) ||
			SEE_END.test(text) ||
			isByline(text)
		);
	});
}

/** A byline in a chapter's meta box: `by Name`, or a co-authored work's `Chapter by Name`. */
function isByline(text: string): boolean {
	return parseByline(text.replace(/^chapter\s+(?=by\s)/i, "")) !== undefined;
}

function tagsOf(dd: Element): string[] {
	const links = elementsNamed(dd, "a").map((link) => textOf(link));
	return links.length > 0
		? links.filter(Boolean)
		: textOf(dd)
				.split(/\s*,\s*/)
				.filter(Boolean);
}

/** The preface's `dl` of tags: groups, rating, language, series and the `Stats:` line. */
function readTag(meta: StoryMeta, label: string, dd: Element): void {
	const info = infoOf(meta);
	const key = labelKey(label);
	if (key === "rating" || key === "ratings") info.rating = tagsOf(dd).join(", ");
	else if (key === "stats") {
		info.stats ??= {};
		for (const part of textOf(dd).split(/\s+(?=\p{Lu}[\p{L} ]*:\s)/u)) {
			const colon = part.indexOf(":");
			if (colon > 0) info.stats[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
		}
	} else if (key === "series") {
		readSeries(meta, dd);
	} else if (TAG_GROUPS[key]) {
		info.tags ??= {};
		info.tags[TAG_GROUPS[key] as string] = tagsOf(dd);
	} else {
		info.stats ??= {};
		info.stats[label.replace(/:$/, "").trim()] = textOf(dd);
	}
}

/** `Part 2 of <a href=…/series/N>Name</a>`: the work's first series, with its address; also shown as a stat. */
function readSeries(meta: StoryMeta, dd: Element): void {
	const info = infoOf(meta);
	info.stats ??= {};
	info.stats.Series = textOf(dd);
	const series = parseSeries(textOf(dd));
	if (!series) return;
	const link = elementsNamed(dd, "a").find((a) => /\/series\/\d+/.test(a.attribs.href ?? ""));
	if (link?.attribs.href) series.url = link.attribs.href;
	if (link && textOf(link)) series.name = textOf(link);
	info.series = series;
}

interface ChapterDraft {
	heading?: Unit;
	units: Unit[];
}

/** Units and meta of an AO3 download whose blocks (of one file, or of every EPUB file in order) are given. */
export function ao3Units(blocks: HtmlBlock[], format: string): { units: Unit[]; meta: StoryMeta } {
	const meta: StoryMeta = { info: { format } };
	const chapters: ChapterDraft[] = [{ units: [] }];
	const workNotes: Unit[] = [];
	const endNotes: Unit[] = [];
	let titleBlock: HtmlBlock | undefined;
	let zone: Zone = "preface";
	let pendingTag: string | undefined;
	let lastHeading: HtmlBlock | undefined;

	for (let index = 0; index < blocks.length; index++) {
		const block = blocks[index] as HtmlBlock;
		zone = zoneOf(block.element) ?? zone;
		const label = labelOf(block, zone);
		if (label) {
			const skip = associationsLength(blocks, index);
			const end = noteEnd(blocks, index + skip);
			const body = blocks.slice(index + skip + 1, end);
			index = end - 1;
			if (body.length === 0) continue;
			const parts = body.map((part) => part.text);
			if (!label.kind) {
				meta.summary = parts.join("\n\n");
				continue;
			}
			const note = noteUnit(label.label, parts, block.start, (body.at(-1) as HtmlBlock).end, label.kind);
			if (zone === "preface") workNotes.push(note);
			else if (zone === "afterword") endNotes.push(note);
			else (chapters.at(-1) as ChapterDraft).units.push(note);
			continue;
		}
		if (SEE_END.test(block.text) || (block.kind === "heading" && BOILERPLATE.test(block.text))) continue;
		if (zone === "preface") {
			const element = block.element;
			if (block.kind === "heading" && block.level === 1 && !titleBlock) {
				titleBlock = block;
				meta.title = block.text;
			} else if (titleBlock && !meta.author && parseByline(block.text)) meta.author = parseByline(block.text);
			else if (element.name === "dt") pendingTag = block.text;
			else if (element.name === "dd" && pendingTag) {
				readTag(meta, pendingTag, element);
				pendingTag = undefined;
			} else if (/Posted originally on the/i.test(block.text)) {
				const link = elementsNamed(element, "a").find((a) => /\/works\/\d+/.test(a.attribs.href ?? ""));
				if (link?.attribs.href) infoOf(meta).sourceUrl = link.attribs.href;
			}
			continue;
		}
		if (zone === "afterword") continue;
		if (isChapterHeading(block)) {
			chapters.push({ heading: headingUnit(block.text, block.start, block.end), units: [] });
			lastHeading = block;
			continue;
		}
		// A co-author's byline in the chapter's meta box, beside its heading.
		if (lastHeading && block.element.parent === lastHeading.element.parent && isByline(block.text)) continue;
		(chapters.at(-1) as ChapterDraft).units.push(storyUnit(block));
	}

	const drafts = chapters.filter((draft) => draft.heading || draft.units.length > 0);
	if (drafts.length === 1 && !drafts[0]?.heading && titleBlock) {
		// A one-chapter work has no chapter heading: its title heads the text.
		(drafts[0] as ChapterDraft).heading = headingUnit(titleBlock.text, titleBlock.start, titleBlock.end);
	}
	if (drafts.length === 0) drafts.push({ units: [] });
	(drafts[0] as ChapterDraft).units.unshift(...workNotes);
	(drafts.at(-1) as ChapterDraft).units.push(...endNotes);
	const units = drafts.flatMap((draft) => (draft.heading ? [draft.heading, ...draft.units] : draft.units));
	return { units, meta };
}
