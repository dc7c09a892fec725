// Reads a pipe, FIFO or device to its end, refusing binary or endless input with no text before memory runs out.

import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import type { Readable } from "node:stream";
import { refuseIfBinary, SAMPLE_BYTES } from "./binary.js";
import { fileSystemPath } from "./raw-path.js";
import { describeFsError, StoryError } from "./story-error.js";
import { TextEnd } from "./text-end.js";

/** Gathers a source's chunks; says when to stop (a megabyte with no text) and what the text was. */
class Gathered {
	private readonly chunks: Buffer[] = [];
	private readonly textEnd = new TextEnd();
	private total = 0;
	private stopped = false;

	constructor(private readonly path: string) {}

	/** Takes a chunk; true when reading should stop. Binary input is refused once the first 64 KiB are in. */
	add(chunk: Buffer): boolean {
		this.chunks.push(chunk);
		const before = this.total;
		this.total += chunk.length;
		if (before < SAMPLE_BYTES && this.total >= SAMPLE_BYTES) refuseIfBinary(Buffer.concat(this.chunks), this.path);
		this.stopped = this.textEnd.feed(chunk);
		return this.stopped;
	}

	/** The bytes, cut where the megabyte of no text began. */
	bytes(): Buffer {
		const bytes = Buffer.concat(this.chunks);
		if (!this.stopped) return bytes;
		if (this.textEnd.end === 0) throw new StoryError(`${this.path} has no text in its first megabyte`);
		return bytes.subarray(0, this.textEnd.end);
	}
}

function asStoryError(error: unknown, path: string): StoryError {
	return error instanceof StoryError ? error : new StoryError(describeFsError(error, path));
}

/** A device or FIFO read synchronously, one piece at a time (the library and the reader's own opens). */
export function readToEndSync(path: string): Buffer {
	const gathered = new Gathered(path);
	let fd: number | undefined;
	try {
		fd = openSync(fileSystemPath(path), "r");
		for (;;) {
			const chunk = Buffer.allocUnsafe(SAMPLE_BYTES);
			const count = readSync(fd, chunk, 0, chunk.length, null);
			if (count === 0 || gathered.add(chunk.subarray(0, count))) break;
		}
	} catch (error) {
		throw asStoryError(error, path);
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
	return gathered.bytes();
}

/**
 * A stream read asynchronously (standard input): a synchronous read of a pipe fails with EAGAIN
 * once the writer is slower than fic. `name` is used in the messages.
 */
export async function readStream(stream: Readable, name: string): Promise<Buffer> {
	const gathered = new Gathered(name);
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) if (gathered.add(chunk)) break;
	} catch (error) {
		throw asStoryError(error, name);
	} finally {
		stream.destroy();
	}
	return gathered.bytes();
}

/** A FIFO or device by path, opened and read off the main thread: waiting for a writer never keeps signals out. */
export function readSpecialFile(path: string): Promise<Buffer> {
	return readStream(createReadStream(path, { highWaterMark: SAMPLE_BYTES }), path);
}
