// The help screen, generated from the keymap table.

import { Box, Text } from "ink";
import { type Binding, displayKey, KEYMAP } from "../../core/keymap.js";
import { theme } from "../theme.js";

export function helpRows(bindings: Binding[] = KEYMAP): Array<{ group: string; keys: string; description: string }> {
	return bindings
		.filter((binding) => binding.mode === "read")
		.map((binding) => ({
			group: binding.group,
			keys: binding.keys.map(displayKey).join(" "),
			description: binding.description,
		}));
}

export function HelpOverlay({ width, height }: { width: number; height: number }) {
	const rows = helpRows();
	const keyWidth = Math.max(...rows.map((row) => row.keys.length)) + 2;
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={2} overflow="hidden">
			<Text bold color={theme.heading}>
				fic — keys (any key closes this)
			</Text>
			<Text> </Text>
			{rows.map((row) => (
				<Text key={`${row.group}${row.description}`} wrap="truncate-end">
					<Text color={theme.accent}>{row.keys.padEnd(keyWidth)}</Text>
					{row.description}
				</Text>
			))}
		</Box>
	);
}
