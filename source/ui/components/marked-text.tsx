// Text pieces with emphasis in italics and search matches inverse (the current one also bold and underlined).

import { Text } from "ink";
import { type Highlight, lineParts } from "../../core/highlight.js";
import { useTheme } from "../theme.js";

export function MarkedText({
	text,
	emphasis,
	highlights,
}: {
	text: string;
	emphasis?: Array<[number, number]> | undefined;
	highlights: Highlight[] | undefined;
}) {
	const theme = useTheme();
	return lineParts(text, emphasis, highlights).map((part, index) =>
		part.match === "none" ? (
			<Text key={index} italic={part.italic}>
				{part.text}
			</Text>
		) : (
			// Inverse reads on any background and survives NO_COLOR.
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
	);
}
