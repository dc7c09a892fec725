// Chooses a story file's format from its name and its first bytes or characters.

import { extname } from "node:path";
import { looksLikeFanFicFareTxt } from "./fanficfare-txt.js";
import { isZip } from "./zip.js";

export type TextFormat = "html" | "fanficfare-txt" | "markdown" | "text";

/** EPUB is read from the raw bytes (a zip), never decoded as text. */
export function isEpub(bytes: Uint8Array, fileName: string): boolean {
	return isZip(bytes) || extname(fileName).toLowerCase() === ".epub";
}

/** The format of decoded text: by extension, then by what the text starts with. */
export function textFormat(text: string, fileName: string): TextFormat {
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
	if (looksLikeFanFicFareTxt(text)) return "fanficfare-txt";
	return "text";
}
