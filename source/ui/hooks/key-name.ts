// Turns Ink's (input, key) pair into the key names of the keymap table.

import type { Key } from "ink";

export function keyName(input: string, key: Key): string | undefined {
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	if (key.pageDown) return "pagedown";
	if (key.pageUp) return "pageup";
	if (key.home) return "home";
	if (key.end) return "end";
	if (key.upArrow) return "up";
	if (key.downArrow) return "down";
	if (key.leftArrow) return "left";
	if (key.rightArrow) return "right";
	if (key.return) return "return";
	if (key.escape) return "escape";
	if (key.tab) return "tab";
	if (key.backspace || key.delete) return "backspace";
	if (input === " ") return "space";
	return input.length > 0 ? input : undefined;
}
