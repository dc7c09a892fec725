// A full-screen list over the page (table of contents, author's notes): rows, the selected one inverse.

import { Box, Text } from "ink";
import { listRoom } from "../../core/reader/commands/library.js";
import type { ListRowView } from "../../core/reader/lists-view.js";
import { fitCells, textWidth } from "../../core/text-width.js";
import { useTheme } from "../theme.js";

export interface ListOverlayProps {
	title: string;
	rows: ListRowView[];
	selected: number;
	width: number;
	height: number;
	/** Shown under the rows, e.g. "Counting chapters… 40%". */
	footer?: string;
	empty: string;
}

/**
 * A row: its text clipped to the room the right-hand column leaves (that column lines up across rows).
 * The selected row starts with `›` and the reader's own with `▸`, so both show without colours too.
 */
function rowText(row: ListRowView, selected: boolean, width: number, rightWidth: number): string {
	const cut = rightWidth > 0 ? fitCells(row.right ?? "", rightWidth).trimEnd() : "";
	const right = rightWidth > 0 ? `  ${" ".repeat(Math.max(0, rightWidth - textWidth(cut)))}${cut}` : "";
	const marks = `${selected ? "›" : " "}${row.here ? "▸" : " "} `;
	return `${fitCells(`${marks}${row.text}`, Math.max(4, width - textWidth(right)))}${right}`;
}

export function ListOverlay({ title, rows, selected, width, height, footer, empty }: ListOverlayProps) {
	const theme = useTheme();
	const room = listRoom(height);
	const first = Math.max(0, Math.min(selected - Math.floor(room / 2), rows.length - room));
	const visible = rows.slice(first, first + room);
	// The right-hand column (pages, where a note belongs) takes at most 40% of the width.
	const rightWidth = Math.min(
		Math.floor((width - 2) * 0.4),
		Math.max(0, ...rows.map((row) => textWidth(row.right ?? ""))),
	);
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={1} overflow="hidden">
			<Text bold color={theme.heading} wrap="truncate-end">
				{title}
			</Text>
			<Text> </Text>
			{rows.length === 0 ? <Text color={theme.dim}>{empty}</Text> : null}
			{visible.map((row, index) => (
				<Text key={first + index} inverse={first + index === selected} wrap="truncate-end">
					{rowText(row, first + index === selected, width - 2, rightWidth)}
				</Text>
			))}
			<Box flexGrow={1} />
			<Text color={theme.dim} wrap="truncate-end">
				{footer ?? "↑/↓ j/k move · Enter go · Esc close"}
			</Text>
		</Box>
	);
}
