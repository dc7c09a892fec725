// Evidence that a paragraph without a marker still belongs to an author's note: signatures, review talk, style.

import { findOpener, normalizeForMatch } from "./markers.js";
import type { Unit } from "./units.js";

/** Words that, in real files, come from an author talking about the work or to the readers, rarely from the story. */
const NOTE_WORDS =
	/\b(?:reviews?|reviewed|reviewing|reviewers?|r&r|updates?|updated|updating|chapters?|fics?|fanfic(?:tion)?s?|readers?|favou?rited|favs|faves|kudos|beta(?:ed|s)?|disclaimer|hiatus|one-?shot|sequel|cliff(?:hanger|y)|pov|this story|my story|edit(?:ed)?|you guys|question of the (?:day|week|chapter)|qotd)\b|^(?:question|my answer|answer):/i;

/** Requests and thanks authors end their notes with. */
const REVIEW_REQUEST =
	/^(?:please\s+)?(?:read\s*(?:and|&|n)\s*review|r\s*&\s*r|review(?:s)?\s*(?:please|=|plz)|please review|reviews? (?:are|make)|let me know what you think|lend me your thoughts|thanks? (?:you )?(?:so much )?for (?:reading|reviewing))/i;

/** A reply to one reviewer: `Name: Thanks for…`, `Name - glad you liked it`. */
const REVIEW_REPLY =
	/^[^\s:][^:]{0,40}\s?[:-]\s+(?:thanks?|thank you|glad|aww|haha|lol|yes|no|i'm glad|hope|you're welcome|wow|omg|many thanks)\b/i;

/** A dedication or the challenge a chapter was written for (`Dedicated to…`, `Written for the … prompt`). */
const DEDICATION =
	/^(?:dedicated to|this (?:one |chapter |story |fic )?is (?:dedicated )?(?:to|for) (?:my|the|all|everyone|you)|written for (?:the|my|a)\b|for the [^.]{1,60}\b(?:challenge|prompt|exchange|fest|contest|competition)\b|happy birthday)/i;

const DIALOGUE = /^["'«»„“‘]/;

/** The author's note vocabulary appears in the text. */
export function hasNoteWords(text: string): boolean {
	return NOTE_WORDS.test(text);
}

/** A short dedication line, which needs a chapter edge around it to count. */
export function isDedication(text: string): boolean {
	return text.length <= 240 && DEDICATION.test(normalizeForMatch(text));
}

/** Dialogue paragraphs start with a quote mark (after any emphasis markers). */
export function isDialogue(text: string): boolean {
	return DIALOGUE.test(normalizeForMatch(text));
}

/**
 * A signature: a pen name alone on its line (`~Ice.`, `Bex-chan`, `-Quill`). Short, no sentence inside,
 * not dialogue. Only counts next to a note or matching the story's author.
 */
export function isSignature(text: string, author?: string): boolean {
	const line = normalizeForMatch(text).replace(/(?:\*\*|__|\*|_)+$/, "");
	if (line.length === 0 || line.length > 32 || DIALOGUE.test(line)) return false;
	const name = line.replace(/^[~\-–—=*\s]+/, "").replace(/[.!]+$/, "");
	if (author !== undefined && sameName(name, author)) return true;
	if (/[.?!,;:"]/.test(name)) return false;
	// Set off by a tilde or dash, a pen name of a few words; bare, one handle (`Bex-chan`, `Quill42`).
	if (/^[~\-–—]/.test(line)) return name.split(/\s+/).length <= 4;
	return !/\s/.test(name) && /^\p{Lu}/u.test(name);
}

/** The story's author signing off: their name alone on the line. */
export function signsAs(text: string, author?: string): boolean {
	if (author === undefined || text.length > 40) return false;
	const name = normalizeForMatch(text)
		.replace(/(?:\*\*|__|\*|_)+$/, "")
		.replace(/^[~\-–—=*\s]+/, "");
	return sameName(name, author);
}

function sameName(a: string, b: string): boolean {
	const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
	return fold(a) !== "" && fold(a) === fold(b);
}

/** A line that asks for reviews or thanks readers (`Read and Review!`, `Reviews=Love`). */
export function isReviewRequest(text: string): boolean {
	return REVIEW_REQUEST.test(normalizeForMatch(text));
}

/** A reply to a named reviewer. */
export function isReviewReply(text: string): boolean {
	return REVIEW_REPLY.test(normalizeForMatch(text));
}

/** Lines that go with the note they follow: a signature, a review request, a reply to a reviewer. */
export function continuesNote(unit: Unit, author?: string): boolean {
	if (unit.kind !== "paragraph") return false;
	return isSignature(unit.text, author) || isReviewRequest(unit.text) || isReviewReply(unit.text);
}

/** Nearly all of the paragraph is emphasised (authors often set their notes in bold). */
export function isWhollyEmphasised(unit: Unit): boolean {
	if (unit.kind !== "paragraph" || !unit.emphasis || unit.emphasis.length === 0) return false;
	const covered = unit.emphasis.reduce((sum, [from, to]) => sum + (to - from), 0);
	return covered >= 0.85 * unit.text.trim().length;
}

/** A marker with nothing after it (`AN:`, `**A/N:**`): the paragraphs after it are the note. */
export function isBareLabel(text: string): boolean {
	const line = normalizeForMatch(text).replace(/(?:\*\*|__|\*|_)+$/, "");
	return line.length <= 24 && findOpener(line)?.strength === "strong" && /^[\p{L}'./\s]+[:\-.]?$/u.test(line);
}
