// Units become blocks: long paragraphs cut into pieces, inline notes moved out behind a marker.

import { INLINE_NOTE } from "./markers.js";
import { type Block, INLINE_NOTE_MARKER, type Note } from "./story.js";
import type { Unit } from "./units.js";

/** Paragraphs longer than this are cut into pieces, so layout and paging stay small per block. */
const MAX_BLOCK_CHARS = 8192;

/** Where to cut a long text near `limit`: after a space if one is close, never inside a surrogate pair. */
function cutPoint(text: string, from: number, limit: number): number {
	const end = from + limit;
	if (end >= text.length) return text.length;
	const space = text.lastIndexOf(" ", end);
	if (space > from + limit / 2) return space + 1;
	const code = text.charCodeAt(end - 1);
	return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

export function toBlocks(unit: Unit, chapter: number): Block[] {
	const pieces: Block[] = [];
	const span = unit.end - unit.start;
	const length = Math.max(1, unit.text.length);
	for (let from = 0; from < unit.text.length || pieces.length === 0; ) {
		const to = unit.kind === "paragraph" ? cutPoint(unit.text, from, MAX_BLOCK_CHARS) : unit.text.length;
		const block: Block = {
			kind: unit.kind,
			text: unit.text.slice(from, to),
			start: unit.start + Math.round((from / length) * span),
			end: unit.start + Math.round((to / length) * span),
			chapter,
		};
		const emphasis = unit.emphasis
			?.map(([a, b]): [number, number] => [Math.max(a, from) - from, Math.min(b, to) - from])
			.filter(([a, b]) => b > a);
		if (emphasis && emphasis.length > 0) block.emphasis = emphasis;
		if (unit.quote) block.quote = true;
		if (to < unit.text.length) block.continues = true;
		pieces.push(block);
		if (to <= from) break;
		from = to;
	}
	return pieces;
}

/** Move `(A/N: …)` spans out of a paragraph into notes, leaving a marker in the text. */
export function extractInlineNotes(block: Block, blockIndex: number, into: Note[]): void {
	if (!/[([]\s*(?:A\/N|a\/n|A\.N\.|AN|Author|T\/N)/.test(block.text)) return;
	const sourceSpan = block.end - block.start;
	const textLength = Math.max(1, block.text.length);
	block.text = block.text.replace(INLINE_NOTE, (match, body: string, offset: number) => {
		const start = block.start + Math.round((offset / textLength) * sourceSpan);
		into.push({
			kind: "inline",
			label: "A/N",
			confidence: 0.95,
			chapter: block.chapter,
			start,
			end: start + match.length,
			text: body.trim(),
			block: blockIndex,
		});
		return `\u00a0${INLINE_NOTE_MARKER}`;
	});
	// Emphasis ranges would shift; inline notes are plain-text only, where there is no emphasis.
	delete block.emphasis;
}
