// The page of story text: one Text per line, headings bold, emphasis italic, breaks dimmed.

import { Box, Text } from "ink";
import type { Line } from "../../core/layout.js";
import { theme } from "../theme.js";

function LineText({ line }: { line: Line }) {
	if (line.role === "heading")
		return (
			<Text bold color={theme.heading}>
				{line.text}
			</Text>
		);
	if (line.role === "break") return <Text color={theme.dim}>{line.text}</Text>;
	if (!line.emphasis) return <Text>{line.text || " "}</Text>;
	const parts: Array<{ text: string; italic: boolean }> = [];
	let cursor = 0;
	for (const [from, to] of line.emphasis) {
		if (from > cursor) parts.push({ text: line.text.slice(cursor, from), italic: false });
		parts.push({ text: line.text.slice(from, to), italic: true });
		cursor = to;
	}
	if (cursor < line.text.length) parts.push({ text: line.text.slice(cursor), italic: false });
	return (
		<Text>
			{parts.map((part, index) => (
				<Text key={index} italic={part.italic}>
					{part.text}
				</Text>
			))}
		</Text>
	);
}

export function ReadingPane({
	lines,
	width,
	height,
	leftPad,
}: {
	lines: Line[];
	width: number;
	height: number;
	leftPad: number;
}) {
	return (
		<Box flexDirection="column" width={width + leftPad} height={height} paddingLeft={leftPad} overflow="hidden">
			{lines.map((line) => (
				<LineText key={`${line.block}:${line.start}:${line.role}`} line={line} />
			))}
		</Box>
	);
}
