// The command line: flags → print, notes, JSON, or the full-screen reader. The only place that exits.

import { openSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { ReadStream } from "node:tty";
import type { Flags } from "./cli-flags.js";
import { printNotes, printStory, storyJson } from "./core/print.js";
import { sanitizeText } from "./core/sanitize.js";
import { notesDebug } from "./formats/notes-debug.js";
import { type OpenedStory, openStory, StoryError, storyFromBytes } from "./formats/open-story.js";
import { USAGE } from "./usage.js";

/** Set at build time from package.json. */
declare const FIC_VERSION: string;

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
	if ("usage" in parsed) {
		process.stderr.write(`fic: ${sanitizeText(parsed.usage)}\n${USAGE}\n`);
		process.exit(2);
	}
	return parsed;
}

const { input, flags } = await readCommandLine(process.argv.slice(2));

const STDIN = "-";

/** Open a story from a path, or from standard input for "-". */
function load(source: string): OpenedStory {
	const options = {
		...(flags.encoding ? { encoding: flags.encoding } : {}),
		...(flags.chapters ? { chapters: flags.chapters } : {}),
	};
	if (source === STDIN) return storyFromBytes(readFileSync(0), "(standard input)", options);
	return openStory(resolve(source), options);
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

function runOutput(source: string | undefined): void {
	if (!source) fail(`a story file is needed\n${USAGE}`, 2);
	if (source !== STDIN && isDirectory(source)) fail(`${source} is a directory, not a story file`);
	if (flags.notesDebug) return void process.stdout.write(notesDebug(resolve(source), flags));
	const { story } = load(source);
	if (flags.json) process.stdout.write(`${JSON.stringify(storyJson(story), null, 2)}\n`);
	else if (flags.notes) process.stdout.write(printNotes(story));
	else process.stdout.write(printStory(story, printWidth()));
}

async function runInteractive(target: string | undefined): Promise<void> {
	const input = terminalInput();
	if (!input) {
		// No terminal to take keys from: behave like less and print.
		runOutput(target);
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
		reader.settled().then(exit, exit);
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
}

async function main(): Promise<void> {
	const source = input[0] ?? (process.stdin.isTTY ? undefined : STDIN);
	try {
		// Output that is not a terminal gets the story printed, as less does.
		if (flags.print || flags.notes || flags.json || flags.notesDebug || !process.stdout.isTTY) runOutput(source);
		else await runInteractive(source);
	} catch (error) {
		if (error instanceof StoryError) fail(error.message);
		fail(`unexpected error: ${(error as Error).message}`);
	}
}

await main();
