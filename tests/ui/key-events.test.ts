// Ink's input events as keys: runs of text split into keys, named keys, Esc run together with a key.

import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { keysOf } from "../../source/ui/key-events.js";

const NONE: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};
const names = (input: string, key: Partial<Key> = {}) => keysOf(input, { ...NONE, ...key }).map((event) => event.name);

describe("keys of an input event", () => {
	it.each([
		["   ", ["space", "space", "space"]],
		["j\r", ["j", "return"]],
		["ma", ["m", "a"]],
		["lamp\r", ["l", "a", "m", "p", "return"]],
		["2g", ["2", "g"]],
		["\u000f\t", ["ctrl+o", "tab"]],
		["a\u007fb", ["a", "backspace", "b"]],
	])("%j is the keys %j", (input, expected) => {
		expect(names(input)).toEqual(expected);
	});

	it("names the keys Ink parsed on its own", () => {
		expect(names("", { downArrow: true })).toEqual(["down"]);
		expect(names("", { pageDown: true })).toEqual(["pagedown"]);
		expect(names("", { escape: true, meta: true })).toEqual(["escape"]);
		expect(names("", { return: true })).toEqual(["return"]);
		expect(names("g", { ctrl: true })).toEqual(["ctrl+g"]);
		expect(names(" ")).toEqual(["space"]);
		expect(names("G", { shift: true })).toEqual(["G"]);
	});

	it("reads Esc run together with a key (Ink's Alt+key) as Esc, then the key", () => {
		expect(names(" ", { meta: true })).toEqual(["escape", "space"]);
		expect(names("q", { meta: true })).toEqual(["escape", "q"]);
	});

	it("types the characters of a run, and nothing for the named keys", () => {
		expect(keysOf("a b\r", NONE).map((event) => event.text)).toEqual(["a", " ", "b", undefined]);
	});
});
