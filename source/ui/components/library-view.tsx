// The library list: folders, then stories with title, author, words, progress and last read, then
// the files it could not read; the selected row marked; the filter or the reading progress below.

import { Box, Text } from "ink";
import { type LibraryRow, progressBar, relativeTime } from "../../core/library-rows.js";
import { listRoom, rowsOf, selectedRow } from "../../core/reader/commands/library.js";
import type { Library } from "../../core/reader/state.js";
import { fitCells, textWidth } from "../../core/text-width.js";
import { useTheme } from "../theme.js";

export interface LibraryViewProps {
	library: Library;
	width: number;
	height: number;
	/** A story is open behind the library (L), so Esc goes back to it; else Esc does nothing but clear a filter. */
	storyBehind: boolean;
}

function rowText({ entry, label }: LibraryRow, width: number, now: Date): string {
	if (entry.kind !== "story") return fitCells(`▸ ${label}`, width);
	if (entry.unreadable) return fitCells(`${label} — ${entry.unreadable}`, width);
	const byline = entry.author ? ` by ${entry.author}` : "";
	const words = entry.words === undefined ? "…" : entry.words.toLocaleString("en");
	const right = ` ${words} ${entry.words === 1 ? "word" : "words"}  ${progressBar(entry.percent, 10)} ${String(Math.floor(entry.percent)).padStart(3)}%  ${relativeTime(entry.lastRead, now).padEnd(11)}`;
	// What is new is kept whole: the title and byline give way first.
	const news = entry.news ? ` · ${entry.news}` : "";
	const room = Math.max(4, width - textWidth(right) - textWidth(news) - 2);
	const left = `${fitCells(`${label}${byline}`, room).trimEnd()}${news}`;
	return `${fitCells(left, room + textWidth(news))}${right}`;
}

/** The bottom line: the filter being typed, a message, the reading progress, or the keys. */
function footer(library: Library, shown: number, storyBehind: boolean): string {
	if (library.filtering) return ` /${library.filter}▏ (${shown} shown · Enter keeps · Esc clears)`;
	if (library.message) return ` ${library.message}`;
	const entries = library.entries ?? [];
	const stories = entries.filter((entry) => entry.kind === "story");
	const left = stories.filter((entry) => !entry.title && !entry.unreadable).length;
	const filter = library.filter ? ` · filter "${library.filter}" (Esc clears)` : "";
	if (left > 0) return ` Reading ${stories.length - left} of ${stories.length}…${filter}`;
	return ` ↑/↓ j/k move · Enter open · / filter · ${storyBehind ? "Esc back · " : ""}q quit${filter}`;
}

export function LibraryView({ library, width, height, storyBehind }: LibraryViewProps) {
	const theme = useTheme();
	const now = new Date();
	const rows = rowsOf(library);
	const selected = selectedRow(library);
	const room = listRoom(height);
	const first = Math.max(0, Math.min(selected - Math.floor(room / 2), rows.length - room));
	const visible = rows.slice(first, first + room);
	const stories = (library.entries ?? []).filter((entry) => entry.kind === "story").length;
	const count = library.entries === undefined ? "reading…" : `${stories} ${stories === 1 ? "story" : "stories"}`;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.heading} wrap="truncate-end">
				{` Library · ${library.folder} · ${count}`}
			</Text>
			<Text> </Text>
			{library.entries === undefined ? <Text color={theme.dim}> Reading the folder…</Text> : null}
			{library.entries !== undefined && stories === 0 ? <Text> No stories here (.txt, .md, .html, .epub).</Text> : null}
			{visible.map((row, index) => (
				<Text
					key={row.entry.path}
					inverse={first + index === selected}
					dimColor={row.entry.unreadable !== undefined}
					wrap="truncate-end"
				>
					{`${first + index === selected ? "›" : " "}${rowText(row, width - 1, now)}`}
				</Text>
			))}
			<Box flexGrow={1} />
			<Text color={library.message ? theme.warning : theme.dim} wrap="truncate-end">
				{footer(library, rows.filter((row) => row.entry.kind === "story").length, storyBehind)}
			</Text>
		</Box>
	);
}
