// Theme tokens: the only place colours are named. A dark or light palette, the person's colours
// over it (config.json's "theme"); NO_COLOR turns every colour off, whatever the setting.

import { createContext, useContext } from "react";
import type { ThemeName, ThemeSetting, ThemeToken } from "../core/preferences.js";

export type Theme = Partial<Record<ThemeToken, string>>;

const PALETTES: Record<ThemeName, Theme> = {
	/** Colours that read on dark and light backgrounds alike (no white or black text). */
	dark: {
		heading: "cyan",
		accent: "magenta",
		border: "gray",
		dim: "gray",
		statusText: "blue",
		warning: "yellow",
		progress: "green",
		match: "cyan",
		currentMatch: "magenta",
	},
	/** Deeper shades for a light background, where cyan and yellow wash out. */
	light: {
		text: "#1c1c1c",
		heading: "#005f87",
		accent: "#870087",
		border: "#8a8a8a",
		dim: "#6c6c6c",
		statusText: "#00005f",
		warning: "#af5f00",
		progress: "#005f00",
		match: "#005f87",
		currentMatch: "#870087",
	},
};

export function themeFor(setting?: ThemeSetting, env: NodeJS.ProcessEnv = process.env): Theme {
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return {};
	return { ...PALETTES[setting?.base ?? "dark"], ...setting?.colours };
}

/** The theme in force, given by the app from the settings. */
export const ThemeContext = createContext<Theme>(themeFor());

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
