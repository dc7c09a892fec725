// The keymap: every command with its description and help group, and the keys of each layer
// (global, overlays, lists, prompts, per mode). key-bindings.ts lays the user's keys over it; help,
// --help, --keys and the reducer read the result.

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
	| "library"
	| "library-filter";

export type Group = "Move" | "Chapters" | "Search" | "Jump" | "Lists" | "Panel" | "View" | "App" | "Library";

export interface CommandInfo {
	description: string;
	group: Group;
	/** How the help shows the keys, when not one by one (the digits). */
	display?: string;
}

export const COMMANDS = {
	"page.next": { description: "Next page", group: "Move" },
	"page.prev": { description: "Previous page", group: "Move" },
	"line.down": { description: "One line down", group: "Move" },
	"line.up": { description: "One line up", group: "Move" },
	"story.first": { description: "First page (12g: page 12)", group: "Move" },
	"story.last": { description: "Last page (12G: page 12)", group: "Move" },
	"chapter.next": { description: "Next chapter", group: "Chapters" },
	"chapter.prev": { description: "Start of chapter, or the previous one", group: "Chapters" },
	"search.forward": { description: "Search forward", group: "Search" },
	"search.backward": { description: "Search backward", group: "Search" },
	"search.next": { description: "Next match", group: "Search" },
	"search.prev": { description: "Previous match", group: "Search" },
	"search.clear": { description: "Hide the matches", group: "Search" },
	"search.confirm": { description: "Confirm the search", group: "Search" },
	"search.cancel": { description: "Cancel the search", group: "Search" },
	"prompt.delete": { description: "Delete a character", group: "Search" },
	"contents.open": { description: "Table of contents", group: "Jump" },
	"notes-list.open": { description: "Author's notes list", group: "Jump" },
	"marks.set": { description: "Set mark: m + letter", group: "Jump" },
	"marks.jump": { description: "Go to mark: ' + letter", group: "Jump" },
	"jump.back": { description: "Back through the jumps", group: "Jump" },
	"jump.forward": { description: "Forward through the jumps", group: "Jump" },
	"jump.previous": { description: "Back to where the last jump left ('')", group: "Jump" },
	"goto.prompt": { description: "Go to page: :12 Enter", group: "Jump" },
	"goto.percent": { description: "Go to percent: 50%", group: "Jump" },
	"goto.confirm": { description: "Confirm the go to", group: "Jump" },
	"goto.cancel": { description: "Cancel the go to", group: "Jump" },
	"count.digit": { description: "Number for %, g, G", group: "Jump", display: "0-9" },
	"where.show": { description: "Where am I", group: "Jump" },
	"place.elsewhere": { description: "Go where another device is reading", group: "Jump" },
	"notes.toggle": { description: "Show or hide the notes panel", group: "Panel" },
	"notes.scrollDown": { description: "Scroll the notes panel down", group: "Panel" },
	"notes.scrollUp": { description: "Scroll the notes panel up", group: "Panel" },
	"notes.cycle": { description: "Notes beside the page, in the text, or hidden", group: "Panel" },
	"width.wider": { description: "Wider text", group: "View" },
	"width.narrower": { description: "Narrower text", group: "View" },
	"help.toggle": { description: "This help", group: "App" },
	"info.toggle": { description: "Story info: summary, tags, words", group: "App" },
	"library.open": { description: "Library of stories", group: "App" },
	"series.next": { description: "Open the next part of the series", group: "App" },
	"library.close": { description: "Clear the filter, or back to the story (never quits)", group: "Library" },
	"library.filter": { description: "Filter the stories: / and some letters", group: "Library" },
	"library.filterDone": { description: "Keep the filter", group: "Library" },
	"library.filterCancel": { description: "Show every story again", group: "Library" },
	"app.quit": { description: "Quit (the place is saved)", group: "App" },
	"app.suspend": { description: "Suspend to the shell (fg comes back)", group: "App" },
	"overlay.close": { description: "Close", group: "App" },
	"overlay.scrollDown": { description: "Scroll the help or story info down", group: "App" },
	"overlay.scrollUp": { description: "Scroll the help or story info up", group: "App" },
	"list.down": { description: "Next row", group: "Lists" },
	"list.up": { description: "Previous row", group: "Lists" },
	"list.pageDown": { description: "Next screen", group: "Lists" },
	"list.pageUp": { description: "Previous screen", group: "Lists" },
	"list.first": { description: "First row", group: "Lists" },
	"list.last": { description: "Last row", group: "Lists" },
	"list.open": { description: "Go to the row (open the story)", group: "Lists" },
} as const satisfies Record<string, CommandInfo>;

export type CommandId = keyof typeof COMMANDS;

export type Layer =
	| "global"
	| "read"
	| "overlay"
	| "help"
	| "info"
	| "notes"
	| "list"
	| "contents"
	| "notes-list"
	| "prompt"
	| "search"
	| "goto"
	| "mark-set"
	| "mark-jump"
	| "library"
	| "library-filter";

type Keys = Partial<Record<CommandId, readonly string[]>>;

const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/** Key names as the key reader gives them: letters as typed, or named keys (`space`, `ctrl+o`). */
export const LAYERS: Record<Layer, Keys> = {
	global: { "app.quit": ["ctrl+c"], "app.suspend": ["ctrl+z"] },
	read: {
		"page.next": ["space", "pagedown", "right", "f", "l"],
		"page.prev": ["b", "pageup", "left", "h"],
		"line.down": ["j", "down", "return"],
		"line.up": ["k", "up"],
		"story.first": ["g", "home", "<"],
		"story.last": ["G", "end", ">"],
		"chapter.next": ["]"],
		"chapter.prev": ["["],
		"search.forward": ["/"],
		"search.backward": ["?"],
		"search.next": ["n"],
		"search.prev": ["N"],
		"search.clear": ["escape"],
		"contents.open": ["t"],
		"notes-list.open": ["A"],
		"marks.set": ["m"],
		"marks.jump": ["'"],
		"jump.back": ["ctrl+o"],
		"jump.forward": ["tab"],
		"goto.prompt": [":"],
		"goto.percent": ["%"],
		"count.digit": DIGITS,
		"where.show": ["ctrl+g"],
		"place.elsewhere": ["R"],
		"notes.toggle": ["a"],
		"notes.scrollDown": ["J"],
		"notes.scrollUp": ["K"],
		"notes.cycle": ["v"],
		"width.wider": ["+", "="],
		"width.narrower": ["-", "_"],
		// F1 would be the other natural key, but Ink's useInput does not report function keys.
		"help.toggle": ["H"],
		"info.toggle": ["i"],
		"library.open": ["L"],
		"series.next": ["P"],
		"app.quit": ["q", "Q"],
	},
	/** Help, story info and the notes overlay: these close them (and any key without a command). */
	overlay: { "overlay.close": ["escape", "q", "return", "space"] },
	help: { "overlay.close": ["H"], "overlay.scrollDown": ["j", "down"], "overlay.scrollUp": ["k", "up"] },
	info: { "overlay.close": ["i"], "overlay.scrollDown": ["j", "down"], "overlay.scrollUp": ["k", "up"] },
	notes: { "overlay.close": ["a"], "search.forward": ["/"], "search.backward": ["?"] },
	list: {
		"list.down": ["j", "down"],
		"list.up": ["k", "up"],
		"list.pageDown": ["space", "pagedown", "f"],
		"list.pageUp": ["b", "pageup"],
		"list.first": ["g", "home"],
		"list.last": ["G", "end"],
		"list.open": ["return", "l", "right"],
		"overlay.close": ["escape", "q"],
	},
	contents: { "overlay.close": ["t"] },
	"notes-list": { "overlay.close": ["A"], "search.forward": ["/"], "search.backward": ["?"] },
	/** The search and go-to prompts: other keys are typed. */
	prompt: { "prompt.delete": ["backspace"] },
	search: { "search.confirm": ["return"], "search.cancel": ["escape"] },
	goto: { "goto.confirm": ["return"], "goto.cancel": ["escape"] },
	"mark-set": { "overlay.close": ["escape"] },
	"mark-jump": { "jump.previous": ["'", "`"], "overlay.close": ["escape"] },
	library: { "library.close": ["escape"], "library.filter": ["/"], "app.quit": ["q", "Q"] },
	"library-filter": { "library.filterDone": ["return"], "library.filterCancel": ["escape"] },
};

/** The layers a mode reads keys from, first match wins. */
export const MODE_LAYERS: Record<Mode, readonly Layer[]> = {
	read: ["read", "global"],
	help: ["help", "overlay", "global"],
	info: ["info", "overlay", "global"],
	notes: ["notes", "overlay", "global"],
	contents: ["contents", "list", "global"],
	"notes-list": ["notes-list", "list", "global"],
	search: ["search", "prompt", "global"],
	goto: ["goto", "prompt", "global"],
	"mark-set": ["mark-set", "global"],
	"mark-jump": ["mark-jump", "global"],
	library: ["library", "list", "global"],
	"library-filter": ["library-filter", "prompt", "global"],
};

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
	};
	return names[key] ?? (key.startsWith("ctrl+") ? `Ctrl+${key.slice(5).toUpperCase()}` : key);
}
