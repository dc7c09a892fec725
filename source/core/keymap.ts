// The keymap table: every command, its keys per mode, its description; help is generated from it.

export type Mode =
	| "read"
	| "help"
	| "info"
	| "notes"
	| "search"
	| "goto"
	| "contents"
	| "notes-list"
	| "mark-set"
	| "mark-jump"
	| "library";

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
	| "info.toggle"
	| "library.open"
	| "app.quit"
	| "overlay.close"
	| "list.down"
	| "list.up"
	| "list.pageDown"
	| "list.pageUp"
	| "list.first"
	| "list.last"
	| "list.open"
	| "search.forward"
	| "search.backward"
	| "search.next"
	| "search.prev"
	| "search.clear"
	| "search.confirm"
	| "search.cancel"
	| "prompt.delete"
	| "contents.open"
	| "notes-list.open"
	| "marks.set"
	| "marks.jump"
	| "jump.back"
	| "jump.forward"
	| "jump.previous"
	| "goto.prompt"
	| "goto.percent"
	| "goto.confirm"
	| "goto.cancel"
	| "count.digit"
	| "where.show";

export interface Binding {
	command: CommandId;
	mode: Mode;
	/** Key names as produced by the UI's key reader: letters as typed, or named keys. */
	keys: string[];
	description: string;
	group: "Move" | "Chapters" | "Search" | "Jump" | "Lists" | "Panel" | "View" | "App" | "Library";
	/** How the help shows the keys, when not one by one (the digits). */
	display?: string;
}

const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/** The keys of a list (contents, notes list): move, open, close. */
function listBindings(mode: "contents" | "notes-list", closeKey: string, what: string): Binding[] {
	return [
		{ command: "list.down", mode, keys: ["j", "down"], description: "Next row", group: "Lists" },
		{ command: "list.up", mode, keys: ["k", "up"], description: "Previous row", group: "Lists" },
		{ command: "list.pageDown", mode, keys: ["space", "pagedown", "f"], description: "Next screen", group: "Lists" },
		{ command: "list.pageUp", mode, keys: ["b", "pageup"], description: "Previous screen", group: "Lists" },
		{ command: "list.first", mode, keys: ["g", "home"], description: "First row", group: "Lists" },
		{ command: "list.last", mode, keys: ["G", "end"], description: "Last row", group: "Lists" },
		{ command: "list.open", mode, keys: ["return", "l", "right"], description: `Go to the ${what}`, group: "Lists" },
		{ command: "overlay.close", mode, keys: ["escape", "q", closeKey], description: "Close the list", group: "Lists" },
		{ command: "app.quit", mode, keys: ["ctrl+c"], description: "Quit", group: "App" },
	];
}

/** The keys of a prompt line (search, go to): Enter, Esc, Backspace; other keys are typed. */
function promptBindings(mode: "search" | "goto"): Binding[] {
	const what = mode === "search" ? "search" : "go to";
	return [
		{
			command: mode === "search" ? "search.confirm" : "goto.confirm",
			mode,
			keys: ["return"],
			description: `Confirm the ${what}`,
			group: mode === "search" ? "Search" : "Jump",
		},
		{
			command: mode === "search" ? "search.cancel" : "goto.cancel",
			mode,
			keys: ["escape"],
			description: `Cancel the ${what}`,
			group: mode === "search" ? "Search" : "Jump",
		},
		{ command: "prompt.delete", mode, keys: ["backspace"], description: "Delete a character", group: "Search" },
		{ command: "app.quit", mode, keys: ["ctrl+c"], description: "Quit", group: "App" },
	];
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
		description: "First page (12g: page 12)",
		group: "Move",
	},
	{
		command: "story.last",
		mode: "read",
		keys: ["G", "end", ">"],
		description: "Last page (12G: page 12)",
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
	{ command: "search.forward", mode: "read", keys: ["/"], description: "Search forward", group: "Search" },
	{ command: "search.backward", mode: "read", keys: ["?"], description: "Search backward", group: "Search" },
	{ command: "search.next", mode: "read", keys: ["n"], description: "Next match", group: "Search" },
	{ command: "search.prev", mode: "read", keys: ["N"], description: "Previous match", group: "Search" },
	{ command: "search.clear", mode: "read", keys: ["escape"], description: "Hide the matches", group: "Search" },
	{ command: "contents.open", mode: "read", keys: ["t"], description: "Table of contents", group: "Jump" },
	{ command: "notes-list.open", mode: "read", keys: ["A"], description: "Author's notes list", group: "Jump" },
	{ command: "marks.set", mode: "read", keys: ["m"], description: "Set mark: m + letter", group: "Jump" },
	{ command: "marks.jump", mode: "read", keys: ["'"], description: "Go to mark: ' + letter", group: "Jump" },
	{ command: "jump.back", mode: "read", keys: ["ctrl+o"], description: "Back through the jumps", group: "Jump" },
	{ command: "jump.forward", mode: "read", keys: ["tab"], description: "Forward through the jumps", group: "Jump" },
	{ command: "goto.prompt", mode: "read", keys: [":"], description: "Go to page: :12 Enter", group: "Jump" },
	{
		command: "goto.percent",
		mode: "read",
		keys: ["%"],
		description: "Go to percent: 50%",
		group: "Jump",
	},
	{
		command: "count.digit",
		mode: "read",
		keys: DIGITS,
		description: "Number for %, g, G",
		group: "Jump",
		display: "0-9",
	},
	{ command: "where.show", mode: "read", keys: ["ctrl+g"], description: "Where am I", group: "Jump" },
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
		// F1 would be the other natural key, but Ink's useInput does not report function keys.
		keys: ["H"],
		description: "This help",
		group: "App",
	},
	{
		command: "info.toggle",
		mode: "read",
		keys: ["i"],
		description: "Story info: summary, tags, words",
		group: "App",
	},
	{
		command: "overlay.close",
		mode: "info",
		keys: ["escape", "q", "i", "return", "space"],
		description: "Close the story info",
		group: "App",
	},
	{
		command: "app.quit",
		mode: "info",
		keys: ["ctrl+c"],
		description: "Quit",
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
		keys: ["escape", "q", "H", "return", "space"],
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
	{ command: "search.forward", mode: "notes", keys: ["/"], description: "Search the notes", group: "Search" },
	{ command: "search.backward", mode: "notes", keys: ["?"], description: "Search the notes backward", group: "Search" },
	{
		command: "app.quit",
		mode: "notes",
		keys: ["ctrl+c"],
		description: "Quit",
		group: "App",
	},
	...promptBindings("search"),
	...promptBindings("goto"),
	...listBindings("contents", "t", "chapter"),
	...listBindings("notes-list", "A", "place of the note"),
	{ command: "search.forward", mode: "notes-list", keys: ["/"], description: "Search the notes", group: "Search" },
	{
		command: "search.backward",
		mode: "notes-list",
		keys: ["?"],
		description: "Search the notes backward",
		group: "Search",
	},
	{ command: "overlay.close", mode: "mark-set", keys: ["escape"], description: "Set no mark", group: "Jump" },
	{ command: "app.quit", mode: "mark-set", keys: ["ctrl+c"], description: "Quit", group: "App" },
	{
		command: "jump.previous",
		mode: "mark-jump",
		keys: ["'", "`"],
		description: "Back to where the last jump left ('')",
		group: "Jump",
	},
	{ command: "overlay.close", mode: "mark-jump", keys: ["escape"], description: "Go nowhere", group: "Jump" },
	{ command: "app.quit", mode: "mark-jump", keys: ["ctrl+c"], description: "Quit", group: "App" },
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
		backspace: "Backspace",
		tab: "Ctrl+I",
		"ctrl+c": "Ctrl+C",
		"ctrl+o": "Ctrl+O",
		"ctrl+g": "Ctrl+G",
	};
	return names[key] ?? key;
}
