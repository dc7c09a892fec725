// Where a story's text ends: a megabyte of nothing but NULs and blank space ends it (endless devices, sparse files).

/** This much in a row with no text in it means the text is over. */
export const NO_TEXT_RUN = 1024 * 1024;

/** NUL, tab, line ends, form feed and space: bytes that are no text on their own. */
function isBlank(byte: number): boolean {
	return byte === 0 || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c;
}

/** Fed a source's bytes in order; knows where the last text byte was and when reading should stop. */
export class TextEnd {
	/** Offset just past the last byte that is text. */
	end = 0;
	private seen = 0;

	/** Takes the next chunk; true once a whole NO_TEXT_RUN has gone by with no text. */
	feed(chunk: Uint8Array): boolean {
		for (let index = chunk.length - 1; index >= 0; index--) {
			if (!isBlank(chunk[index] as number)) {
				this.end = this.seen + index + 1;
				break;
			}
		}
		this.seen += chunk.length;
		return this.seen - this.end >= NO_TEXT_RUN;
	}
}

/** Whether every byte is blank (the tail of a file padded with NULs). */
export function allBlank(bytes: Uint8Array): boolean {
	for (const byte of bytes) if (!isBlank(byte)) return false;
	return true;
}
