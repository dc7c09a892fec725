// Search: smart-case matching that ignores typographic variants and line wraps, run over a document's
// pieces a slice at a time so a 50 MB story never blocks a key.

import type { StoryDocument } from "./document.js";
import type { Story } from "./story.js";

export type Direction = "forward" | "backward";
/** What a search looks in: the story text, or the author's notes (a search started from the notes). */
export type SearchScope = "story" | "notes";

export interface Pattern {
	/** The query folded the way text is folded for matching. */
	text: string;
	/** Smart case: a query with a capital letter matches case exactly. */
	caseSensitive: boolean;
}

/** Text folded for matching, with where each folded character came from (undefined: same offsets). */
export interface Folded {
	text: string;
	map?: number[];
}

/** Typographic variants typed differently from how they are printed. */
const VARIANTS: Record<string, string> = {
	"\u2018": "'",
	"\u2019": "'",
	"\u201a": "'",
	"\u201b": "'",
	"\u2032": "'",
	"\u201c": '"',
	"\u201d": '"',
	"\u201e": '"',
	"\u201f": '"',
	"\u2033": '"',
	"\u2010": "-",
	"\u2011": "-",
	"\u2012": "-",
	"\u2013": "-",
	"\u2212": "-",
	// An em dash is typed as one hyphen or two: every run of dashes counts as one (see fold).
	"\u2014": "-",
	"\u2015": "-",
	"\u2026": "...",
};

const SIMPLE = /^[!-~]*(?: [!-~]+)*$/;
const foldCache = new Map<string, string>();

/** One character folded: variants, compatibility forms (ligatures, full width), spaces, case. */
function foldChar(char: string, caseSensitive: boolean): string {
	const key = caseSensitive ? char : `~${char}`;
	let folded = foldCache.get(key);
	if (folded === undefined) {
		folded = VARIANTS[char] ?? (/\s/u.test(char) ? " " : char.normalize("NFKC"));
		if (!caseSensitive) folded = folded.toLowerCase();
		if (foldCache.size > 50_000) foldCache.clear();
		foldCache.set(key, folded);
	}
	return folded;
}

export function fold(text: string, caseSensitive: boolean): Folded {
	// Plain ASCII with single spaces and no double hyphen (most English prose) folds to itself, save for case.
	if (SIMPLE.test(text) && !text.includes("--")) return { text: caseSensitive ? text : text.toLowerCase() };
	let out = "";
	const map: number[] = [];
	let index = 0;
	for (const char of text) {
		const code = char.charCodeAt(0);
		let folded: string;
		if (code > 32 && code < 127) folded = caseSensitive || code < 65 || code > 90 ? char : char.toLowerCase();
		else folded = foldChar(char, caseSensitive);
		// Runs of spaces (and line ends) count as one space, so a match may cross a wrap or a double space;
		// runs of dashes count as one, so `--`, `-` and `—` find each other.
		if ((folded === " " || folded === "-") && out.endsWith(folded)) folded = "";
		for (let at = 0; at < folded.length; at++) map.push(index);
		out += folded;
		index += char.length;
	}
	return { text: out, map };
}

/** The pattern for a query; undefined for an empty one. */
export function compilePattern(query: string): Pattern | undefined {
	const caseSensitive = /\p{Lu}/u.test(query);
	const text = fold(query, caseSensitive).text;
	return text.length > 0 ? { text, caseSensitive } : undefined;
}

/** Every match of `pattern` in `text`, as [from, to) offsets in `text`, in order and not overlapping. */
export function findAll(text: string, pattern: Pattern): Array<[number, number]> {
	const folded = fold(text, pattern.caseSensitive);
	const found: Array<[number, number]> = [];
	const needle = pattern.text;
	let lastEnd = 0;
	for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + 1)) {
		const map = folded.map;
		const from = map ? (map[at] as number) : at;
		const lastChar = map ? (map[at + needle.length - 1] as number) : at + needle.length - 1;
		const code = text.charCodeAt(lastChar);
		const to = lastChar + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
		// Two matches inside one original character (the halves of an em dash) are one match.
		if (from < lastEnd) continue;
		found.push([from, to]);
		lastEnd = to;
	}
	return found;
}

export interface SearchHit {
	/** The document piece the hit was found in. */
	piece: number;
	/** Index of the block (story scope) or the note (notes scope) in that piece. */
	item: number;
	/** Source offset of the block or note: with `from`, the hit's place in document order. */
	start: number;
	/** Offsets in the block's display text, or in the note's text. */
	from: number;
	to: number;
}

/** A place in document order, compared with hits: a block's (or note's) source start and an offset in it. */
export interface SearchKey {
	start: number;
	from: number;
}

export function compareKeys(a: SearchKey, b: SearchKey): number {
	return a.start - b.start || a.from - b.from;
}

export type FindResult =
	| { kind: "found"; hit: SearchHit; wrapped: boolean }
	/** The pieces between here and the next match are not searched yet. */
	| { kind: "pending" }
	| { kind: "none" };

/** The hits of one piece, in document order. */
export function hitsInPiece(story: Story, piece: number, pattern: Pattern, scope: SearchScope): SearchHit[] {
	const hits: SearchHit[] = [];
	if (scope === "story") {
		story.blocks.forEach((block, item) => {
			if (block.kind === "scene-break") return;
			for (const [from, to] of findAll(block.text, pattern)) hits.push({ piece, item, start: block.start, from, to });
		});
		return hits;
	}
	story.notes.forEach((note, item) => {
		for (const [from, to] of findAll(note.text, pattern)) hits.push({ piece, item, start: note.start, from, to });
	});
	return hits.sort(compareKeys);
}

/**
 * One search over a whole document. Pieces are searched in the order a reader meets them from
 * where the search started (that way first, then round from the other end), a slice at a time.
 */
export class SearchRun {
	private constructor(
		readonly document: StoryDocument,
		readonly pattern: Pattern,
		readonly scope: SearchScope,
		private readonly order: readonly number[],
		private readonly hits: ReadonlyArray<SearchHit[] | undefined>,
		private readonly scanned: number,
		private readonly found: number,
	) {}

	/** A search from `origin` in `direction`, nothing searched yet. */
	static start(
		document: StoryDocument,
		pattern: Pattern,
		scope: SearchScope,
		origin: SearchKey,
		direction: Direction,
	): SearchRun {
		const count = document.pieceCount;
		const first = document.pieceOf(origin.start);
		const step = direction === "forward" ? 1 : -1;
		const order: number[] = [];
		for (let index = 0; index < count; index++) order.push((((first + step * index) % count) + count) % count);
		return new SearchRun(document, pattern, scope, order, new Array(count), 0, 0);
	}

	get done(): boolean {
		return this.scanned >= this.order.length;
	}

	/** Share of the document searched, 0 to 1. */
	get progress(): number {
		return this.scanned / Math.max(1, this.order.length);
	}

	/** Matches found so far (all of them once done). */
	get total(): number {
		return this.found;
	}

	/** The run after `pieces` more pieces are searched (itself when the whole document is). */
	advance(pieces = 1): SearchRun {
		if (this.done) return this;
		const hits = [...this.hits];
		let { scanned, found } = this;
		for (let count = 0; count < pieces && scanned < this.order.length; count++) {
			const piece = this.order[scanned] as number;
			const pieceHits = hitsInPiece(this.document.scan(piece), piece, this.pattern, this.scope);
			hits[piece] = pieceHits;
			found += pieceHits.length;
			scanned++;
		}
		return new SearchRun(this.document, this.pattern, this.scope, this.order, hits, scanned, found);
	}

	hitsIn(piece: number): SearchHit[] | undefined {
		return this.hits[piece];
	}

	/**
	 * The first hit from `key` in `direction` (`key` itself counts when `inclusive`), going round
	 * the document's end when there is none before it.
	 */
	find(key: SearchKey, direction: Direction, inclusive: boolean): FindResult {
		const count = this.document.pieceCount;
		const first = this.document.pieceOf(key.start);
		const forward = direction === "forward";
		const step = forward ? 1 : -1;
		const beyond = (hit: SearchHit) => {
			const order = compareKeys(hit, key);
			return forward ? order > 0 || (inclusive && order === 0) : order < 0 || (inclusive && order === 0);
		};
		for (let index = 0; index <= count; index++) {
			const piece = (((first + step * index) % count) + count) % count;
			const hits = this.hits[piece];
			if (!hits) return { kind: "pending" };
			const wrapped = forward ? piece < first || index === count : piece > first || index === count;
			const candidates =
				index === 0 ? hits.filter(beyond) : index === count ? hits.filter((hit) => !beyond(hit)) : hits;
			const hit = forward ? candidates[0] : candidates.at(-1);
			if (hit) return { kind: "found", hit, wrapped };
		}
		return { kind: "none" };
	}

	/** The hit's number counted from the story's start (1-based), once every piece is searched. */
	numberOf(hit: SearchHit): number | undefined {
		if (!this.done) return undefined;
		let before = 0;
		for (let piece = 0; piece < hit.piece; piece++) before += this.hits[piece]?.length ?? 0;
		const index = (this.hits[hit.piece] ?? []).findIndex((other) => other.item === hit.item && other.from === hit.from);
		return index < 0 ? undefined : before + index + 1;
	}
}
