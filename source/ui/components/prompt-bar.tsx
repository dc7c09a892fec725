// The bottom line while typing a search or a page number: the prompt, what was typed, and how it goes.

import { Box, Text } from "ink";
import { theme } from "../theme.js";

export interface PromptBarProps {
	/** "/" or "?" for a search, ":" for go to. */
	prefix: string;
	text: string;
	/** Right-aligned, e.g. "match 3 of 41" or "searching 35%". */
	info?: string;
	width: number;
}

export function PromptBar({ prefix, text, info, width }: PromptBarProps) {
	const right = info ? `  ${info} ` : " ";
	const room = Math.max(1, width - right.length - 2);
	const typed = `${prefix}${text}`;
	// Long queries scroll: the end, where the cursor is, stays in view.
	const shown = typed.length > room ? `…${typed.slice(typed.length - room + 1)}` : typed;
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end">
				{` ${shown}`}
				<Text inverse> </Text>
				<Text color={theme.dim}>{right.padStart(Math.max(0, width - shown.length - 2))}</Text>
			</Text>
		</Box>
	);
}
