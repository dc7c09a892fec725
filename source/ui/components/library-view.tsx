// The library list: title, author, words, progress and last read; the selected row highlighted.

import { Box, Text } from "ink";
import { type LibraryRow, progressBar, relativeTime } from "../../core/library-rows.js";
import { fitCells } from "../../core/text-width.js";
import { theme } from "../theme.js";

export interface LibraryViewProps {
	/** Undefined while the folder is being read. */
	rows: LibraryRow[] | undefined;
	selected: number;
	width: number;
	height: number;
	folder: string;
	message?: string;
}

function rowText(row: LibraryRow, width: number, now: Date): string {
	const byline = row.author ? ` by ${row.author}` : "";
	const right = ` ${row.words.toLocaleString("en")} words  ${progressBar(row.percent, 10)} ${String(Math.floor(row.percent)).padStart(3)}%  ${relativeTime(row.lastRead, now).padEnd(11)}`;
	const leftWidth = Math.max(4, width - right.length - 2);
	return `${fitCells(`${row.title}${byline}`, leftWidth)}${right}`;
}

export function LibraryView({ rows: listed, selected, width, height, folder, message }: LibraryViewProps) {
	const now = new Date();
	const rows = listed ?? [];
	const listHeight = Math.max(1, height - 3);
	const first = Math.max(0, Math.min(selected - Math.floor(listHeight / 2), rows.length - listHeight));
	const visible = rows.slice(first, first + listHeight);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.heading} wrap="truncate-end">
				{` Library · ${folder} · ${listed === undefined ? "reading…" : `${rows.length} ${rows.length === 1 ? "story" : "stories"}`}`}
			</Text>
			<Text> </Text>
			{listed === undefined ? <Text color={theme.dim}> Reading the folder…</Text> : null}
			{listed?.length === 0 ? <Text> No stories here (.txt, .md, .html, .epub).</Text> : null}
			{visible.map((row, index) => (
				<Text key={row.path} inverse={first + index === selected} wrap="truncate-end">
					{`${first + index === selected ? "›" : " "}${rowText(row, width - 1, now)}`}
				</Text>
			))}
			<Box flexGrow={1} />
			<Text color={message ? theme.warning : theme.dim} wrap="truncate-end">
				{message ?? " ↑/↓ j/k move · Enter open · Esc back · q quit"}
			</Text>
		</Box>
	);
}
