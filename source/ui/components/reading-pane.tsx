// The page of story text: one line per row, headings bold, emphasis italic, breaks dimmed, matches marked.

import { Box, Text } from "ink";
import { Fragment } from "react";
import type { Highlight } from "../../core/highlight.js";
import type { Line } from "../../core/layout.js";
import { useTheme } from "../theme.js";
import { MarkedText } from "./marked-text.js";

function LineText({ line, highlights }: { line: Line; highlights: Highlight[] | undefined }) {
	const theme = useTheme();
	if (line.role === "break") return <Text color={theme.dim}>{line.text}</Text>;
	if (line.role === "note" && !highlights?.length)
		return (
			<Text color={theme.dim} dimColor={!theme.dim}>
				{line.text}
			</Text>
		);
	const heading = line.role === "heading";
	if (!line.emphasis && !highlights?.length)
		return (
			<Text bold={heading} color={heading ? theme.heading : theme.text}>
				{line.text || " "}
			</Text>
		);
	return (
		<Text bold={heading} color={heading ? theme.heading : theme.text}>
			<MarkedText text={line.text} emphasis={line.emphasis} highlights={highlights} />
		</Text>
	);
}

function matchMark(highlights: Highlight[] | undefined): string {
	if (!highlights?.length) return " ";
	return highlights.some((highlight) => highlight.current) ? "»" : "›";
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
	// While matches are shown, the margin's last column marks their lines (`›`, `»` for the current
	// match), so they can be found on a terminal without colours or inverse too.
	const gutter = highlights ? 1 : 0;
	return (
		<Box width={width + leftPad} height={height} paddingLeft={leftPad - gutter} overflow="hidden">
			<Text>
				{lines.map((line, index) => (
					<Fragment key={`${line.block}:${line.start}:${line.role}`}>
						{index > 0 ? "\n" : ""}
						{gutter ? matchMark(highlights?.[index]) : ""}
						<LineText line={line} highlights={highlights?.[index]} />
					</Fragment>
				))}
			</Text>
		</Box>
	);
}
