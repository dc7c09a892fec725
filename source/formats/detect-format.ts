// Chooses a story file's format from its name, its first bytes and its last few.

import { extname } from "node:path";
import { decodeBytes } from "./decode.js";
import { looksLikeFanFicFareTxt } from "./fanficfare-txt.js";
import { isZip } from "./zip.js";

export type TextFormat = "html" | "fanficfare-txt" | "markdown" | "text";
export type Format = "epub" | TextFormat;

/** How much of a file's end is looked at (FanFicFare TXT ends with `End file.`). */
export const TAIL_BYTES = 256;

/** The format of decoded text: by extension, then by what the text starts (and ends) with. */
export function textFormat(text: string, fileName: string, ending = text.slice(-TAIL_BYTES)): TextFormat {
	const extension = extname(fileName).toLowerCase();
	const start = text.slice(0, 1024).trimStart().toLowerCase();
	if (extension === ".html" || extension === ".htm" || extension === ".xhtml") return "html";
	if (
		start.startsWith("<!doctype html") ||
		start.startsWith("<html") ||
		/^<\?xml[^>]*>\s*<(?:!doctype )?html/.test(start)
	)
		return "html";
	if (extension === ".md" || extension === ".markdown") return "markdown";
	if (looksLikeFanFicFareTxt(text, ending)) return "fanficfare-txt";
	return "text";
}

/** A file's format from its start and end; EPUB (a zip) is known from the bytes, never decoded as text. */
export function detectFormat(fileName: string, head: Uint8Array, tail: Uint8Array): Format {
	if (isZip(head) || extname(fileName).toLowerCase() === ".epub") return "epub";
	return textFormat(decodeBytes(head).text, fileName, decodeBytes(tail).text);
}
