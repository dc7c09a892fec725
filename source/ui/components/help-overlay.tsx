// The help screen, generated from the keymap; two columns when both fit whole, else one that scrolls.

import { Box, Text } from "ink";
import { type HelpRow, helpColumns, overlayRoom, overlayWidth } from "../../core/reader/overlay-lines.js";
import { useTheme } from "../theme.js";

/** Each column fits its own keys, so a long key list in one does not squeeze the other. */
const keyWidthOf = (rows: HelpRow[], width: number) =>
	Math.min(Math.max(...rows.map((row) => row.keys.length), 0) + 2, Math.floor(width / 2));

function Column({ rows, width, keyWidth }: { rows: HelpRow[]; width: number; keyWidth: number }) {
	const theme = useTheme();
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

export function HelpOverlay({
	rows,
	width,
	height,
	scroll = 0,
}: {
	rows: HelpRow[];
	width: number;
	height: number;
	scroll?: number;
}) {
	const theme = useTheme();
	const inner = overlayWidth(width);
	const room = overlayRoom(height);
	const columns = helpColumns(inner);
	const perColumn = Math.ceil(rows.length / columns);
	const top = Math.max(0, Math.min(scroll, perColumn - room));
	const scrolls = perColumn > room;
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={2} overflow="hidden">
			<Text bold color={theme.heading} wrap="truncate-end">
				{scrolls ? "fic — keys (j/k scroll · any other key closes)" : "fic — keys (any key closes this)"}
			</Text>
			<Text> </Text>
			<Box flexDirection="row" columnGap={2} height={room} overflow="hidden">
				{Array.from({ length: columns }, (_, index) => {
					const column = rows.slice(index * perColumn, (index + 1) * perColumn);
					const columnWidth = Math.floor(inner / columns) - (index < columns - 1 ? 2 : 0);
					// The keys' width of the whole column, not of the rows in view: scrolling keeps the descriptions still.
					return (
						<Column
							key={index}
							rows={column.slice(top, top + room)}
							width={columnWidth}
							keyWidth={keyWidthOf(column, columnWidth)}
						/>
					);
				})}
			</Box>
		</Box>
	);
}
