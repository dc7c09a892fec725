// The page of story text: one line per row, headings bold, emphasis italic, breaks dimmed, matches marked.

import { Box, Text } from "ink";
import { Fragment } from "react";
import type { Highlight } from "../../core/highlight.js";
import type { Line } from "../../core/layout.js";
import { theme } from "../theme.js";
import { MarkedText } from "./marked-text.js";

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
			<MarkedText text={line.text} emphasis={line.emphasis} highlights={highlights} />
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
	// One Text for the whole page (lines joined by newlines): a single layout node instead of one per
	// line, which makes the first frame and every page turn cheaper for Ink's layout engine.
	return (
		<Box width={width + leftPad} height={height} paddingLeft={leftPad} overflow="hidden">
			<Text>
				{lines.map((line, index) => (
					<Fragment key={`${line.block}:${line.start}:${line.role}`}>
						{index > 0 ? "\n" : ""}
						<LineText line={line} highlights={highlights?.[index]} />
					</Fragment>
				))}
			</Text>
		</Box>
	);
}
