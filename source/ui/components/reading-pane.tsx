// The page of story text: one Text per line, headings bold, emphasis italic, breaks dimmed, matches marked.

import { Box, Text } from "ink";
import { type Highlight, lineParts } from "../../core/highlight.js";
import type { Line } from "../../core/layout.js";
import { theme } from "../theme.js";

function LineText({ line, highlights }: { line: Line; highlights: Highlight[] | undefined }) {
	if (line.role === "break") return <Text color={theme.dim}>{line.text}</Text>;
	const heading = line.role === "heading";
	if (!line.emphasis && !highlights?.length)
		return (
			<Text bold={heading} color={heading ? theme.heading : undefined}>
				{line.text || " "}
			</Text>
		);
	return (
		<Text bold={heading} color={heading ? theme.heading : undefined}>
			{lineParts(line.text, line.emphasis, highlights).map((part, index) =>
				part.match === "none" ? (
					<Text key={index} italic={part.italic}>
						{part.text}
					</Text>
				) : (
					// Inverse reads on any background and survives NO_COLOR; the current match is also bold and underlined.
					<Text
						key={index}
						italic={part.italic}
						inverse
						bold={part.match === "current"}
						underline={part.match === "current"}
						color={part.match === "current" ? theme.currentMatch : theme.match}
					>
						{part.text}
					</Text>
				),
			)}
		</Text>
	);
}

export function ReadingPane({
	lines,
	width,
	height,
	leftPad,
	highlights,
}: {
	lines: Line[];
	width: number;
	height: number;
	leftPad: number;
	/** Search matches per line (same order as `lines`). */
	highlights?: Highlight[][];
}) {
	return (
		<Box flexDirection="column" width={width + leftPad} height={height} paddingLeft={leftPad} overflow="hidden">
			{lines.map((line, index) => (
				<LineText key={`${line.block}:${line.start}:${line.role}`} line={line} highlights={highlights?.[index]} />
			))}
		</Box>
	);
}
