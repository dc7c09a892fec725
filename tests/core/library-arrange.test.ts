// The library's stories once read: updated works being followed first, a series' works together in order.

import { describe, expect, it } from "vitest";
import { type LibraryEntry, libraryRows } from "../../source/core/library-rows.js";

const story = (name: string, extra: Partial<LibraryEntry> = {}): LibraryEntry => ({
	path: `/books/${name}`,
	name,
	kind: "story",
	percent: 0,
	title: name,
	...extra,
});
const tide = (part: number) => ({ name: "The Tidewater Cycle", part });

describe("arranging the library's stories", () => {
	it("puts updated stories the reader follows first, the rest in the folder's order", () => {
		const rows = libraryRows([
			{ path: "/", name: "..", kind: "parent", percent: 0 },
			story("recent", { lastRead: "2026-11-30T10:00:00Z", percent: 40 }),
			story("older", { lastRead: "2026-11-01T10:00:00Z", percent: 100, news: "1 new chapter" }),
			story("unread-news", { news: "2 new chapters" }),
			story("plain"),
		]);
		expect(rows.map((row) => row.entry.name)).toEqual(["..", "older", "recent", "unread-news", "plain"]);
	});

	it("lists a series' works together, in part order, where its first one stands", () => {
		const rows = libraryRows([
			story("a", { series: tide(3) }),
			story("b"),
			story("c", { series: tide(1) }),
			story("d", { series: { name: "the  tidewater cycle", part: 2 } }),
			story("e"),
		]);
		expect(rows.map((row) => row.entry.name)).toEqual(["c", "d", "a", "b", "e"]);
		expect(rows[0]?.label).toBe("c · The Tidewater Cycle, part 1");
	});
});
