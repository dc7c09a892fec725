// Ink's Text styles as strings: the chalk calls of Ink's <Text> in the same order, for text that is
// drawn as one Text (a whole page) rather than one Text element per line and styled part.

import chalk, { type ForegroundColorName, foregroundColorNames } from "chalk";
import { useIsScreenReaderEnabled } from "ink";

export interface TextStyle {
	color?: string | undefined;
	dimColor?: boolean | undefined;
	bold?: boolean | undefined;
	italic?: boolean | undefined;
	underline?: boolean | undefined;
	inverse?: boolean | undefined;
}

const isNamed = (color: string): color is ForegroundColorName =>
	(foregroundColorNames as readonly string[]).includes(color);

/** A colour as Ink's <Text color> takes it: a chalk colour name or `#rrggbb` (the theme allows no other). */
function colorize(text: string, color: string | undefined): string {
	if (!color) return text;
	if (isNamed(color)) return chalk[color](text);
	return color.startsWith("#") ? chalk.hex(color)(text) : text;
}

/** Text with a style, as a string. */
export type Styler = (text: string, style: TextStyle) => string;

/** `text` as `<Text {...style}>{text}</Text>` draws it: byte for byte the same codes. */
export const styled: Styler = (text, style) => {
	// Ink leaves empty text alone: nothing is drawn, so no codes either.
	if (text === "") return text;
	let out = text;
	if (style.dimColor) out = chalk.dim(out);
	out = colorize(out, style.color);
	if (style.bold) out = chalk.bold(out);
	if (style.italic) out = chalk.italic(out);
	if (style.underline) out = chalk.underline(out);
	if (style.inverse) out = chalk.inverse(out);
	return out;
};

/** A screen reader gets Ink's text without its styles: no codes. */
const unstyled: Styler = (text) => text;

/** The styler that draws what Ink's <Text> would in this terminal: styles, unless a screen reader is on. */
export function useStyler(): Styler {
	return useIsScreenReaderEnabled() ? unstyled : styled;
}
