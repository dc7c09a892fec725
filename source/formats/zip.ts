// Reads a zip archive entry by entry (fflate), so one damaged entry does not lose the others.

import type * as Fflate from "fflate";
import { lazily } from "./lazy-require.js";

const fflate = lazily<typeof Fflate>("fflate");

/** Entries never read as text (images, fonts, audio): left compressed. */
const MEDIA = /\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|ttf|otf|woff2?|mp3|m4a|ogg|mp4|pdf)$/i;

export interface ZipArchive {
	/** Every entry's path, with `/` separators (Windows tools write `\`). */
	paths: string[];
	/** An entry's bytes, found case-insensitively; undefined when absent; throws when it is damaged. */
	read(path: string): Uint8Array | undefined;
}

export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** `a\b/./c/../d` → `a/b/d`, without a leading `/`. */
export function normalizePath(path: string): string {
	const parts: string[] = [];
	for (const part of path.replace(/\\/g, "/").split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") parts.pop();
		else parts.push(part);
	}
	return parts.join("/");
}

/** Opens the archive's directory; throws when the bytes are not a readable zip. */
export function openZip(bytes: Uint8Array): ZipArchive {
	const names: string[] = [];
	fflate().unzipSync(bytes, {
		filter: (file) => {
			names.push(file.name);
			return false;
		},
	});
	const byPath = new Map<string, string>();
	for (const name of names) {
		const key = normalizePath(name).toLowerCase();
		if (!byPath.has(key)) byPath.set(key, name);
	}
	// Text entries are inflated in one pass; if any of them is damaged, each is inflated on its own.
	let text: Record<string, Uint8Array> | undefined;
	const readAll = () => {
		try {
			return fflate().unzipSync(bytes, { filter: (file) => !MEDIA.test(file.name) });
		} catch {
			return {};
		}
	};
	return {
		paths: names.map(normalizePath).filter((path) => path !== "" && !path.endsWith("/")),
		read(path) {
			const name = byPath.get(normalizePath(path).toLowerCase());
			if (name === undefined) return undefined;
			text ??= readAll();
			return text[name] ?? fflate().unzipSync(bytes, { filter: (file) => file.name === name })[name];
		},
	};
}
