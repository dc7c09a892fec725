// A line's text as one styled string: emphasis in italics, search matches inverse (the current one also bold and underlined).

import { type Highlight, lineParts } from "../core/highlight.js";
import type { Styler } from "./styled.js";
import type { Theme } from "./theme.js";

export function markedText(
	text: string,
	emphasis: Array<[number, number]> | undefined,
	highlights: Highlight[] | undefined,
	theme: Theme,
	styled: Styler,
): string {
	return lineParts(text, emphasis, highlights)
		.map((part) =>
			part.match === "none"
				? styled(part.text, { italic: part.italic })
				: // Inverse reads on any background and survives NO_COLOR.
					styled(part.text, {
						italic: part.italic,
						inverse: true,
						bold: part.match === "current",
						underline: part.match === "current",
						color: part.match === "current" ? theme.currentMatch : theme.match,
					}),
		)
		.join("");
}
