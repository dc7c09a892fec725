// The settings a person writes in config.json (keys, theme, notes), checked by hand against their
// schema: a bad value is named in one line and the reader goes on with the default for it.

import type { UserKeys } from "./key-bindings.js";

/** How author's notes are shown: beside the page, in place in the text, or not at all. */
export type NotesMode = "panel" | "inline" | "hidden";
export const NOTES_MODES: readonly NotesMode[] = ["panel", "inline", "hidden"];

export function isNotesMode(value: unknown): value is NotesMode {
	return (NOTES_MODES as readonly unknown[]).includes(value);
}

/** The theme tokens a theme object may set (ui/theme.ts gives them colours). */
export const THEME_TOKENS = [
	"text",
	"heading",
	"accent",
	"dim",
	"border",
	"statusText",
	"warning",
	"progress",
	"match",
	"currentMatch",
] as const;
export type ThemeToken = (typeof THEME_TOKENS)[number];

export type ThemeName = "dark" | "light";

export interface ThemeSetting {
	base: ThemeName;
	/** Colours over the base: a colour name (`cyan`, `blueBright`) or `#rrggbb`. */
	colours: Partial<Record<ThemeToken, string>>;
}

export interface Preferences {
	keys?: UserKeys;
	theme?: ThemeSetting;
	notes?: NotesMode;
	/** What was wrong, one line per bad value, each naming its key. */
	problems?: readonly string[];
}

/** chalk's colour names, as Ink's <Text color> takes them (gray and grey have no bright forms). */
const COLOUR_NAMES = new Set([
	...["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"].flatMap((name) => [name, `${name}Bright`]),
	"gray",
	"grey",
]);

export function isColour(value: unknown): value is string {
	return typeof value === "string" && (COLOUR_NAMES.has(value) || /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === "object" && value !== null && !Array.isArray(value);

/** An entry is a list of key names, or `{ "keys": [...], "description": … }` as fic --keys prints it. */
function entryKeys(value: unknown): readonly string[] | undefined {
	const keys = isObject(value) ? value.keys : value;
	return Array.isArray(keys) && keys.every((key) => typeof key === "string") ? keys : undefined;
}

function readKeys(value: unknown, problems: string[]): UserKeys | undefined {
	if (!isObject(value)) {
		problems.push('keys must be an object of command ids and key lists ({"page.next": ["x"]})');
		return undefined;
	}
	const keys: Record<string, readonly string[]> = {};
	for (const [command, entry] of Object.entries(value)) {
		const list = entryKeys(entry);
		if (list) keys[command] = list;
		else problems.push(`keys "${command}" must be a list of key names`);
	}
	return keys;
}

function readTheme(value: unknown, problems: string[]): ThemeSetting | undefined {
	if (value === "dark" || value === "light") return { base: value, colours: {} };
	if (!isObject(value)) {
		problems.push("theme must be dark, light, or an object of theme colours");
		return undefined;
	}
	const base = value.base ?? "dark";
	if (base !== "dark" && base !== "light") problems.push("theme.base must be dark or light");
	const colours: ThemeSetting["colours"] = {};
	for (const [token, colour] of Object.entries(value)) {
		if (token === "base") continue;
		if (!(THEME_TOKENS as readonly string[]).includes(token))
			problems.push(`theme.${token} is not a theme colour (${THEME_TOKENS.join(", ")})`);
		else if (!isColour(colour)) problems.push(`theme.${token}: ${JSON.stringify(colour)} is not a colour`);
		else colours[token as ThemeToken] = colour;
	}
	return { base: base === "light" ? "light" : "dark", colours };
}

/** The person's settings from config.json's top level; anything else in the file is not looked at. */
export function readPreferences(file: unknown): Preferences {
	if (!isObject(file)) return {};
	const problems: string[] = [];
	const preferences: Preferences = {};
	if (file.keys !== undefined) {
		const keys = readKeys(file.keys, problems);
		if (keys) preferences.keys = keys;
	}
	if (file.theme !== undefined) {
		const theme = readTheme(file.theme, problems);
		if (theme) preferences.theme = theme;
	}
	if (file.notes !== undefined) {
		if (isNotesMode(file.notes)) preferences.notes = file.notes;
		else problems.push("notes must be panel, inline or hidden");
	}
	if (problems.length > 0) preferences.problems = problems;
	return preferences;
}
