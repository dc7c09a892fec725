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

const NUMBER_WORDS =
	"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty";

const HEADING_START = new RegExp(
	`^(?:(?:chapter|ch\\.|part|book)\\s*(?:\\d+|[ivxlcdm]+|(?:${NUMBER_WORDS})(?:[- ](?:${NUMBER_WORDS}))?)|prologue|epilogue|interlude|omake)\\b`,
	"i",
);
/** After the heading word and number: nothing, punctuation then a title, or a capitalised title. */
const HEADING_REST = /^(?:\s*[:.)-]\s*.*|\s+["'([\p{Lu}\p{N}].*)?$/u;
const NUMBERED_TITLE = /^\d{1,3}\.\s+\p{Lu}/u;

// Cheap first-character checks: most paragraphs are prose and skip the full normalised match.
const MAY_START_HEADING = /^\s*(?:\*\*|__|<b>|<strong>)?\s*[CcPpBbEeIiOo0-9]/;
const MAY_START_OPENER = /^\s*(?:\*\*|__|\*|_|<b>|<strong>)*\s*[AaTtEeBbDdNn]/;

/**
 * A chapter heading: one short line in a known heading form. Prose that starts the same way
 * ("Chapter one was the worst", "Part of me knew") fails because a lower-case word follows.
 */
export function isHeading(text: string): boolean {
	if (text.length > 80 || !MAY_START_HEADING.test(text) || text.includes("\n")) return false;
	const line = normalizeForMatch(text).replace(/(?:\*\*|__)$/, "");
	if (/[,;]$/.test(line)) return false;
	const start = HEADING_START.exec(line);
	if (start) return HEADING_REST.test(line.slice(start[0].length));
	return NUMBERED_TITLE.test(line);
}

/** A scene break: a short row of symbols, or a decorative pattern such as xXx or .:O:.:O:. */
export function isSceneBreak(text: string): boolean {
	if (text.length > 80) return false;
	const compact = text.replace(/\s+/g, "");
	if (compact.length === 0 || compact.length > 40 || text.includes("\n")) return false;
	if (compact === ".") return false; // a lone "." is a spacer, not a break
	// "...", "…" and quoted silence ("…") are a pause or silent dialogue, not a break.
	if (/^["'“”‘’«»]*(?:\.+|…+)["'“”‘’«»]*$/.test(compact)) return false;
	if (/^[^\p{L}\p{N}]+$/u.test(compact)) return true;
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

/** The note opener at the start of a paragraph, if any. Dialogue is never a note. */
export function findOpener(text: string): Opener | undefined {
	if (!MAY_START_OPENER.test(text)) return undefined;
	const line = normalizeForMatch(text);
	if (/^["'«»„]/.test(line)) return undefined;
	for (const [pattern, label] of STRONG_OPENERS) {
		if (pattern.test(line)) return { label, strength: "strong" };
	}
	if (/^notes?\s*:/i.test(line)) return { label: "Note", strength: "zone" };
	return undefined;
}

const METADATA_KEYS =
	"title|author|rating|rated|pairings?|summary|warnings?|word ?count|words|fandoms?|characters|genres?|status|category|categories|language|published|updated|completed|chapters|series|spoilers";

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
	const match = /^by\s+(\S.{0,60})$/i.exec(text.trim());
	return match ? (match[1] as string).trim() : undefined;
}

/** Inline notes inside a story paragraph: `(A/N: …)` or `[A/N: …]`. */
export const INLINE_NOTE =
	/\s?[([]\s*(?:(?:A\/N|a\/n|A\.N\.|Author['’]?s [Nn]ote|T\/N)(?![A-Za-z])\s*[:\-–—]?|AN\s*[:\-–—])\s*([^)\]]*)[)\]]/g;
