import { describe, expect, it } from "vitest";
import { KEYMAP, resolveCommand } from "../../source/core/keymap.js";

describe("keymap table", () => {
	it("gives every command keys, a description and a group", () => {
		for (const binding of KEYMAP) {
			expect(binding.keys.length, binding.command).toBeGreaterThan(0);
			expect(binding.description.length, binding.command).toBeGreaterThan(3);
			expect(binding.group.length, binding.command).toBeGreaterThan(0);
		}
	});

	it("binds no key twice in one mode", () => {
		const seen = new Map<string, string>();
		for (const binding of KEYMAP) {
			for (const key of binding.keys) {
				const slot = `${binding.mode} ${key}`;
				expect(seen.get(slot), `${slot} is bound to ${seen.get(slot)} and ${binding.command}`).toBeUndefined();
				seen.set(slot, binding.command);
			}
		}
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
		["?", "help.toggle"],
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
});
