// The keys setting laid over the keymap (clashes, unknown names, prompts), and the settings a person writes in config.json.

import { foregroundColorNames } from "chalk";
import { describe, expect, it } from "vitest";
import { DEFAULT_KEYMAP, type Keymap, keymapOf, mergeKeys } from "../../source/core/key-bindings.js";
import { COMMANDS, type CommandId, LAYERS, type Layer, MODE_LAYERS, type Mode } from "../../source/core/keymap.js";
import { keysListing } from "../../source/core/keys-listing.js";
import { isColour, readPreferences } from "../../source/core/preferences.js";

const MODES = Object.keys(MODE_LAYERS) as Mode[];
/** Every key some layer binds, plus a few no layer does. */
const KEYS = [...new Set(Object.values(LAYERS).flatMap((layer) => Object.values(layer).flat())), "x", "ctrl+y"];

/** What every key runs in every mode: two keymaps that agree here behave the same. */
function table(keymap: Keymap): string[] {
	return MODES.flatMap((mode) => KEYS.map((key) => `${mode} ${key} ${keymap.resolve(mode, key) ?? "-"}`));
}

const commandsOf = (mode: Mode) =>
	new Set(MODE_LAYERS[mode].flatMap((layer: Layer) => Object.keys(LAYERS[layer]) as CommandId[]));

describe("the keys setting over the keymap", () => {
	it("has no problems and no clashes with no setting", () => {
		expect(mergeKeys({}).problems).toEqual([]);
		expect(table(mergeKeys({}))).toEqual(table(DEFAULT_KEYMAP));
	});

	it.each(MODES)("in %s, every command the mode reads can be moved to another key", (mode) => {
		for (const command of commandsOf(mode)) {
			const keymap = mergeKeys({ [command]: ["ctrl+y"] });
			expect(keymap.problems, command).toEqual([]);
			expect(keymap.resolve(mode, "ctrl+y"), `${mode}: ${command}`).toBe(command);
			for (const old of DEFAULT_KEYMAP.bindings(mode).find((binding) => binding.command === command)?.keys ?? [])
				expect(keymap.resolve(mode, old), `${mode}: ${old} left ${command}`).not.toBe(command);
		}
	});

	it("replaces a command's keys: x turns the page, Space no longer does, and the help says so", () => {
		const keymap = mergeKeys({ "page.next": ["x"] });
		expect(keymap.resolve("read", "x")).toBe("page.next");
		expect(keymap.resolve("read", "space")).toBeUndefined();
		expect(keymap.bindings("read").find((binding) => binding.command === "page.next")?.keys).toEqual(["x"]);
		expect(keymap.commandKeys("page.next")).toEqual(["x"]);
		// Other modes keep their own keys for Space.
		expect(keymap.resolve("help", "space")).toBe("overlay.close");
		expect(keymap.resolve("library", "space")).toBe("list.pageDown");
	});

	it("replaces a command in every layer it is in: search forward from the reader, the notes and the notes list", () => {
		const keymap = mergeKeys({ "search.forward": ["s"] });
		for (const mode of ["read", "notes", "notes-list"] as const) {
			expect(keymap.resolve(mode, "s"), mode).toBe("search.forward");
			expect(keymap.resolve(mode, "/"), mode).toBeUndefined();
		}
	});

	it("never makes a key that types text a command at a prompt; Ctrl+C still quits there", () => {
		const keymap = mergeKeys({ "app.quit": ["x"] });
		expect(keymap.problems).toEqual([]);
		expect(keymap.resolve("read", "x")).toBe("app.quit");
		expect(keymap.resolve("library", "x")).toBe("app.quit");
		expect(keymap.resolve("read", "q")).toBeUndefined();
		for (const mode of ["search", "goto", "library-filter"] as const) {
			expect(keymap.resolve(mode, "x"), mode).toBeUndefined();
			expect(keymap.resolve(mode, "ctrl+c"), mode).toBe("app.quit");
		}
		const atPrompt = mergeKeys({ "search.confirm": ["x"] });
		expect(atPrompt.problems).toEqual(['keys "search.confirm": x would be typed at the prompt']);
		expect(atPrompt.resolve("search", "return")).toBe("search.confirm");
	});

	it("lets a named key into the prompts: Ctrl+Q quits everywhere", () => {
		const keymap = mergeKeys({ "app.quit": ["ctrl+q"] });
		for (const mode of MODES) expect(keymap.resolve(mode, "ctrl+q"), mode).toBe("app.quit");
		expect(keymap.resolve("search", "ctrl+c")).toBeUndefined();
	});

	it("keeps the defaults of a key bound twice in one mode, and names the entry", () => {
		const keymap = mergeKeys({ "page.next": ["j"] });
		expect(keymap.problems).toEqual(['keys "page.next": j would run both page.next and line.down in read']);
		expect(keymap.resolve("read", "j")).toBe("line.down");
		expect(keymap.resolve("read", "space")).toBe("page.next");
		// Across layers too: Ctrl+C is global, so the contents cannot take it.
		expect(mergeKeys({ "contents.open": ["ctrl+c"] }).problems).toEqual([
			'keys "contents.open": ctrl+c would run both contents.open and app.quit in read',
		]);
		// In the library, q quits and a list row cannot have it.
		expect(mergeKeys({ "list.down": ["q"] }).problems[0]).toMatch(/"list\.down": q would run both .* in contents/);
	});

	it("takes a key from one command to another when both are set", () => {
		const keymap = mergeKeys({ "page.next": ["j"], "line.down": ["x"] });
		expect(keymap.problems).toEqual([]);
		expect(keymap.resolve("read", "j")).toBe("page.next");
		expect(keymap.resolve("read", "x")).toBe("line.down");
	});

	it("names both entries of a clash between two settings, and follows what that undoes", () => {
		const both = mergeKeys({ "page.next": ["x"], "page.prev": ["x"] });
		expect(both.problems).toHaveLength(2);
		expect(both.resolve("read", "x")).toBeUndefined();
		expect(both.resolve("read", "b")).toBe("page.prev");
		// line.down and page.prev clash; line.down goes back to j, which page.next wanted.
		const chain = mergeKeys({ "line.down": ["x"], "page.prev": ["x"], "page.next": ["j"] });
		expect(chain.problems.map((problem) => problem.split(":")[0])).toEqual([
			'keys "line.down"',
			'keys "page.prev"',
			'keys "page.next"',
		]);
		expect(table(chain)).toEqual(table(DEFAULT_KEYMAP));
	});

	it("names an unknown command and an unknown key name, and keeps going", () => {
		const keymap = mergeKeys({
			"page.nxt": ["x"],
			"page.prev": ["ctrl+é"],
			"line.down": ["ctrl+j"],
			"page.next": ["x"],
		});
		expect(keymap.problems).toEqual([
			'keys: "page.nxt" is not a command (fic --keys lists them)',
			'keys "page.prev": "ctrl+é" is not a key name',
			'keys "line.down": "ctrl+j" is not a key name',
		]);
		expect(keymap.resolve("read", "x")).toBe("page.next");
		expect(keymap.resolve("read", "b")).toBe("page.prev");
	});

	it("unbinds a command given no keys", () => {
		const keymap = mergeKeys({ "library.open": [] });
		expect(keymap.problems).toEqual([]);
		expect(keymap.resolve("read", "L")).toBeUndefined();
	});

	it("changes nothing when fic --keys is copied into the file as it is, or edited in one place", () => {
		const listing = readPreferences(JSON.parse(keysListing(DEFAULT_KEYMAP)));
		expect(listing.problems).toBeUndefined();
		const copied = mergeKeys(listing.keys ?? {});
		expect(copied.problems).toEqual([]);
		expect(table(copied)).toEqual(table(DEFAULT_KEYMAP));
		const edited = mergeKeys({ ...listing.keys, "page.next": ["x"] });
		expect(edited.problems).toEqual([]);
		expect(edited.resolve("read", "x")).toBe("page.next");
		// --keys with a setting prints the keys in force, which read back the same.
		const again = mergeKeys(readPreferences(JSON.parse(keysListing(edited))).keys ?? {});
		expect(table(again)).toEqual(table(edited));
	});

	it("lists every command in --keys with its description", () => {
		const listed = JSON.parse(keysListing(DEFAULT_KEYMAP)).keys;
		expect(Object.keys(listed)).toEqual(Object.keys(COMMANDS));
		expect(listed["page.next"]).toEqual({ keys: ["space", "pagedown", "right", "f", "l"], description: "Next page" });
	});

	it("merges a setting once", () => {
		const keys = { "page.next": ["x"] };
		expect(keymapOf(keys)).toBe(keymapOf(keys));
		expect(keymapOf(undefined)).toBe(DEFAULT_KEYMAP);
	});
});

describe("the settings a person writes", () => {
	it("reads keys, theme and notes, and names what breaks the schema", () => {
		expect(readPreferences({ keys: { "page.next": ["x"] }, theme: "light", notes: "inline" })).toEqual({
			keys: { "page.next": ["x"] },
			theme: { base: "light", colours: {} },
			notes: "inline",
		});
		expect(readPreferences({ theme: { base: "light", heading: "#005f87", dim: "blu", glow: "red" } })).toEqual({
			theme: { base: "light", colours: { heading: "#005f87" } },
			problems: [
				'theme.dim: "blu" is not a colour',
				"theme.glow is not a theme colour (text, heading, accent, dim, border, statusText, warning, progress, match, currentMatch)",
			],
		});
		expect(readPreferences({ keys: ["x"], theme: 3, notes: "side" }).problems).toEqual([
			'keys must be an object of command ids and key lists ({"page.next": ["x"]})',
			"theme must be dark, light, or an object of theme colours",
			"notes must be panel, inline or hidden",
		]);
		expect(readPreferences({ keys: { "page.next": "x" } }).problems).toEqual([
			'keys "page.next" must be a list of key names',
		]);
		expect(readPreferences("not an object")).toEqual({});
	});

	it("takes every colour name Ink draws (chalk's) and no other", () => {
		for (const name of foregroundColorNames) expect(isColour(name), name).toBe(true);
		for (const name of ["grayBright", "greyBright", "bold", "visible", "orange"])
			expect(isColour(name), name).toBe(false);
		expect(isColour("#abc")).toBe(true);
		expect(isColour("#abcd")).toBe(false);
	});
});
