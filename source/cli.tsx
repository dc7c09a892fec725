// The command line: flags → print, notes, JSON, or the full-screen reader. The only place that exits.

import { once } from "node:events";
import { openSync, statSync } from "node:fs";
import { isAbsolute, resolve, sep } from "node:path";
import { ReadStream } from "node:tty";
import type { Flags } from "./cli-flags.js";
import { piecesOf } from "./core/joined-pieces.js";
import { printNotes, printStory } from "./core/print.js";
import { storyJson } from "./core/print-json.js";
import { sanitizeText } from "./core/sanitize.js";
import { notesDebug } from "./formats/notes-debug.js";
import { type OpenedStory, openStory, StoryError, storyFromBytes } from "./formats/open-story.js";
import { rawArguments, rememberPathBytes } from "./formats/raw-path.js";
import { readSpecialFile, readStream } from "./formats/read-to-end.js";
import { USAGE } from "./usage.js";

/** Set at build time from package.json. */
declare const FIC_VERSION: string;

function usageError(message: string): never {
	process.stderr.write(`fic: ${sanitizeText(message)}\n${USAGE}\n`);
	process.exit(2);
}

function fail(message: string, code = 1): never {
	// Messages name files, and a file name can hold escape sequences too.
	process.stderr.write(`fic: ${sanitizeText(message)}\n`);
	process.exit(code);
}

/** Flags go through meow, loaded only when there are any: a plain `fic FILE` starts faster. */
async function readCommandLine(argv: string[]): Promise<{ input: string[]; flags: Flags }> {
	if (!argv.some((arg) => arg.startsWith("-") && arg !== "-"))
		return { input: argv, flags: { print: false, notes: false, json: false } };
	const { parseFlags } = await import("./cli-flags.js");
	const parsed = parseFlags(argv, FIC_VERSION);
	if ("usage" in parsed) usageError(parsed.usage);
	return parsed;
}

// Read before meow, which sets process.title and with it overwrites the bytes in /proc/self/cmdline.
const argumentBytes = rawArguments(process.argv.slice(2));
const { input, flags } = await readCommandLine(process.argv.slice(2));
if (input.length > 1) usageError("one FILE, FOLDER or - at a time");
rememberNamedPathBytes(input[0]);

/** A FILE named in bytes that are not UTF-8 (café in Latin-1) is opened by those bytes, not by its decoded text. */
function rememberNamedPathBytes(path: string | undefined): void {
	if (path === undefined || !path.includes("\uFFFD")) return;
	const raw = argumentBytes[process.argv.slice(2).indexOf(path)];
	if (!raw) return;
	rememberPathBytes(
		resolve(path),
		isAbsolute(path) ? raw : Buffer.concat([Buffer.from(`${process.cwd()}${sep}`), raw]),
	);
}

const STDIN = "-";

/** Standard input, or a FIFO or device named on the command line: read before anything else starts. */
let streamed: { source: string; bytes: Buffer } | undefined;

function isSpecialFile(path: string): boolean {
	try {
		const stats = statSync(path);
		return !stats.isFile() && !stats.isDirectory();
	} catch {
		return false;
	}
}

/**
 * Reads a streamed source to its end asynchronously: a synchronous read of a pipe fails with
 * EAGAIN once the writer is slower than fic, and one blocked on a FIFO would keep SIGTERM out.
 */
async function readAhead(source: string | undefined): Promise<void> {
	if (source === STDIN) {
		if (process.stdin.isTTY)
			fail("standard input is a terminal: pipe a story in (cat story.txt | fic) or name a FILE", 2);
		streamed = { source, bytes: await readStream(process.stdin, "standard input") };
	} else if (source !== undefined && isSpecialFile(source)) {
		streamed = { source, bytes: await readSpecialFile(resolve(source)) };
	}
}

/** Open a story from a path, or from standard input for "-". */
function load(source: string): OpenedStory {
	const options = {
		...(flags.encoding ? { encoding: flags.encoding } : {}),
		...(flags.chapters ? { chapters: flags.chapters } : {}),
	};
	if (streamed?.source === source) {
		return storyFromBytes(streamed.bytes, source === STDIN ? "(standard input)" : resolve(source), options);
	}
	return openStory(resolve(source), options);
}

/**
 * What the reader's record says of each chapter (loaded only for --json of a work read whole). Read
 * only: --json moves no folder (not the old fic-nodejs one either) and sets no damaged file aside.
 */
async function recordedStates(opened: OpenedStory) {
	if (!opened.work.chapters) return undefined;
	const [{ readOnlyRecords }, { chapterStates }] = await Promise.all([
		import("./persistence/read-only-records.js"),
		import("./persistence/chapter-states.js"),
	]);
	return chapterStates(readOnlyRecords(), opened);
}

/** A reader of the output that has gone away (fic --print | head) ends fic quietly, as it ends cat (128 + SIGPIPE). */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
	stream.on("error", (error: NodeJS.ErrnoException) => {
		if (error.code === "EPIPE") process.exit(141);
		fail(`cannot write the output: ${error.code ?? error.message}`);
	});
}

/** Keys come from the terminal even when the story came through a pipe, as in less. */
function terminalInput(): NodeJS.ReadStream | undefined {
	if (process.stdin.isTTY) return process.stdin;
	try {
		return new ReadStream(openSync("/dev/tty", "r"));
	} catch {
		return undefined;
	}
}

function printWidth(): number {
	return flags.width ?? (process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80);
}

function isDirectory(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

/**
 * Writes the output piece by piece, so a 50 MB story never stands whole in memory. Each chunk
 * waits for a full pipe to drain, and for the event loop, where a closed pipe's EPIPE ends fic.
 */
async function runOutput(source: string | undefined): Promise<void> {
	if (!source) fail(`a story file is needed\n${USAGE}`, 2);
	if (source !== STDIN && isDirectory(source)) fail(`${source} is a directory, not a story file`);
	endQuietlyOnClosedPipe(process.stdout);
	if (flags.notesDebug) {
		if (source === STDIN) fail("--notes-debug needs a story file, not standard input", 2);
		return void process.stdout.write(notesDebug(resolve(source), flags));
	}
	const opened = load(source);
	const { document, work } = opened;
	const chunks = flags.json
		? storyJson(() => piecesOf(document), work, await recordedStates(opened))
		: flags.notes
			? printNotes(piecesOf(document))
			: printStory(piecesOf(document), printWidth());
	for (const chunk of chunks) {
		if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
		else await new Promise((resolve) => setImmediate(resolve));
	}
}

async function runInteractive(target: string | undefined): Promise<void> {
	const input = terminalInput();
	if (!input) {
		// No terminal to take keys from: behave like less and print.
		await runOutput(target);
		return;
	}
	const { runReader } = await import("./run-reader.js");
	const reader = runReader({ target, input, load, isDirectory });
	let exiting = false;
	/** Exits once the last save is on disk, but never hangs on the way out. */
	const exitWhenSaved = (code: number) => {
		exiting = true;
		process.exitCode = code;
		const exit = () => process.exit(code);
		setTimeout(exit, 2000).unref();
		reader.settled().then(() => {
			tellExitNotes(reader.exitNotes().lines);
			exit();
		}, exit);
	};
	const shutdown = (code: number) => {
		reader.stop();
		exitWhenSaved(code);
	};
	process.on("SIGTERM", () => shutdown(143));
	process.on("SIGHUP", () => shutdown(129));
	process.on("SIGINT", () => shutdown(130));
	process.on("uncaughtException", (error: NodeJS.ErrnoException) => {
		// One error is enough to leave on; more while the last save finishes are not news.
		if (exiting) return;
		reader.saveNow();
		// The terminal went away (window closed): nothing to restore and nobody to tell.
		if (error.code === "EIO" || error.code === "EPIPE") {
			exitWhenSaved(129);
			return;
		}
		try {
			reader.stop();
		} finally {
			process.stderr.write(`fic: internal error: ${error.message}\n`);
			exitWhenSaved(1);
		}
	});
	await reader.exited.catch(() => undefined);
	await reader.settled();
	const { lines, unsaved } = reader.exitNotes();
	tellExitNotes(lines);
	// Never exit 0 as if the place were saved when it was not.
	if (unsaved) process.exitCode = 1;
}

/** What the status bar could only say in short, on stderr once the terminal is back; a closed terminal is not told. */
function tellExitNotes(notes: string[]): void {
	try {
		for (const note of notes) process.stderr.write(`fic: ${sanitizeText(note)}\n`);
	} catch {
		// stderr went away with the terminal
	}
}

/** fic --keys: the keys in force as config.json takes them; what is wrong in the file goes to stderr. */
async function printKeys(): Promise<void> {
	const [{ settingsOnDisk }, { keymapOf, preferenceProblems }, { keysListing }] = await Promise.all([
		import("./persistence/config-file.js"),
		import("./core/key-bindings.js"),
		import("./core/keys-listing.js"),
	]);
	const settings = settingsOnDisk();
	// The same lines as the reader's first status bar: a keys entry that is not a list is one too.
	for (const problem of preferenceProblems(settings)) process.stderr.write(`fic: config.json: ${problem}\n`);
	const keymap = keymapOf(settings.keys);
	endQuietlyOnClosedPipe(process.stdout);
	process.stdout.write(keysListing(keymap));
}

async function main(): Promise<void> {
	if (flags.keys) return printKeys();
	if (flags.completion) {
		const { COMPLETIONS } = await import("./completion.js");
		return void process.stdout.write(COMPLETIONS[flags.completion]());
	}
	const source = input[0] ?? (process.stdin.isTTY ? undefined : STDIN);
	try {
		await readAhead(source);
		// Output that is not a terminal gets the story printed, as less does.
		if (flags.print || flags.notes || flags.json || flags.notesDebug || !process.stdout.isTTY) await runOutput(source);
		else await runInteractive(source);
	} catch (error) {
		if (error instanceof StoryError) fail(error.message);
		fail(`unexpected error: ${(error as Error).message}`);
	}
}

await main();
