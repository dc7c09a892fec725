// Tells binary bytes from text, so a binary file or endless device is refused before it is read whole.

import { decodeBytes } from "./decode.js";
import { StoryError } from "./story-error.js";
import { isZip } from "./zip.js";

/** Bytes looked at before deciding how to read a file: encoding, binary check, title, layout. */
export const SAMPLE_BYTES = 64 * 1024;

/** A file is binary when NUL bytes are more than a stray one (over 1% of the first 8 KiB), or controls are many. */
export function looksBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 8192);
	let nuls = 0;
	let controls = 0;
	for (const byte of sample) {
		if (byte === 0) nuls++;
		// Controls no text uses (tab, line ends, form feed and escape aside): compressed data is full of them.
		else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b)
			controls++;
	}
	return nuls > Math.max(2, sample.length / 100) || controls > Math.max(8, sample.length / 20);
}

/**
 * Refuses input whose first bytes are binary, before the rest is read: an endless device such as
 * /dev/urandom never ends on its own. UTF-16 (NULs in every other byte) and zips (EPUB) are not judged here.
 */
export function refuseIfBinary(sample: Uint8Array, path: string): void {
	if (isZip(sample) || !looksBinary(sample) || decodeBytes(sample).encoding.startsWith("utf-16")) return;
	throw new StoryError(`${path} looks like a binary file, not a story`);
}
