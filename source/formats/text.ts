// Plain text → units: paragraphs split at blank lines (or at lines, for one-line-per-paragraph files).

import { isHeading, isSceneBreak, isSpacer, parseByline, parseMetadataLine } from "../core/markers.js";
import { expandTabs } from "../core/sanitize.js";
import type { Unit } from "../core/units.js";

interface RawLine {
	text: string;
	start: number;
	end: number;
}

function splitLines(text: string): RawLine[] {
	const lines: RawLine[] = [];
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf("\n", start);
		if (end < 0) end = text.length;
		lines.push({ text: text.slice(start, end), start, end });
		start = end + 1;
	}
	return lines;
}

/** Files that put each paragraph on one line with no blank lines between them (judged on a sample). */
export function looksLinePerParagraph(sample: string): boolean {
	return isLinePerParagraph(splitLines(sample));
}

function isLinePerParagraph(lines: RawLine[]): boolean {
	const nonBlank = lines.filter((line) => line.text.trim() !== "");
	const blank = lines.length - nonBlank.length;
	if (nonBlank.length < 4) return false;
	const longLines = nonBlank.filter((line) => line.text.length > 120).length;
	// Blank lines among most lines, not between them: a few blank lines do not make the file hard-wrapped.
	return blank < nonBlank.length / 2 && longLines > nonBlank.length / 4;
}

/**
 * A line that stands on its own without blank lines around it: a scene break anywhere; a heading
 * or metadata line only where a paragraph would start (a hard-wrapped line that happens to begin
 * "Chapter Seven was…" stays inside its paragraph); a byline right under a one-line title.
 */
function startsOwnUnit(text: string, group: RawLine[], chapters?: RegExp): boolean {
	const trimmed = text.trim();
	if (isSceneBreak(trimmed) || chapters?.test(trimmed)) return true;
	if (group.length === 0) return isHeading(trimmed) || parseMetadataLine(trimmed) !== undefined;
	const onlyLine = group.length === 1 ? group[0] : undefined;
	return onlyLine !== undefined && onlyLine.text.trim().length <= 80 && parseByline(trimmed) !== undefined;
}

function classify(text: string, chapters?: RegExp): Unit["kind"] {
	if (chapters?.test(text)) return "heading";
	if (isSceneBreak(text)) return "scene-break";
	if (isHeading(text)) return "heading";
	return "paragraph";
}

function toUnit(lines: RawLine[], chapters?: RegExp): Unit | undefined {
	const text = lines
		.map((line) => expandTabs(line.text).trim())
		.join(" ")
		.replace(/ {2,}/g, " ")
		.normalize("NFC");
	if (isSpacer(text)) return undefined;
	return {
		kind: classify(text, chapters),
		text,
		start: (lines[0] as RawLine).start,
		end: (lines.at(-1) as RawLine).end,
	};
}

/**
 * Split sanitised plain text into paragraph, heading and scene-break units. Lines matching
 * `chapters` (the user's pattern) are headings too.
 */
export function textToUnits(text: string, perLine = isLinePerParagraph(splitLines(text)), chapters?: RegExp): Unit[] {
	const lines = splitLines(text);
	const units: Unit[] = [];
	let group: RawLine[] = [];
	const flush = () => {
		const unit = group.length > 0 ? toUnit(group, chapters) : undefined;
		if (unit) units.push(unit);
		group = [];
	};
	for (const line of lines) {
		if (line.text.trim() === "") {
			flush();
		} else if (perLine) {
			flush();
			group.push(line);
		} else if (startsOwnUnit(line.text, group, chapters)) {
			flush();
			group.push(line);
			flush();
		} else {
			group.push(line);
		}
	}
	flush();
	return units;
}
