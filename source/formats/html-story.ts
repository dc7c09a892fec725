// An HTML file → units: an AO3 download, a FanFicFare file, or any other page (headings as chapters).

import type { StoryMeta, Unit } from "../core/units.js";
import { ao3Units, looksLikeAo3 } from "./ao3.js";
import { fanficfareHtmlUnits, looksLikeFanFicFare } from "./fanficfare-html.js";
import { type HtmlBlock, htmlBlocks } from "./html-blocks.js";
import { attribute, type Document, elementsNamed, firstNamed, parseHtml, textOf } from "./html-dom.js";
import { chapterUnits, headingUnit } from "./html-units.js";
import { cleanMeta } from "./story-info.js";

/** The heading level that starts chapters: h2 under a lone h1 title, else the biggest heading used. */
export function chapterLevel(blocks: HtmlBlock[]): number | undefined {
	const levels = blocks.filter((block) => block.kind === "heading").map((block) => block.level ?? 6);
	if (levels.length === 0) return undefined;
	const top = Math.min(...levels);
	if (top === 1 && levels.filter((level) => level === 1).length === 1 && levels.some((level) => level === 2)) return 2;
	return top;
}

/** Any HTML page: `<title>` or a lone `<h1>` names it, headings at the chapter level start chapters. */
export function genericHtmlUnits(document: Document, blocks: HtmlBlock[]): { units: Unit[]; meta: StoryMeta } {
	const meta: StoryMeta = { info: { format: "HTML" } };
	const level = chapterLevel(blocks);
	const h1s = blocks.filter((block) => block.kind === "heading" && block.level === 1);
	const titleHeading = level === 2 && h1s.length === 1 ? h1s[0] : undefined;
	const title = titleHeading?.text ?? textOf(firstNamed(document.children, "title") ?? []);
	if (title) meta.title = title;
	const author = elementsNamed(document.children, "meta").find((tag) => attribute(tag, "name") === "author");
	if (author?.attribs.content) meta.author = author.attribs.content.trim();

	const units: Unit[] = [];
	let chapter: HtmlBlock[] = [];
	const flush = () => {
		units.push(...chapterUnits(chapter));
		chapter = [];
	};
	for (const block of blocks) {
		if (block === titleHeading) continue;
		if (block.kind === "heading" && block.level === level) {
			flush();
			units.push(headingUnit(block.text, block.start, block.end));
		} else chapter.push(block);
	}
	flush();
	return { units, meta };
}

/** Units and meta of an HTML file's sanitised text; offsets are positions in that text. */
export function htmlToUnits(text: string): { units: Unit[]; meta: StoryMeta } {
	const document = parseHtml(text);
	const blocks = htmlBlocks(document.children);
	const { units, meta } = looksLikeAo3(blocks)
		? ao3Units(blocks, "AO3 HTML")
		: looksLikeFanFicFare(document)
			? fanficfareHtmlUnits(blocks)
			: genericHtmlUnits(document, blocks);
	return { units, meta: cleanMeta(meta) };
}
