// Makes decoded story text safe for a terminal: line ends normalised, controls made visible.

const ESCAPE_PICTURE = "␛";
const REPLACEMENT = "�";

/** Picture for a C0 control (U+2400 block), so a stray control shows as a glyph, never acts. */
function controlPicture(code: number): string {
	if (code === 0x1b) return ESCAPE_PICTURE;
	if (code === 0x7f) return "␡";
	return String.fromCharCode(0x2400 + code);
}

/**
 * Normalise decoded text: drop a BOM, turn CRLF and lone CR into LF, replace every other control
 * character (C0, DEL, C1), bidi overrides and isolates with a visible one-character stand-in.
 * Tabs stay (layout expands them). Offsets in the result are the "source offsets" of the model.
 */
export function sanitizeText(decoded: string): string {
	let text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
	text = text.replace(/\r\n?/g, "\n");
	return text.replace(
		// biome-ignore lint/suspicious/noControlCharactersInRegex: matching controls is the point
		/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g,
		(char) => {
			const code = char.charCodeAt(0);
			if (code < 0x20 || code === 0x7f) return controlPicture(code);
			return REPLACEMENT;
		},
	);
}

/** Expand tabs to the next multiple of `size` columns (display only). */
export function expandTabs(line: string, size = 4): string {
	if (!line.includes("\t")) return line;
	let out = "";
	for (const char of line) {
		if (char === "\t") out += " ".repeat(size - (out.length % size));
		else out += char;
	}
	return out;
}

/**
 * The same protection without changing any length, so offsets in the result are offsets in the
 * decoded text: CRLF becomes " \n", a lone CR "\n", a BOM a space. Used for pieces of long files.
 */
export function sanitizeKeepingOffsets(decoded: string): string {
	return sanitizeText(
		decoded
			.replace(/\r\n/g, " \n")
			.replace(/\r/g, "\n")
			.replace(/\ufeff/g, " "),
	);
}
