// FanFicFare's HTML file: `<h1>` title and author, a table title page, a table of contents, `<h2>` chapters.

import type { StoryMeta, Unit } from "../core/units.js";
import type { HtmlBlock } from "./html-blocks.js";
import { classesOf, closest, type Document, elementsNamed, textOf } from "./html-dom.js";
import { chapterUnits, headingUnit, withoutNewMark } from "./html-units.js";
import { applyLabel, infoOf, splitLabel } from "./story-info.js";

const LABEL_ONLY = /^([^.!?:]{1,60}):$/;
const CONTENTS = /^(?:table of )?contents$/i;

/** FanFicFare marks its files with `fff_` classes and `TOCTOP`/`sectionN` anchors. */
export function looksLikeFanFicFare(document: Document): boolean {
	return (
		elementsNamed(document.children, "a").some((a) => /^(?:TOCTOP|section\d+)$/.test(a.attribs.name ?? "")) ||
		elementsNamed(document.children, "div").some((div) => classesOf(div).some((name) => name.startsWith("fff_")))
	);
}

/**
 * A title page's `Label: value` entries (`<b>Label:</b> value`, or a table row of label and value).
 * A block without a label continues the entry before it, as a long summary does.
 */
export function readTitlePage(blocks: HtmlBlock[], meta: StoryMeta): void {
	let label: string | undefined;
	let parts: string[] = [];
	const commit = () => {
		if (label && parts.length > 0)
			applyLabel(meta, label, parts.join(/summary|description/i.test(label) ? "\n\n" : " "));
		label = undefined;
		parts = [];
	};
	for (const block of blocks) {
		if (block.kind !== "paragraph") continue;
		const only = LABEL_ONLY.exec(block.text);
		const pair = splitLabel(block.text);
		const bold = block.emphasis?.[0]?.[0] === 0;
		if (only) {
			commit();
			label = (only[1] as string).trim();
		} else if (pair && (bold || !label || !/summary|description/i.test(label))) {
			commit();
			label = pair.label;
			parts = [pair.value];
		} else if (label) parts.push(block.text);
	}
	commit();
}

/** `Title by Author` in a heading whose first link is the story's address. */
export function readTitleLine(block: HtmlBlock, meta: StoryMeta): void {
	const links = elementsNamed(block.element, "a");
	const split = /^(.*)\s+by\s+(.+)$/i.exec(block.text);
	meta.title ??= links[0] ? textOf(links[0]) : (split?.[1] ?? block.text);
	if (split) meta.author ??= split[2];
	const href = links[0]?.attribs.href;
	if (href && /^https?:/i.test(href)) infoOf(meta).sourceUrl ??= href;
}

export function fanficfareHtmlUnits(blocks: HtmlBlock[]): { units: Unit[]; meta: StoryMeta } {
	const meta: StoryMeta = { info: { format: "FanFicFare HTML" } };
	const anchored = blocks.some((block) => isSectionHeading(block));
	const isChapter = (block: HtmlBlock) =>
		block.kind === "heading" && !CONTENTS.test(block.text) && (anchored ? isSectionHeading(block) : block.level === 2);
	const first = blocks.findIndex(isChapter);
	const front = first < 0 ? blocks : blocks.slice(0, first);
	const titleLine = front.find((block) => block.kind === "heading" && block.level === 1);
	if (titleLine) readTitleLine(titleLine, meta);
	const contentsAt = front.findIndex((block) => block.kind === "heading" && CONTENTS.test(block.text));
	readTitlePage(front.slice(0, contentsAt < 0 ? front.length : contentsAt), meta);

	if (first < 0) return { units: chapterUnits(blocks.filter((block) => block !== titleLine)), meta };
	const units: Unit[] = [];
	let chapter: HtmlBlock[] = [];
	const flush = () => {
		units.push(...chapterUnits(chapter));
		chapter = [];
	};
	for (const block of blocks.slice(first)) {
		if (isChapter(block)) {
			flush();
			units.push(headingUnit(withoutNewMark(block.text), block.start, block.end));
		} else chapter.push(block);
	}
	flush();
	return { units, meta };
}

function isSectionHeading(block: HtmlBlock): boolean {
	return (
		block.kind === "heading" &&
		closest(block.element, (element) => element.name === "a" && /^section\d+$/.test(element.attribs.name ?? "")) !==
			undefined
	);
}
