// The story-info screen: title, author, summary, rating, tags, words, chapters, source, format, warnings.

import { Box, Text } from "ink";
import { type InfoLine, infoLines } from "../../core/info-lines.js";
import { overlayRoom, overlayWidth } from "../../core/reader/overlay-lines.js";
import type { Story } from "../../core/story.js";
import { type Theme, useTheme } from "../theme.js";

/** The token each kind of line is drawn in. */
const TOKENS: Record<InfoLine["kind"], keyof Theme | undefined> = {
	title: "heading",
	label: "accent",
	body: undefined,
	warning: "warning",
	gap: undefined,
};

export function InfoOverlay({
	story,
	width,
	height,
	scroll = 0,
}: {
	story: Story;
	width: number;
	height: number;
	scroll?: number;
}) {
	const theme = useTheme();
	const token = (kind: InfoLine["kind"]) => {
		const name = TOKENS[kind];
		return name ? theme[name] : undefined;
	};
	const lines = infoLines(story, overlayWidth(width));
	const room = overlayRoom(height);
	const top = Math.max(0, Math.min(scroll, lines.length - room));
	const visible = lines.slice(top, top + room);
	const more = top + room < lines.length;
	if (more) visible.splice(-1, 1, { text: "…", kind: "body" });
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={2} overflow="hidden">
			<Text bold color={theme.accent} wrap="truncate-end">
				{more || top > 0 ? "Story info (j/k scroll · any other key returns)" : "Story info (any key returns)"}
			</Text>
			<Text> </Text>
			{visible.map((line, index) => (
				<Text key={index} bold={line.kind === "title" || line.kind === "label"} color={token(line.kind)}>
					{line.text || " "}
				</Text>
			))}
		</Box>
	);
}
