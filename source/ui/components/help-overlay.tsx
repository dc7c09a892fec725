// The help screen, generated from the keymap table; two columns when one does not fit.

import { Box, Text } from "ink";
import { type Binding, displayKey, readingBindings } from "../../core/keymap.js";
import { theme } from "../theme.js";

export interface HelpRow {
	group: string;
	keys: string;
	description: string;
}

export function helpRows(bindings: Binding[] = readingBindings()): HelpRow[] {
	return bindings.map((binding) => ({
		group: binding.group,
		keys: binding.display ?? binding.keys.map(displayKey).join(" "),
		description: binding.description,
	}));
}

function Column({ rows, width }: { rows: HelpRow[]; width: number }) {
	// Each column fits its own keys, so a long key list in one does not squeeze the other.
	const keyWidth = Math.min(Math.max(...rows.map((row) => row.keys.length), 0) + 2, Math.floor(width / 2));
	return (
		<Box flexDirection="column" width={width}>
			{rows.map((row) => (
				<Text key={`${row.group}${row.description}`} wrap="truncate-end">
					<Text color={theme.accent}>{row.keys.padEnd(keyWidth)}</Text>
					{row.description}
				</Text>
			))}
		</Box>
	);
}

export function HelpOverlay({ width, height }: { width: number; height: number }) {
	const rows = helpRows();
	const room = Math.max(1, height - 2);
	const inner = Math.max(10, width - 4);
	const columns = rows.length > room && inner >= 60 ? 2 : 1;
	const perColumn = Math.ceil(rows.length / columns);
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={2} overflow="hidden">
			<Text bold color={theme.heading}>
				fic — keys (any key closes this)
			</Text>
			<Text> </Text>
			<Box flexDirection="row" columnGap={2}>
				{Array.from({ length: columns }, (_, index) => (
					<Column
						key={index}
						rows={rows.slice(index * perColumn, (index + 1) * perColumn)}
						width={Math.floor(inner / columns) - (index < columns - 1 ? 2 : 0)}
					/>
				))}
			</Box>
		</Box>
	);
}
