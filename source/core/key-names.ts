// The names keys have in the keymap and the keys setting: as the key reader (ui/key-events.ts) gives them.

/** Keys with a name of their own; every other key is the one character it types. */
const NAMED = new Set([
	"space",
	"return",
	"escape",
	"tab",
	"backspace",
	"up",
	"down",
	"left",
	"right",
	"pageup",
	"pagedown",
	"home",
	"end",
]);

/** Ctrl+H, Ctrl+I, Ctrl+J and Ctrl+M reach a terminal program as Backspace, Tab and Enter. */
const NOT_CTRL_KEYS = new Set(["ctrl+h", "ctrl+i", "ctrl+j", "ctrl+m"]);

export function isKeyName(name: string): boolean {
	if (NAMED.has(name) || (/^ctrl\+[a-z]$/.test(name) && !NOT_CTRL_KEYS.has(name))) return true;
	const characters = [...name];
	if (characters.length !== 1) return false;
	const code = name.codePointAt(0) ?? 0;
	return code > 0x20 && code !== 0x7f;
}

/** A key that types a character: at a prompt it is text, never a command. */
export function typesText(name: string): boolean {
	return name === "space" || [...name].length === 1;
}
