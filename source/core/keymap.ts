// The keymap table: every command, its keys per mode, its description; help is generated from it.

export type Mode = "read" | "help" | "notes" | "library";

export type CommandId =
	| "page.next"
	| "page.prev"
	| "line.down"
	| "line.up"
	| "story.first"
	| "story.last"
	| "chapter.next"
	| "chapter.prev"
	| "notes.toggle"
	| "notes.scrollDown"
	| "notes.scrollUp"
	| "width.wider"
	| "width.narrower"
	| "help.toggle"
	| "library.open"
	| "app.quit"
	| "overlay.close"
	| "list.down"
	| "list.up"
	| "list.open";

export interface Binding {
	command: CommandId;
	mode: Mode;
	/** Key names as produced by the UI's key reader: letters as typed, or named keys. */
	keys: string[];
	description: string;
	group: "Move" | "Chapters" | "Panel" | "View" | "App" | "Library";
}

export const KEYMAP: Binding[] = [
	{
		command: "page.next",
		mode: "read",
		keys: ["space", "pagedown", "right", "f", "l"],
		description: "Next page",
		group: "Move",
	},
	{
		command: "page.prev",
		mode: "read",
		keys: ["b", "pageup", "left", "h"],
		description: "Previous page",
		group: "Move",
	},
	{
		command: "line.down",
		mode: "read",
		keys: ["j", "down", "return"],
		description: "One line down",
		group: "Move",
	},
	{
		command: "line.up",
		mode: "read",
		keys: ["k", "up"],
		description: "One line up",
		group: "Move",
	},
	{
		command: "story.first",
		mode: "read",
		keys: ["g", "home", "<"],
		description: "First page",
		group: "Move",
	},
	{
		command: "story.last",
		mode: "read",
		keys: ["G", "end", ">"],
		description: "Last page",
		group: "Move",
	},
	{
		command: "chapter.next",
		mode: "read",
		keys: ["]"],
		description: "Next chapter",
		group: "Chapters",
	},
	{
		command: "chapter.prev",
		mode: "read",
		keys: ["["],
		description: "Start of chapter, or the previous one",
		group: "Chapters",
	},
	{
		command: "notes.toggle",
		mode: "read",
		keys: ["a"],
		description: "Show or hide the notes panel",
		group: "Panel",
	},
	{
		command: "notes.scrollDown",
		mode: "read",
		keys: ["J"],
		description: "Scroll the notes panel down",
		group: "Panel",
	},
	{
		command: "notes.scrollUp",
		mode: "read",
		keys: ["K"],
		description: "Scroll the notes panel up",
		group: "Panel",
	},
	{
		command: "width.wider",
		mode: "read",
		keys: ["+", "="],
		description: "Wider text",
		group: "View",
	},
	{
		command: "width.narrower",
		mode: "read",
		keys: ["-", "_"],
		description: "Narrower text",
		group: "View",
	},
	{
		command: "help.toggle",
		mode: "read",
		keys: ["?"],
		description: "This help",
		group: "App",
	},
	{
		command: "library.open",
		mode: "read",
		keys: ["L"],
		description: "Library of stories",
		group: "App",
	},
	{
		command: "app.quit",
		mode: "read",
		keys: ["q", "Q", "ctrl+c"],
		description: "Quit (the place is saved)",
		group: "App",
	},
	{
		command: "overlay.close",
		mode: "help",
		keys: ["escape", "q", "?", "return", "space"],
		description: "Close the help",
		group: "App",
	},
	{
		command: "app.quit",
		mode: "help",
		keys: ["ctrl+c"],
		description: "Quit",
		group: "App",
	},
	{
		command: "overlay.close",
		mode: "notes",
		keys: ["escape", "q", "a", "return", "space"],
		description: "Close the notes",
		group: "Panel",
	},
	{
		command: "app.quit",
		mode: "notes",
		keys: ["ctrl+c"],
		description: "Quit",
		group: "App",
	},
	{
		command: "list.down",
		mode: "library",
		keys: ["j", "down"],
		description: "Next story",
		group: "Library",
	},
	{
		command: "list.up",
		mode: "library",
		keys: ["k", "up"],
		description: "Previous story",
		group: "Library",
	},
	{
		command: "list.open",
		mode: "library",
		keys: ["return", "l", "right"],
		description: "Open the story",
		group: "Library",
	},
	{
		command: "app.quit",
		mode: "library",
		keys: ["q", "Q", "ctrl+c", "escape"],
		description: "Quit",
		group: "Library",
	},
];

const index = new Map<string, CommandId>();
for (const binding of KEYMAP) for (const key of binding.keys) index.set(`${binding.mode} ${key}`, binding.command);

export function resolveCommand(mode: Mode, key: string): CommandId | undefined {
	return index.get(`${mode} ${key}`);
}

/** How a key name is shown to people. */
export function displayKey(key: string): string {
	const names: Record<string, string> = {
		space: "Space",
		pagedown: "PgDn",
		pageup: "PgUp",
		right: "→",
		left: "←",
		down: "↓",
		up: "↑",
		home: "Home",
		end: "End",
		return: "Enter",
		escape: "Esc",
		"ctrl+c": "Ctrl+C",
	};
	return names[key] ?? key;
}
