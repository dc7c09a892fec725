// The bottom line while typing a search or a page number: the prompt, what was typed, and how it goes.

import { Box, Text } from "ink";
import { textWidth } from "../../core/text-width.js";
import { useTheme } from "../theme.js";

export interface PromptBarProps {
	/** "/" or "?" for a search, ":" for go to. */
	prefix: string;
	text: string;
	/** Right-aligned, e.g. "match 3 of 41" or "searching 35%". */
	info?: string;
	width: number;
}

/** The end of `text` that fits `cells` terminal cells, with `…` before it when cut. */
function tail(text: string, cells: number): string {
	if (textWidth(text) <= cells) return text;
	const characters = [...text];
	let out = "";
	while (characters.length > 0 && textWidth(`…${characters.at(-1)}${out}`) <= cells) out = `${characters.pop()}${out}`;
	return `…${out}`;
}

export function PromptBar({ prefix, text, info, width }: PromptBarProps) {
	const theme = useTheme();
	const right = info ? `  ${info} ` : " ";
	const room = Math.max(1, width - textWidth(right) - 2);
	// Long queries scroll: the end, where the cursor is, stays in view.
	const shown = tail(`${prefix}${text}`, room);
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end">
				{` ${shown}`}
				<Text inverse> </Text>
				<Text color={theme.dim}>
					{" ".repeat(Math.max(0, width - textWidth(shown) - 2 - textWidth(right)))}
					{right}
				</Text>
			</Text>
		</Box>
	);
}
