// The page of story text: one line per row, headings bold, emphasis italic, breaks dimmed, matches marked.

import { Box, Text } from "ink";
import type { Highlight } from "../../core/highlight.js";
import type { Line } from "../../core/layout.js";
import { markedText } from "../marked-text.js";
import { type Styler, useStyler } from "../styled.js";
import { type Theme, useTheme } from "../theme.js";

function lineText(line: Line, highlights: Highlight[] | undefined, theme: Theme, styled: Styler): string {
	if (line.role === "break") return styled(line.text, { color: theme.dim });
	if (line.role === "note" && !highlights?.length) return styled(line.text, { color: theme.dim, dimColor: !theme.dim });
	const heading = line.role === "heading";
	const style = { bold: heading, color: heading ? theme.heading : theme.text };
	if (!line.emphasis && !highlights?.length) return styled(line.text || " ", style);
	return styled(markedText(line.text, line.emphasis, highlights, theme, styled), style);
}

function matchMark(highlights: Highlight[] | undefined): string {
	if (!highlights?.length) return " ";
	return highlights.some((highlight) => highlight.current) ? "»" : "›";
}

/** The page as one string of styled lines: what one <Text> per line and part would draw. */
export function pageText(lines: Line[], highlights: Highlight[][] | undefined, theme: Theme, styled: Styler): string {
	return lines
		.map(
			(line, index) =>
				(highlights ? matchMark(highlights[index]) : "") + lineText(line, highlights?.[index], theme, styled),
		)
		.join("\n");
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
	const theme = useTheme();
	const styled = useStyler();
	// One Text holding the whole page, styled in advance: a page turn changes one string, so React
	// and Ink's layout have a single node to update instead of one per line and styled part.
	// While matches are shown, the margin's last column marks their lines (`›`, `»` for the current
	// match), so they can be found on a terminal without colours or inverse too.
	const gutter = highlights ? 1 : 0;
	return (
		<Box width={width + leftPad} height={height} paddingLeft={leftPad - gutter} overflow="hidden">
			<Text>{pageText(lines, highlights, theme, styled)}</Text>
		</Box>
	);
}
