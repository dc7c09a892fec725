// The lines of the help and story-info overlays: how many there are at a width, and how far they scroll.

import { infoLines } from "../info-lines.js";
import type { Binding, Keymap } from "../key-bindings.js";
import { type CommandId, displayKey, LAYERS, type Mode } from "../keymap.js";
import type { Story } from "../story.js";

export interface HelpRow {
	group: string;
	keys: string;
	description: string;
}

/**
 * Modes a reading key opens for one more key, with that key: `'` then `'` goes back (`''`). Their
 * commands other than closing are shown in the help under the opening key, both keys together.
 */
const SECOND_KEY_MODES: ReadonlyArray<{ opener: CommandId; mode: Mode }> = [
	{ opener: "marks.jump", mode: "mark-jump" },
];

const keysShown = (binding: Binding) => binding.display ?? binding.keys.map(displayKey).join(" ");

/** The commands a second key runs after `opener`, each with every opening key before each of its own. */
function secondKeyRows(keymap: Keymap, opener: Binding, mode: Mode): HelpRow[] {
	return keymap
		.bindings(mode)
		.filter((binding) => binding.command !== "overlay.close" && !Object.hasOwn(LAYERS.global, binding.command))
		.map((binding) => ({
			group: binding.group,
			keys: opener.keys.flatMap((first) => binding.keys.map((key) => displayKey(first) + displayKey(key))).join(" "),
			description: binding.description,
		}));
}

/** The help's rows: reading's commands with the keys in force, then the global ones (Ctrl+C, Ctrl+Z). */
export function helpRows(keymap: Keymap): HelpRow[] {
	return keymap.bindings("read").flatMap((binding) => {
		const row = { group: binding.group, keys: keysShown(binding), description: binding.description };
		const second = SECOND_KEY_MODES.find(({ opener }) => opener === binding.command);
		return second ? [row, ...secondKeyRows(keymap, binding, second.mode)] : [row];
	});
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
