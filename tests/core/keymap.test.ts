import { describe, expect, it } from "vitest";
import { DEFAULT_KEYMAP, mergeKeys } from "../../source/core/key-bindings.js";
import { COMMANDS, type CommandId, LAYERS, type Layer, MODE_LAYERS } from "../../source/core/keymap.js";
import { helpRows } from "../../source/core/reader/overlay-lines.js";

const resolveCommand = DEFAULT_KEYMAP.resolve;
const readingBindings = () => DEFAULT_KEYMAP.bindings("read");

describe("keymap table", () => {
	it("gives every command a description and a group, and keys in some layer", () => {
		const bound = new Set(Object.values(LAYERS).flatMap((layer) => Object.keys(layer)));
		for (const [command, info] of Object.entries(COMMANDS)) {
			expect(info.description.length, command).toBeGreaterThan(3);
			expect(info.group.length, command).toBeGreaterThan(0);
			expect(bound.has(command), `${command} has no keys`).toBe(true);
		}
	});

	it("binds no key twice in one layer", () => {
		for (const [layer, keys] of Object.entries(LAYERS)) {
			const seen = new Map<string, string>();
			for (const [command, names] of Object.entries(keys))
				for (const key of names ?? []) {
					expect(seen.get(key), `${layer}: ${key} is bound to ${seen.get(key)} and ${command}`).toBeUndefined();
					seen.set(key, command);
				}
		}
	});

	it("reads a mode's layers in order: the first that binds a key wins", () => {
		for (const [mode, layers] of Object.entries(MODE_LAYERS) as Array<[keyof typeof MODE_LAYERS, readonly Layer[]]>) {
			for (const key of ["escape", "q", "space", "return", "ctrl+c", "j"]) {
				const first = layers.find((layer) => Object.values(LAYERS[layer]).some((keys) => keys?.includes(key)));
				const expected = first
					? (Object.entries(LAYERS[first]).find(([, keys]) => keys?.includes(key))?.[0] as CommandId)
					: undefined;
				expect(resolveCommand(mode, key), `${mode} ${key}`).toBe(expected);
			}
		}
		expect(resolveCommand("help", "escape")).toBe("overlay.close");
		expect(resolveCommand("library", "escape")).toBe("library.close");
		expect(resolveCommand("library", "space")).toBe("list.pageDown");
		expect(resolveCommand("search", "ctrl+c")).toBe("app.quit");
	});

	it.each([
		["space", "page.next"],
		["pagedown", "page.next"],
		["right", "page.next"],
		["f", "page.next"],
		["l", "page.next"],
		["b", "page.prev"],
		["pageup", "page.prev"],
		["left", "page.prev"],
		["h", "page.prev"],
		["j", "line.down"],
		["down", "line.down"],
		["k", "line.up"],
		["up", "line.up"],
		["g", "story.first"],
		["home", "story.first"],
		["G", "story.last"],
		["end", "story.last"],
		["]", "chapter.next"],
		["[", "chapter.prev"],
		["a", "notes.toggle"],
		["J", "notes.scrollDown"],
		["K", "notes.scrollUp"],
		["+", "width.wider"],
		["-", "width.narrower"],
		["H", "help.toggle"],
		["/", "search.forward"],
		["?", "search.backward"],
		["n", "search.next"],
		["N", "search.prev"],
		["escape", "search.clear"],
		["t", "contents.open"],
		["A", "notes-list.open"],
		["m", "marks.set"],
		["'", "marks.jump"],
		["ctrl+o", "jump.back"],
		["tab", "jump.forward"],
		[":", "goto.prompt"],
		["%", "goto.percent"],
		["7", "count.digit"],
		["ctrl+g", "where.show"],
		["L", "library.open"],
		["q", "app.quit"],
	])("reading: %s runs %s", (key, command) => {
		expect(resolveCommand("read", key)).toBe(command);
	});

	it("lets the library move with arrows and j/k and open with Enter", () => {
		expect(resolveCommand("library", "down")).toBe("list.down");
		expect(resolveCommand("library", "j")).toBe("list.down");
		expect(resolveCommand("library", "k")).toBe("list.up");
		expect(resolveCommand("library", "return")).toBe("list.open");
		expect(resolveCommand("library", "q")).toBe("app.quit");
	});

	it.each([
		["search", "return", "search.confirm"],
		["search", "escape", "search.cancel"],
		["search", "backspace", "prompt.delete"],
		["goto", "return", "goto.confirm"],
		["goto", "escape", "goto.cancel"],
		["contents", "j", "list.down"],
		["contents", "return", "list.open"],
		["contents", "t", "overlay.close"],
		["notes-list", "A", "overlay.close"],
		["notes-list", "/", "search.forward"],
		["notes", "/", "search.forward"],
		["mark-jump", "'", "jump.previous"],
		["mark-set", "escape", "overlay.close"],
	] as const)("in %s: %s runs %s", (mode, key, command) => {
		expect(resolveCommand(mode, key)).toBe(command);
	});

	it("leaves letters free at the prompts and after m and ' (they are typed, or name a mark)", () => {
		for (const mode of ["search", "goto", "mark-set", "mark-jump"] as const)
			for (const key of ["a", "q", "n", "G", "/"]) expect(resolveCommand(mode, key), `${mode} ${key}`).toBeUndefined();
	});

	it("shows every reading command in the help, the digits as one row", () => {
		const rows = helpRows(DEFAULT_KEYMAP);
		const reading = [...new Set([...Object.keys(LAYERS.read), ...Object.keys(LAYERS.global)])];
		// '' (back to where the last jump left) is read after ', so it comes under '.
		const shown = reading.flatMap((command) => (command === "marks.jump" ? [command, "jump.previous"] : [command]));
		const commands = shown.map((command) => COMMANDS[command as CommandId].description);
		expect(rows.map((row) => row.description)).toEqual(commands);
		expect(readingBindings().find((binding) => binding.command === "app.quit")?.keys).toContain("ctrl+c");
		expect(readingBindings().find((binding) => binding.command === "app.suspend")?.keys).toEqual(["ctrl+z"]);
		expect(rows.find((row) => row.description.startsWith("Number for"))?.keys).toBe("0-9");
		expect(rows.find((row) => row.description === "Search backward")?.keys).toBe("?");
		expect(rows.find((row) => row.description === "Forward through the jumps")?.keys).toBe("Ctrl+I");
		expect(rows.find((row) => row.description === "This help")?.keys).toBe("H");
		expect(rows.find((row) => row.description === COMMANDS["jump.previous"].description)?.keys).toBe("'' '`");
	});

	it("shows '' with the keys in force: a moved ' and a moved second key", () => {
		const keymap = mergeKeys({ "marks.jump": ["M"], "jump.previous": ["M"] });
		expect(keymap.problems).toEqual([]);
		expect(helpRows(keymap).find((row) => row.description === COMMANDS["jump.previous"].description)?.keys).toBe("MM");
	});
});
