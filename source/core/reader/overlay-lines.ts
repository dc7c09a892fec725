// The lines of the help and story-info overlays: how many there are at a width, and how far they scroll.

import { infoLines } from "../info-lines.js";
import type { Keymap } from "../key-bindings.js";
import { displayKey } from "../keymap.js";
import type { Story } from "../story.js";

export interface HelpRow {
	group: string;
	keys: string;
	description: string;
}

/** The help's rows: reading's commands with the keys in force, then the global ones (Ctrl+C, Ctrl+Z). */
export function helpRows(keymap: Keymap): HelpRow[] {
	return keymap.bindings("read").map((binding) => ({
		group: binding.group,
		keys: binding.display ?? binding.keys.map(displayKey).join(" "),
		description: binding.description,
	}));
}

/** Text columns inside an overlay's padding. */
export function overlayWidth(columns: number): number {
	return Math.max(10, columns - 4);
}

/** Rows for an overlay's lines under its title and a gap. */
export function overlayRoom(height: number): number {
	return Math.max(1, height - 2);
}

/** Help in two columns only when each keeps its descriptions whole (56 columns each). */
export function helpColumns(width: number): 1 | 2 {
	return width >= 2 * 56 + 2 ? 2 : 1;
}

/** Rows of help per column at a width. */
export function helpLength(keymap: Keymap, width: number): number {
	return Math.ceil(helpRows(keymap).length / helpColumns(width));
}

/** How far an overlay can scroll: its lines past the room it has (0 when they fit). */
export function overlayMaxScroll(
	kind: "help" | "info",
	story: Story,
	keymap: Keymap,
	columns: number,
	height: number,
): number {
	const width = overlayWidth(columns);
	const length = kind === "help" ? helpLength(keymap, width) : infoLines(story, width).length;
	return Math.max(0, length - overlayRoom(height));
}
