// Flag parsing with meow: loaded only when the command line has flags (a plain `fic FILE` starts faster).

import meow from "meow";
import { displayKey, readingBindings } from "./core/keymap.js";
import { isKnownEncoding } from "./formats/decode.js";
import { USAGE } from "./usage.js";

export interface Flags {
	print: boolean;
	width?: number;
	notes: boolean;
	json: boolean;
	encoding?: string;
}

const KNOWN_FLAGS = new Set(["--print", "--width", "--notes", "--json", "--encoding", "--help", "--version"]);

const keysHelp = () =>
	readingBindings()
		.map((binding) => `    ${binding.keys.map(displayKey).join(" ").padEnd(28)}${binding.description}`)
		.join("\n");

/** Parse the flags; a bad flag or value is returned as a usage error (exit status 2). */
export function parseFlags(argv: string[], version: string): { input: string[]; flags: Flags } | { usage: string } {
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
			},
		},
	);
	for (const arg of argv) {
		if (arg === "--") break;
		if (!arg.startsWith("-") || arg === "-") continue;
		const name = arg.split("=")[0] as string;
		if (!KNOWN_FLAGS.has(name)) return { usage: `unknown option ${name}` };
	}
	const { width, encoding } = cli.flags;
	if (width !== undefined && (!Number.isInteger(width) || width < 1))
		return { usage: "--width needs a whole number of columns" };
	if (encoding !== undefined && !isKnownEncoding(encoding)) return { usage: `unknown encoding ${encoding}` };
	const flags: Flags = { print: cli.flags.print, notes: cli.flags.notes, json: cli.flags.json };
	if (width !== undefined) flags.width = width;
	if (encoding !== undefined) flags.encoding = encoding;
	return { input: cli.input, flags };
}
