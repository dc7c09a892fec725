// Bytes → text: BOMs, strict UTF-8, then detection (chardet) and decoding (iconv-lite) for the rest.

import type Chardet from "chardet";
import type IconvLite from "iconv-lite";
import { lazily } from "./lazy-require.js";

const iconv = lazily<typeof IconvLite>("iconv-lite");
const chardet = lazily<typeof Chardet>("chardet");

export interface Decoded {
	text: string;
	encoding: string;
}

export function isKnownEncoding(name: string): boolean {
	return iconv().encodingExists(name);
}

/** Decode with a named encoding (the --encoding override). */
export function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
	return { text: iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding), encoding };
}

function bomEncoding(bytes: Uint8Array): string | undefined {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
	return undefined;
}

/** UTF-16 without a BOM: every other byte of Latin text is NUL. */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
	const sample = bytes.subarray(0, 4096);
	if (sample.length < 16) return undefined;
	let evenNul = 0;
	let oddNul = 0;
	for (let index = 0; index < sample.length; index++) {
		if (sample[index] === 0) {
			if (index % 2 === 0) evenNul++;
			else oddNul++;
		}
	}
	const half = sample.length / 2;
	if (oddNul > half * 0.6 && evenNul < half * 0.05) return "utf-16le";
	if (evenNul > half * 0.6 && oddNul < half * 0.05) return "utf-16be";
	return undefined;
}

/** Share of bytes that are part of valid multi-byte UTF-8 sequences vs. bytes that are not. */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
	let valid = 0;
	let invalid = 0;
	let index = 0;
	while (index < bytes.length) {
		const byte = bytes[index] as number;
		if (byte < 0x80) {
			index++;
			continue;
		}
		const length = byte >= 0xf0 && byte < 0xf5 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte < 0xe0 ? 2 : 0;
		let ok = length > 0 && index + length <= bytes.length;
		for (let next = 1; ok && next < length; next++) ok = ((bytes[index + next] as number) & 0xc0) === 0x80;
		if (ok) {
			valid++;
			index += length;
		} else {
			invalid++;
			index++;
		}
	}
	return { valid, invalid };
}

/**
 * Decode story bytes. Order: a BOM decides; strict UTF-8 is taken when it parses; a file that is
 * mostly UTF-8 with a few broken runs stays UTF-8 (broken bytes become �); otherwise the detected
 * single-byte encoding, with Latin-1 read as Windows-1252 (old fan fiction's curly quotes 0x93/0x94).
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
	const bom = bomEncoding(bytes) ?? utf16WithoutBom(bytes);
	if (bom) return decodeAs(bytes, bom);
	try {
		return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
	} catch {
		// not clean UTF-8: look closer
	}
	const evidence = utf8Evidence(bytes.subarray(0, 1 << 20));
	// Windows-1252 text has no valid multi-byte sequences at all; a UTF-8 file with a broken byte
	// still has as many good ones as bad (one cut “ in a drabble must not turn it into mojibake).
	if (evidence.valid > 0 && evidence.valid >= evidence.invalid) {
		return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
	}
	const detected =
		chardet()
			.detect(bytes.subarray(0, 1 << 16))
			?.toLowerCase() ?? "windows-1252";
	const encoding = detected === "iso-8859-1" || detected.startsWith("utf") ? "windows-1252" : detected;
	return decodeAs(bytes, isKnownEncoding(encoding) ? encoding : "windows-1252");
}
