// Markdown → units: YAML front matter, `#` headings as chapters, emphasis, blockquotes.

import type * as Yaml from "yaml";
import { isSceneBreak, isSpacer } from "../core/markers.js";
import { expandTabs, sanitizeText } from "../core/sanitize.js";
import type { StoryMeta, Unit } from "../core/units.js";
import { lazily } from "./lazy-require.js";

const yaml = lazily<typeof Yaml>("yaml");

const FRONT_MATTER = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

function readFrontMatter(text: string): { meta: StoryMeta; bodyStart: number } {
	const match = FRONT_MATTER.exec(text);
	if (!match) return { meta: {}, bodyStart: 0 };
	const meta: StoryMeta = {};
	let fields: unknown;
	try {
		fields = yaml().parse(match[1] as string);
	} catch {
		// Broken front matter is shown as text rather than refusing the story.
		return { meta: {}, bodyStart: 0 };
	}
	if (fields && typeof fields === "object") {
		const record = fields as Record<string, unknown>;
		// YAML escapes (\e, \x9b, \u202e) are decoded after the file was cleaned: clean the values again.
		const asText = (value: unknown) =>
			typeof value === "string" || typeof value === "number" ? sanitizeText(String(value)).trim() : undefined;
		const title = asText(record.title);
		const author = asText(record.author);
		const summary = asText(record.summary);
		const notes = asText(record.notes);
		if (title) meta.title = title;
		if (author) meta.author = author;
		if (summary) meta.summary = summary;
		if (notes) meta.headNotes = [{ label: "Notes", text: notes, start: 0, end: match[0].length }];
	}
	return { meta, bodyStart: match[0].length };
}

/** Remove `*x*`, `_x_` and `**x**` markers, returning plain text and the emphasised ranges. */
export function stripEmphasis(text: string): {
	text: string;
	emphasis: Array<[number, number]>;
} {
	const emphasis: Array<[number, number]> = [];
	let out = "";
	const pattern = /(\*\*|__|\*|_)(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}])/gu;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		const index = match.index;
		if (match[1] === "_" && index > 0 && /[\p{L}\p{N}]/u.test(text[index - 1] as string)) continue;
		out += text.slice(last, index);
		const inner = match[2] as string;
		emphasis.push([out.length, out.length + inner.length]);
		out += inner;
		last = index + match[0].length;
	}
	out += text.slice(last);
	return { text: out, emphasis };
}

interface Line {
	text: string;
	start: number;
	end: number;
}

function headingLevel(line: string): number {
	const match = /^(#{1,6})\s+\S/.exec(line);
	return match ? (match[1] as string).length : 0;
}

function makeUnit(lines: Line[]): Unit | undefined {
	const quote = lines.every((line) => /^\s*>/.test(line.text));
	const joined = lines
		.map((line) => expandTabs(quote ? line.text.replace(/^\s*>\s?/, "") : line.text).trim())
		.join(" ")
		.normalize("NFC");
	if (isSpacer(joined)) return undefined;
	const start = (lines[0] as Line).start;
	const end = (lines.at(-1) as Line).end;
	if (isSceneBreak(joined)) return { kind: "scene-break", text: joined, start, end };
	const { text, emphasis } = stripEmphasis(joined);
	const unit: Unit = { kind: "paragraph", text, start, end };
	if (emphasis.length > 0) unit.emphasis = emphasis;
	if (quote) unit.quote = true;
	return unit;
}

/** Split sanitised Markdown into units and the front-matter metadata. */
export function markdownToUnits(text: string): {
	units: Unit[];
	meta: StoryMeta;
} {
	const { meta, bodyStart } = readFrontMatter(text);
	const lines: Line[] = [];
	let start = bodyStart;
	while (start <= text.length) {
		let end = text.indexOf("\n", start);
		if (end < 0) end = text.length;
		lines.push({ text: text.slice(start, end), start, end });
		start = end + 1;
	}
	const levels = lines.map((line) => headingLevel(line.text)).filter((level) => level > 0);
	const chapterLevel = levels.length > 0 ? Math.min(...levels) : 0;
	const units: Unit[] = [];
	let group: Line[] = [];
	const flush = () => {
		const unit = group.length > 0 ? makeUnit(group) : undefined;
		if (unit) units.push(unit);
		group = [];
	};
	for (const line of lines) {
		const level = headingLevel(line.text);
		if (line.text.trim() === "") flush();
		else if (level > 0) {
			flush();
			const title = stripEmphasis(line.text.replace(/^#+\s+/, "").replace(/\s+#+\s*$/, "")).text.trim();
			units.push({
				kind: level === chapterLevel ? "heading" : "paragraph",
				text: title,
				start: line.start,
				end: line.end,
			});
		} else group.push(line);
	}
	flush();
	return { units, meta };
}
