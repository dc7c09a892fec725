// Every command-line option with its value and description: the help, the flag check, the
// completion scripts and the man page's test all read this one list.

export interface CliOption {
	name: string;
	/** What the option's value is called (`N`, `NAME`); none for a switch. */
	value?: string;
	/** The short form, if any (`-h`). */
	short?: string;
	description: string;
	/** The values it takes, when they are few and known (for completion). */
	choices?: readonly string[];
	/** What a missing value is said to be (`--width needs a number of columns`). */
	needs?: string;
}

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export const OPTIONS: readonly CliOption[] = [
	{ name: "--print", description: "Write the story wrapped to the terminal (or --width) and exit, notes left out" },
	{
		name: "--width",
		value: "N",
		needs: "a number of columns",
		description: "Columns for --print (default: the terminal, else 80)",
	},
	{ name: "--notes", description: "Write only the author's notes, with kind, chapter and position" },
	{ name: "--json", description: "Write the parsed story as JSON" },
	{
		name: "--encoding",
		value: "NAME",
		needs: "a name",
		description: "Read the file in encoding NAME (e.g. windows-1252, utf-16le) instead of detecting it",
	},
	{
		name: "--chapters",
		value: "RE",
		needs: "a pattern",
		description: "In a plain-text story, lines matching the regular expression RE start chapters",
	},
	{
		name: "--notes-debug",
		description: "Write every paragraph with its verdict (story or note) and the rule that decided it",
	},
	{
		name: "--keys",
		description: 'Write every command with its id, keys and description, as config.json\'s "keys" takes them',
	},
	{
		name: "--completion",
		value: "SHELL",
		needs: "a shell (bash, zsh or fish)",
		description: "Write a completion script for bash, zsh or fish",
		choices: SHELLS,
	},
	{ name: "--help", short: "-h", description: "Show this help" },
	{ name: "--version", short: "-V", description: "Show the version" },
];

/** The options as the help lists them, aligned. */
export function optionsHelp(): string {
	const label = (option: CliOption) =>
		`${option.name}${option.value ? ` ${option.value}` : ""}${option.short ? `, ${option.short}` : ""}`;
	const width = Math.max(...OPTIONS.map((option) => label(option).length)) + 2;
	return OPTIONS.map((option) => `    ${label(option).padEnd(width)}${option.description}`).join("\n");
}
