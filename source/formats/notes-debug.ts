// --notes-debug: every paragraph of a file with the verdict (story or note) and the rule that decided it.

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { buildStory } from "../core/build-story.js";
import { sanitizeText } from "../core/sanitize.js";
import type { Unit } from "../core/units.js";
import { decodeAs, decodeBytes } from "./decode.js";
import { detectFormat, TAIL_BYTES } from "./detect-format.js";
import { epubToUnits } from "./epub.js";
import { type OpenOptions, storyUnits } from "./open-story.js";
import { spanned } from "./span.js";

const PREVIEW_CHARS = 72;

function preview(unit: Unit): string {
	const line = unit.text.replace(/\s+/g, " ").trim();
	return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS - 1)}…` : line;
}

/** One line per unit: source offset, verdict, rule, and the start of its text. */
export function notesDebug(path: string, options: OpenOptions = {}): string {
	const bytes = readFileSync(path);
	const format = detectFormat(path, bytes.subarray(0, 64 * 1024), bytes.subarray(-TAIL_BYTES));
	let parsed: ReturnType<typeof storyUnits>;
	if (format === "epub") parsed = spanned(epubToUnits(bytes));
	else {
		const decoded = options.encoding ? decodeAs(bytes, options.encoding) : decodeBytes(bytes);
		parsed = storyUnits(sanitizeText(decoded.text), path, options);
	}
	const explain = new Map<Unit, string>();
	buildStory(parsed.units, parsed.meta, basename(path), parsed.length, { explain });
	return `${parsed.units
		.map((unit) => {
			const rule = explain.get(unit);
			const verdict = unit.kind !== "paragraph" ? unit.kind : rule ? "NOTE" : "story";
			const why = rule ?? (unit.kind === "paragraph" ? "story: no rule made it a note" : "");
			return `${String(unit.start).padStart(9)}  ${verdict.padEnd(11)} ${preview(unit)}${why ? `\n${" ".repeat(22)}<- ${why}` : ""}`;
		})
		.join("\n")}\n`;
}
