// Turns the "Label: value" facts of a title page (FanFicFare, FicHub, EPUB metadata) into the story's meta.

import type { Series, StoryInfo } from "../core/story.js";
import type { StoryMeta } from "../core/units.js";
import { displayText } from "./html-dom.js";

const TAG_GROUPS =
	/^(?:categor(?:y|ies)|genres?|characters?|relationships?|pairings?|ships?|warnings?|archive warnings?|fandoms?|freeform tags?|additional tags?|extra tags?|tags?|subjects?)$/i;
const SOURCE_LABELS = /^(?:story url|source url|source|url|original source|link)$/i;

export function infoOf(meta: StoryMeta): StoryInfo {
	meta.info ??= {};
	return meta.info;
}

/** Record one labelled fact; the first value for title, author and summary wins. */
export function applyLabel(meta: StoryMeta, rawLabel: string, rawValue: string): void {
	const label = rawLabel.trim().replace(/:$/, "").trim();
	const value = rawValue.trim();
	if (label === "" || value === "") return;
	const key = label.toLowerCase();
	const info = infoOf(meta);
	if (key === "title") meta.title ??= value;
	else if (key === "author" || key === "authors" || key === "by") meta.author ??= value;
	else if (key === "summary" || key === "description") meta.summary ??= value;
	else if (key === "rating" || key === "rated") info.rating ??= value;
	else if (SOURCE_LABELS.test(label)) info.sourceUrl ??= value;
	else if (key === "series" && parseSeries(value)) {
		info.series ??= parseSeries(value);
		info.stats ??= {};
		info.stats[label] ??= value;
	} else if (TAG_GROUPS.test(label)) {
		const tags = value
			.split(/\s*,\s*/)
			.map((tag) => tag.trim())
			.filter(Boolean);
		info.tags ??= {};
		info.tags[label] = [...(info.tags[label] ?? []), ...tags];
	} else {
		info.stats ??= {};
		info.stats[label] ??= value;
	}
}

/** A series and the work's part in it: AO3's `Part 2 of Name`, FanFicFare's `Name [2]`. */
export function parseSeries(text: string): Series | undefined {
	const ao3 = /^Part\s+(\d+)\s+of\s+(.+?)(?:,\s*Part\s+\d+\s+of\s.*)?$/i.exec(text.trim());
	const fanficfare = /^(.+?)\s*\[(\d+)\]$/.exec(text.trim());
	const [name, part] = ao3 ? [ao3[2], ao3[1]] : fanficfare ? [fanficfare[1], fanficfare[2]] : [];
	if (!name || !part || Number(part) < 1) return undefined;
	return { name: name.trim(), part: Number(part) };
}

/** Split `Label: value`; labels are short and start with a letter. */
export function splitLabel(text: string): { label: string; value: string } | undefined {
	const match = /^(\p{L}[\p{L}\p{N} '’/-]{0,30}):(?:\s+(.*))?$/u.exec(text.trim());
	if (!match || /^https?$/i.test(match[1] as string)) return undefined;
	return { label: (match[1] as string).trim(), value: (match[2] ?? "").trim() };
}

/**
 * Make every fact safe to show: values taken from attributes and decoded entities (`&#27;`) may hold
 * controls that the text pass never saw. Summaries keep their paragraph breaks.
 */
export function cleanMeta(meta: StoryMeta): StoryMeta {
	const clean = (text: string) => displayText(text);
	if (meta.title !== undefined) meta.title = clean(meta.title);
	if (meta.author !== undefined) meta.author = clean(meta.author);
	if (meta.summary !== undefined)
		meta.summary = meta.summary
			.split(/\n{2,}/)
			.map(clean)
			.join("\n\n");
	if (meta.warnings) meta.warnings = meta.warnings.map(clean);
	const info = meta.info;
	if (!info) return meta;
	for (const key of ["rating", "sourceUrl", "format"] as const) {
		const value = info[key];
		if (value !== undefined) info[key] = clean(value);
	}
	if (info.series) info.series = { ...info.series, name: clean(info.series.name) };
	if (info.tags)
		info.tags = Object.fromEntries(Object.entries(info.tags).map(([group, tags]) => [clean(group), tags.map(clean)]));
	if (info.stats)
		info.stats = Object.fromEntries(Object.entries(info.stats).map(([label, value]) => [clean(label), clean(value)]));
	return meta;
}

export function addWarning(meta: StoryMeta, warning: string): void {
	meta.warnings ??= [];
	meta.warnings.push(warning);
}
