// Recognises the marker lines of fan fiction: scene breaks, chapter headings, note openers, metadata.

/** Matching form only (display keeps the original): NFC, curly quotes and dashes folded. */
export function normalizeForMatch(text: string): string {
	return text
		.normalize("NFC")
		.replace(/[‘’ʼ]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/[–—]/g, "-")
		.replace(/^(?:\*\*|__|\*|_|<b>|<strong>)+/i, "")
		.trim();
}

const NUMBER_WORDS = new Set(
	"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty".split(
		" ",
	),
);
const HEADING_LABEL = /^(?:chapter|ch\.|part|book)\s*/i;
const NAMED_HEADING = /^(?:prologue|epilogue|interlude|omake)/i;
const ARABIC = /^\d+/;
const ROMAN = /^[ivxlcdm]+/i;
const LETTERS = /^[a-z]+/i;

/** A regular-expression word character: the end of a heading word must not be followed by one. */
function endsWord(text: string, at: number): boolean {
	const code = text.charCodeAt(at);
	return !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95);
}

/** Length of a number word ("seven"), or of two joined by a hyphen or space ("twenty-one"), at `from`; 0 if none. */
function numberWordsLength(line: string, from: number): number {
	const first = LETTERS.exec(line.slice(from))?.[0];
	if (!first || !NUMBER_WORDS.has(first.toLowerCase())) return 0;
	const joiner = from + first.length;
	if (line[joiner] === "-" || line[joiner] === " ") {
		const second = LETTERS.exec(line.slice(joiner + 1))?.[0];
		if (second && NUMBER_WORDS.has(second.toLowerCase()) && endsWord(line, joiner + 1 + second.length))
			return first.length + 1 + second.length;
	}
	return endsWord(line, joiner) ? first.length : 0;
}

/**
 * Length of a heading's opening words ("Chapter 12", "Part two-three", "Ch. IV", "Prologue"), or -1.
 * Written out rather than as one pattern: a pattern listing every number word costs V8 about 7 ms
 * to compile, on the first heading of every story, before the first screen.
 */
export function headingStartLength(line: string): number {
	const named = NAMED_HEADING.exec(line)?.[0];
	if (named) return endsWord(line, named.length) ? named.length : -1;
	const label = HEADING_LABEL.exec(line)?.[0];
	if (!label) return -1;
	for (const pattern of [ARABIC, ROMAN]) {
		const number = pattern.exec(line.slice(label.length))?.[0];
		if (number && endsWord(line, label.length + number.length)) return label.length + number.length;
	}
	const words = numberWordsLength(line, label.length);
	return words > 0 ? label.length + words : -1;
}

/** After the heading word and number: nothing, punctuation then a title, or a capitalised title. */
const HEADING_REST = /^(?:\s*[:.)-]\s*.*|\s+["'([\p{Lu}\p{N}].*)?$/u;
const NUMBERED_TITLE = /^\d{1,3}\.\s+\p{Lu}/u;

// Cheap first-character checks: most paragraphs are prose and skip the full normalised match.
const MAY_START_HEADING = /^\s*(?:\*\*|__|<b>|<strong>)?\s*[CcPpBbEeIiOo0-9]/;
const MAY_START_OPENER = /^\s*(?:\*\*|__|\*|_|<b>|<strong>)*\s*[AaTtEeBbDdNn(]/;

/**
 * A chapter heading: one short line in a known heading form. Prose that starts the same way
 * ("Chapter one was the worst", "Part of me knew") fails because a lower-case word follows.
 */
export function isHeading(text: string): boolean {
	if (text.length > 80 || !MAY_START_HEADING.test(text) || text.includes("\n")) return false;
	const line = normalizeForMatch(text).replace(/(?:\*\*|__)$/, "");
	if (/[,;]$/.test(line)) return false;
	const start = headingStartLength(line);
	if (start >= 0) return HEADING_REST.test(line.slice(start));
	return NUMBERED_TITLE.test(line);
}

const EMOJI = /\p{Emoji_Presentation}/u;

/** A scene break: a short row of symbols, or a decorative pattern such as xXx or .:O:.:O:. */
export function isSceneBreak(text: string): boolean {
	if (text.length > 80) return false;
	const compact = text.replace(/\s+/g, "");
	if (compact.length === 0 || compact.length > 40 || text.includes("\n")) return false;
	if (compact === ".") return false; // a lone "." is a spacer, not a break
	// A section number alone (`IV`) divides a chapter as a row of symbols does.
	if (/^[IVXLC]{1,7}$/.test(compact) && text.trim() === compact) return true;
	// "...", "…" and quoted silence ("…") are a pause or silent dialogue, not a break.
	if (/^["'“”‘’«»]*(?:\.+|…+)["'“”‘’«»]*$/.test(compact)) return false;
	// An emoticon (`:(`, `:0)`) is a word of the text too.
	if (compact.length <= 4 && /[()]/.test(compact)) return false;
	// An emoji or two (a heart after a song title) are words of the text; a row of them is a divider.
	if (/^[^\p{L}\p{N}]+$/u.test(compact)) return !(EMOJI.test(compact) && [...compact].length < 3);
	if (compact.length >= 3 && (/^(?:xX|Xx)+[xX]?$/.test(compact) || /^(?:oO|Oo)+[oO]?$/.test(compact))) return true;
	return /^[-~=*.:_+]*(?:[xXoO][-~=*.:_+]+)+[xXoO]?$/.test(compact) && /[^xXoO]/.test(compact);
}

/** A paragraph that is only a spacer (one real story had hundreds of lone "." lines). */
export function isSpacer(text: string): boolean {
	return /^\s*\.?\s*$/.test(text);
}

export interface Opener {
	label: string;
	/** Strong openers count anywhere; zone openers only at the head or tail of a chapter. */
	strength: "strong" | "zone";
}

const STRONG_OPENERS: Array<[RegExp, string]> = [
	[/^a\s?\/\s?n(?![a-z])/i, "A/N"],
	[/^a\.\s?n\.(?![a-z])/i, "A/N"],
	[/^AN\s*[:-]/, "A/N"],
	[/^authors?'?s?\s+(?:end\s+)?notes?\s*[:\-.,;!(]/i, "Author's Note"],
	[/^note from the author\s*[:\-.]/i, "Author's Note"],
	[/^t\s?\/\s?n(?![a-z])/i, "T/N"],
	[/^translator'?s?\s+notes?\s*[:\-.]/i, "Translator's Note"],
	[/^e\s?\/\s?n(?![a-z])/i, "E/N"],
	[/^(?:beta|editor)'?s?\s+notes?\s*[:\-.]/i, "Beta's Note"],
	[/^disclaimer\s*[:\-.]/i, "Disclaimer"],
];

/** A short aside before the opener (`(a long one) a/n: …`) is part of the note; an inline `(A/N: …)` is not an aside. */
function withoutAside(line: string): string {
	const aside = /^\(([^()]{1,30})\)\s*/.exec(line);
	if (!aside || STRONG_OPENERS.some(([pattern]) => pattern.test(aside[1] as string))) return line;
	return line.slice(aside[0].length);
}

/** The note opener at the start of a paragraph, if any. Dialogue is never a note. */
export function findOpener(text: string): Opener | undefined {
	if (!MAY_START_OPENER.test(text)) return undefined;
	const line = withoutAside(normalizeForMatch(text));
	if (/^["'«»„]/.test(line)) return undefined;
	for (const [pattern, label] of STRONG_OPENERS) {
		if (pattern.test(line)) return { label, strength: "strong" };
	}
	if (/^notes?\s*:/i.test(line)) return { label: "Note", strength: "zone" };
	return undefined;
}

const METADATA_KEYS =
	"title|author|rating|rated|pairings?|summary|warnings?|word ?count|words|fandoms?|characters|genres?|status|category|categories|language|published|updated|completed|chapters|series|spoilers|original source|source|story url|author url|publisher|packaged";

const METADATA_LINE = new RegExp(`^(${METADATA_KEYS})\\s*:\\s*(.*)$`, "i");

/** A header metadata line such as `Rating: T`; returns its key (lower case) and value. */
export function parseMetadataLine(text: string): { key: string; value: string } | undefined {
	if (!/^[^:]{1,30}:/.test(text)) return undefined;
	const match = METADATA_LINE.exec(normalizeForMatch(text));
	if (!match) return undefined;
	return {
		key: (match[1] as string).toLowerCase(),
		value: (match[2] as string).trim(),
	};
}

/** A byline such as `by Quillfeather`. */
export function parseByline(text: string): string | undefined {
	const match = /^by:?\s+(\S.{0,60})$/i.exec(text.trim());
	return match ? (match[1] as string).trim() : undefined;
}

/** Inline notes inside a story paragraph: `(A/N: …)` or `[A/N: …]`. */
export const INLINE_NOTE =
	/\s?[([]\s*(?:(?:A\/N|a\/n|A\.N\.|Author['’]?s [Nn]ote|T\/N)(?![A-Za-z])\s*[:\-–—]?|AN\s*[:\-–—])\s*([^)\]]*)[)\]]/g;
