// Narrow terminals: the page's notes shown over the text until any key.

import { Box, Text } from "ink";
import { useTheme } from "../theme.js";
import type { PanelLine } from "./notes-panel.js";

export function NotesOverlay({
	lines,
	width,
	height,
	current,
}: {
	lines: PanelLine[];
	width: number;
	height: number;
	current: boolean;
}) {
	const theme = useTheme();
	const visible = lines.slice(0, Math.max(0, height - 2));
	return (
		<Box flexDirection="column" width={width} height={height} paddingX={1} overflow="hidden">
			<Text bold color={theme.accent}>
				{lines.length === 0 ? "No notes here" : current ? "Author's notes" : "Earlier note"} (any key returns)
			</Text>
			<Text> </Text>
			{visible.map((line, index) => (
				<Text key={index} bold={line.kind === "label"} color={line.kind === "label" ? theme.accent : undefined}>
					{line.text || " "}
				</Text>
			))}
		</Box>
	);
}
