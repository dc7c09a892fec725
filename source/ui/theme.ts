// Theme tokens: the only place colours are named. NO_COLOR turns every colour off.

export interface Theme {
	text?: string;
	heading?: string;
	accent?: string;
	dim?: string;
	border?: string;
	statusText?: string;
	warning?: string;
	progress?: string;
	/** Search matches are shown inverse, in these colours. */
	match?: string;
	currentMatch?: string;
}

/** Colours chosen to read on dark and light backgrounds alike (no white or black text). */
const COLOURS: Theme = {
	heading: "cyan",
	accent: "magenta",
	border: "gray",
	dim: "gray",
	statusText: "blue",
	warning: "yellow",
	progress: "green",
	match: "cyan",
	currentMatch: "magenta",
};

export function themeFor(env: NodeJS.ProcessEnv = process.env): Theme {
	return env.NO_COLOR !== undefined && env.NO_COLOR !== "" ? {} : COLOURS;
}

export const theme: Theme = themeFor();
