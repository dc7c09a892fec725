// The only code that knows Ink's Key: each input event becomes the list of keys it carries
// ("   " is three spaces, "j\r" is j then Enter; a paste at a prompt is typed a character at a time).

import type { Key } from "ink";
import type { KeyEvent } from "../core/reader/state.js";

/** Control characters that arrive inside a run of text, by name. */
const CONTROLS: Record<string, string> = { "\r": "return", "\n": "return", "\t": "tab", "\u001b": "escape" };

/** One character of a run of text as a key. */
function characterKey(character: string): KeyEvent | undefined {
	if (character === " ") return { name: "space", text: " " };
	const control = CONTROLS[character];
	if (control) return { name: control };
	const code = character.codePointAt(0) ?? 0;
	if (code === 0x7f || code === 0x08) return { name: "backspace" };
	// Ctrl+A … Ctrl+Z arrive as the bytes 1 … 26.
	if (code >= 1 && code <= 26) return { name: `ctrl+${String.fromCharCode(code + 96)}` };
	if (code < 0x20) return undefined;
	return { name: character, text: character };
}

/** A key Ink parsed on its own (one character or one escape sequence). */
function namedKey(input: string, key: Key): KeyEvent | undefined {
	if (key.ctrl && input) return { name: `ctrl+${input.toLowerCase()}` };
	if (key.pageDown) return { name: "pagedown" };
	if (key.pageUp) return { name: "pageup" };
	if (key.home) return { name: "home" };
	if (key.end) return { name: "end" };
	if (key.upArrow) return { name: "up" };
	if (key.downArrow) return { name: "down" };
	if (key.leftArrow) return { name: "left" };
	if (key.rightArrow) return { name: "right" };
	if (key.return) return { name: "return" };
	if (key.escape) return { name: "escape" };
	if (key.tab) return { name: "tab" };
	if (key.backspace || key.delete) return { name: "backspace" };
	return input.length > 0 ? characterKey(input) : undefined;
}

export function keysOf(input: string, key: Key): KeyEvent[] {
	const characters = [...input];
	if (characters.length <= 1) {
		const one = namedKey(input, key);
		// Esc and a key in one write reach Ink as Alt+key: fic binds no Alt keys, so it is Esc, then the key.
		if (one && key.meta && !key.escape && one.text) return [{ name: "escape" }, one];
		return one ? [one] : [];
	}
	// Ink hands over a run of text (keys typed faster than read, or a paste) as one event.
	return characters.map(characterKey).filter((event): event is KeyEvent => event !== undefined);
}
