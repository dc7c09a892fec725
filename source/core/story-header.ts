// The header at the top of a plain-text story: title, byline, summary, `Label: value` lines, site lines, contents.

import { findOpener, parseByline, parseMetadataLine } from "./markers.js";
import type { StoryInfo } from "./story.js";
import type { StoryMeta, Unit } from "./units.js";

export interface Header {
	rest: Unit[];
	title?: string;
	author?: string;
	summary?: string;
	/** The other `Label: value` lines (`Rating: T`, `Pairing: …`), for the story info. */
	info: Pick<StoryInfo, "rating" | "stats">;
	metadata: Unit[];
}

/** A line naming where the file came from: a web address or a site's domain (`Exported with … FicHub.net`). */
const SITE_LINE = /(?:https?:\/\/|www\.|\b[\w-]+\.(?:net|com|org)\b)/i;
/** A table of contents is at least this many short title lines in a row. */
const MIN_CONTENTS_LINES = 3;

function isTitleLine(unit: Unit | undefined): boolean {
	if (unit?.kind !== "paragraph") return false;
	const text = unit.text.trim();
	return text.length <= 60 && !/[.!?,;:"'”’]$/.test(text) && findOpener(text) === undefined;
}

/** Length of the run of short title lines (a table of contents) at `from`, or 0 when it is too short. */
function contentsLength(units: Unit[], from: number): number {
	let index = from;
	while (isTitleLine(units[index])) index++;
	return index - from >= MIN_CONTENTS_LINES ? index - from : 0;
}

/** Title, author and metadata lines at the top of the preamble. */
export function readHeader(preamble: Unit[], meta: StoryMeta): Header {
	let title = meta.title;
	let author = meta.author;
	let summary = meta.summary;
	const metadata: Unit[] = [];
	const info: Header["info"] = {};
	let index = 0;
	let bylined = false;
	const firstUnit = preamble[0];
	const second = preamble[1];
	if (firstUnit?.kind === "paragraph" && !parseMetadataLine(firstUnit.text) && !findOpener(firstUnit.text)) {
		const short = firstUnit.text.length <= 80 && !/[.!?,;:]$/.test(firstUnit.text.trim());
		const byline = second ? parseByline(second.text) : undefined;
		if (short && (byline !== undefined || second?.kind === "scene-break")) {
			title ??= firstUnit.text.trim();
			if (byline !== undefined) author ??= byline;
			bylined = byline !== undefined;
			index = byline !== undefined ? 2 : 1;
		}
	}
	// FicHub puts the summary right under the byline, before the `Label: value` lines.
	const next = preamble[index];
	if (bylined && next?.kind === "paragraph" && !parseMetadataLine(next.text)) {
		const after = preamble[index + 1];
		if (after && parseMetadataLine(after.text)) {
			summary ??= next.text.trim();
			metadata.push(next);
			index++;
		}
	}
	for (; index < preamble.length; index++) {
		const unit = preamble[index] as Unit;
		const field = unit.kind === "paragraph" ? parseMetadataLine(unit.text) : undefined;
		const byline = unit.kind === "paragraph" ? parseByline(unit.text) : undefined;
		if (field) {
			if (field.key === "title") title ??= field.value;
			else if (field.key === "author") author ??= field.value;
			else if (field.key === "summary") summary ??= field.value;
			else if (field.key === "rating" || field.key === "rated") info.rating ??= field.value;
			else info.stats = { ...info.stats, [unit.text.slice(0, unit.text.indexOf(":")).trim()]: field.value };
			metadata.push(unit);
		} else if (byline !== undefined && metadata.length > 0) {
			author ??= byline;
			metadata.push(unit);
		} else if (
			(bylined || metadata.length > 0) &&
			unit.kind === "paragraph" &&
			unit.text.length <= 120 &&
			SITE_LINE.test(unit.text)
		) {
			metadata.push(unit);
		} else break;
	}
	const contents = metadata.length > 0 ? contentsLength(preamble, index) : 0;
	metadata.push(...preamble.slice(index, index + contents));
	index += contents;
	return { rest: preamble.slice(index), title, author, summary, info, metadata };
}
