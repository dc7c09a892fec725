// Flag parsing with meow: loaded only when the command line has flags (a plain `fic FILE` starts faster).

import meow from "meow";
import { OPTIONS, optionsHelp, SHELLS, type Shell } from "./cli-options.js";
import { keymapOf } from "./core/key-bindings.js";
import { helpRows } from "./core/reader/overlay-lines.js";
import { isKnownEncoding } from "./formats/decode.js";
import { settingsOnDisk } from "./persistence/config-file.js";
import { USAGE } from "./usage.js";

export interface Flags {
	print: boolean;
	width?: number;
	notes: boolean;
	json: boolean;
	encoding?: string;
	/** Print each paragraph's verdict and the rule behind it (--notes-debug). */
	notesDebug?: boolean;
	/** Lines matching this pattern start chapters (--chapters). */
	chapters?: RegExp;
	/** Print every command with its keys, as config.json's "keys" takes them (--keys). */
	keys?: boolean;
	/** Print the completion script for a shell (--completion SHELL). */
	completion?: Shell;
}

const KNOWN_FLAGS = new Set(OPTIONS.map((option) => option.name));

/** The reading keys in force, as the H help lists them: config.json's "keys" over the defaults. */
const keysHelp = () =>
	helpRows(keymapOf(settingsOnDisk().keys))
		.map((row) => `    ${row.keys.padEnd(28)}${row.description}`)
		.join("\n");

/** Flags that take a value, and what the value is called in a message. */
const VALUE_FLAGS: Record<string, string> = Object.fromEntries(
	OPTIONS.flatMap((option) => (option.needs ? [[option.name, option.needs]] : [])),
);

/**
 * An unknown flag, or a flag whose value is missing (`--encoding --print`), as a message. The
 * value after --width or --encoding is the flag's, even when it starts with a dash (`--width -5`).
 */
function unknownOrMissing(argv: string[]): string | undefined {
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index] as string;
		if (arg === "--") break;
		if (!arg.startsWith("-") || arg === "-") continue;
		const name = arg.split("=")[0] as string;
		if (!KNOWN_FLAGS.has(name)) return `unknown option ${name}`;
		const needs = VALUE_FLAGS[name];
		if (!needs || arg.includes("=")) continue;
		const value = argv[index + 1];
		if (value === undefined || value === "" || (value.startsWith("--") && value !== "--"))
			return `${name} needs ${needs}`;
		index++;
	}
	return undefined;
}

/** The user's chapter-heading pattern, matched against each trimmed line, ignoring case. */
function chapterPattern(source: string): RegExp | undefined {
	if (source.trim() === "") return undefined;
	try {
		return new RegExp(source, "iu");
	} catch {
		return undefined;
	}
}

/** The short forms readers try first: -h and -V mean --help and --version. */
const SHORT_FLAGS: Record<string, string> = { "-h": "--help", "-V": "--version" };

/** Parse the flags; a bad flag or value is returned as a usage error (exit status 2). */
export function parseFlags(given: string[], version: string): { input: string[]; flags: Flags } | { usage: string } {
	const argv = given.map((arg) => SHORT_FLAGS[arg] ?? arg);
	const cli = meow(
		`
  A terminal reader for stories. Author's notes go to a side panel; your place is saved.

  ${USAGE}

  With no FILE, fic reopens the last story at its place, or shows the library.
  A FOLDER shows the library of the stories in it. With - or a pipe (cat story.txt | fic),
  the story is read from standard input and the keys from the terminal, as less does.

  Options
${optionsHelp()}

  Keys
${keysHelp()}
`,
		{
			argv,
			importMeta: import.meta,
			pkg: { name: "fic", version },
			allowUnknownFlags: true,
			flags: {
				print: { type: "boolean", default: false },
				width: { type: "number" },
				notes: { type: "boolean", default: false },
				json: { type: "boolean", default: false },
				encoding: { type: "string" },
				notesDebug: { type: "boolean", default: false },
				chapters: { type: "string" },
				keys: { type: "boolean", default: false },
				completion: { type: "string" },
			},
		},
	);
	const wrong = unknownOrMissing(argv);
	if (wrong) return { usage: wrong };
	const { width, encoding } = cli.flags;
	if (width !== undefined && (!Number.isInteger(width) || width < 1))
		return { usage: "the width must be a positive number of columns (--width 72)" };
	if (encoding === "") return { usage: "--encoding needs a name" };
	if (encoding !== undefined && !isKnownEncoding(encoding)) return { usage: `unknown encoding ${encoding}` };
	const outputs = ["--print", "--notes", "--json"].filter((name) => cli.flags[name.slice(2) as "print"]);
	if (outputs.length > 1) return { usage: `${outputs.join(" and ")} cannot be used together` };
	if (cli.input.length > 1) return { usage: "one FILE, FOLDER or - at a time" };
	const flags: Flags = { print: cli.flags.print, notes: cli.flags.notes, json: cli.flags.json };
	if (width !== undefined) flags.width = width;
	if (encoding !== undefined) flags.encoding = encoding;
	if (cli.flags.notesDebug) flags.notesDebug = true;
	if (cli.flags.keys) flags.keys = true;
	const { completion } = cli.flags;
	if (completion !== undefined) {
		if (!(SHELLS as readonly string[]).includes(completion))
			return { usage: `--completion needs bash, zsh or fish, not ${completion}` };
		flags.completion = completion as Shell;
	}
	if (cli.flags.chapters !== undefined) {
		const chapters = chapterPattern(cli.flags.chapters);
		if (!chapters) return { usage: `--chapters needs a regular expression, not ${cli.flags.chapters}` };
		flags.chapters = chapters;
	}
	return { input: cli.input, flags };
}
