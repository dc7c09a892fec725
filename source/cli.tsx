// The command line: flags → print, notes, JSON, or the full-screen reader. The only place that exits.

import { openSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { ReadStream } from "node:tty";
import { render } from "ink";
import meow from "meow";
import { App, type Start } from "./app.js";
import { displayKey, KEYMAP } from "./core/keymap.js";
import { printNotes, printStory, storyJson } from "./core/print.js";
import { isKnownEncoding } from "./formats/decode.js";
import { scanLibrary } from "./formats/library.js";
import { type OpenedStory, openStory, StoryError, storyFromBytes } from "./formats/open-story.js";
import { ConfStore } from "./persistence/conf-store.js";
import { PositionSaver } from "./persistence/position-saver.js";

const USAGE = "Usage: fic [--print [--width N]] [--notes] [--json] [--encoding NAME] [FILE | FOLDER | -]";

const keysHelp = KEYMAP.filter((binding) => binding.mode === "read")
	.map((binding) => `    ${binding.keys.map(displayKey).join(" ").padEnd(28)}${binding.description}`)
	.join("\n");

const cli = meow(
	`
  A terminal reader for stories. Author's notes go to a side panel; your place is saved.

  ${USAGE}

  With no FILE, fic reopens the last story at its place, or shows the library.
  A FOLDER shows the library of the stories in it. With - or a pipe (cat story.txt | fic),
  the story is read from standard input and the keys from the terminal, as less does.

  Options
    --print        Write the story wrapped to the terminal (or --width) and exit, notes left out
    --width N      Columns for --print (default: the terminal, else 80)
    --notes        Write only the author's notes, with kind, chapter and position
    --json         Write the parsed story as JSON
    --encoding N   Read the file in encoding N (e.g. windows-1252, utf-16le) instead of detecting it
    --help         Show this help
    --version      Show the version

  Keys
${keysHelp}
`,
	{
		importMeta: import.meta,
		allowUnknownFlags: true,
		flags: {
			print: { type: "boolean", default: false },
			width: { type: "number" },
			notes: { type: "boolean", default: false },
			json: { type: "boolean", default: false },
			encoding: { type: "string" },
		},
	},
);

const KNOWN_FLAGS = new Set(["--print", "--width", "--notes", "--json", "--encoding", "--help", "--version"]);

function fail(message: string, code = 1): never {
	process.stderr.write(`fic: ${message}\n`);
	process.exit(code);
}

function checkFlags(argv: string[]): void {
	for (const arg of argv) {
		if (arg === "--") return;
		if (!arg.startsWith("-") || arg === "-") continue;
		const name = arg.split("=")[0] as string;
		if (!KNOWN_FLAGS.has(name)) {
			process.stderr.write(`fic: unknown option ${name}\n${USAGE}\n`);
			process.exit(2);
		}
	}
	if (cli.flags.width !== undefined && (!Number.isInteger(cli.flags.width) || cli.flags.width < 1)) {
		process.stderr.write(`fic: --width needs a whole number of columns\n${USAGE}\n`);
		process.exit(2);
	}
	if (cli.flags.encoding !== undefined && !isKnownEncoding(cli.flags.encoding)) {
		process.stderr.write(`fic: unknown encoding ${cli.flags.encoding}\n${USAGE}\n`);
		process.exit(2);
	}
}

const STDIN = "-";

/** Open a story from a path, or from standard input for "-". */
function load(source: string): OpenedStory {
	const options = cli.flags.encoding ? { encoding: cli.flags.encoding } : {};
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
	return cli.flags.width ?? (process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80);
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
	const { story } = load(source);
	if (cli.flags.json) process.stdout.write(`${JSON.stringify(storyJson(story), null, 2)}\n`);
	else if (cli.flags.notes) process.stdout.write(printNotes(story));
	else process.stdout.write(printStory(story, printWidth()));
}

function runReader(target: string | undefined): void {
	const input = terminalInput();
	if (!input) {
		// No terminal to take keys from: behave like less and print.
		runOutput(target);
		return;
	}
	const store = ConfStore.open();
	const saver = new PositionSaver(store);
	const path = target ?? store.lastStoryPath();
	let start: Start;
	if (path === undefined) start = { kind: "library", folder: process.cwd() };
	else if (path !== STDIN && isDirectory(path)) start = { kind: "library", folder: resolve(path) };
	else {
		try {
			start = { kind: "story", opened: load(path) };
		} catch (error) {
			// A last story that has gone away is no reason to fail: show the library instead.
			if (target === undefined && error instanceof StoryError) start = { kind: "library", folder: process.cwd() };
			else throw error;
		}
	}
	const app = <App start={start} store={store} saver={saver} openStory={load} scanLibrary={scanLibrary} />;
	const instance = render(app, {
		stdin: input,
		alternateScreen: true,
		exitOnCtrlC: false,
		patchConsole: false,
		interactive: true,
	});
	const shutdown = (code: number) => {
		saver.flush();
		instance.unmount();
		process.exitCode = code;
		setImmediate(() => process.exit(code));
	};
	process.on("SIGTERM", () => shutdown(143));
	process.on("SIGHUP", () => shutdown(129));
	process.on("SIGINT", () => shutdown(130));
	process.on("uncaughtException", (error) => {
		try {
			saver.flush();
			instance.unmount();
		} finally {
			process.stderr.write(`fic: internal error: ${error.message}\n`);
			process.exit(1);
		}
	});
	instance.waitUntilExit().then(
		() => saver.flush(),
		() => saver.flush(),
	);
}

function main(): void {
	checkFlags(process.argv.slice(2));
	const source = cli.input[0] ?? (process.stdin.isTTY ? undefined : STDIN);
	try {
		// Output that is not a terminal gets the story printed, as less does.
		if (cli.flags.print || cli.flags.notes || cli.flags.json || !process.stdout.isTTY) runOutput(source);
		else runReader(source);
	} catch (error) {
		if (error instanceof StoryError) fail(error.message);
		fail(`unexpected error: ${(error as Error).message}`);
	}
}

main();
