// The jump list (Ctrl+O / Ctrl+I / '') and marks read back from a stored record.

import { describe, expect, it } from "vitest";
import { jumpBack, jumpForward, MAX_JUMPS, previousPlace, recordJump } from "../../source/core/jump-list.js";
import { readMarks } from "../../source/core/marks.js";
import type { SavedPlace } from "../../source/core/resume.js";

const place = (sourceOffset: number): SavedPlace => ({ sourceOffset, snippet: `at ${sourceOffset}` });

describe("the jump list", () => {
	it("walks back and forth, keeping where the walk began", () => {
		let list = recordJump(recordJump({ places: [], index: 0 }, place(1)), place(2));
		const back = jumpBack(list, place(3));
		expect(back?.target).toEqual(place(2));
		list = back?.list ?? list;
		const further = jumpBack(list, place(2));
		expect(further?.target).toEqual(place(1));
		list = further?.list ?? list;
		expect(jumpBack(list, place(1))).toBeUndefined();
		const forward = jumpForward(list);
		expect(forward?.target).toEqual(place(2));
		expect(jumpForward(forward?.list ?? list)?.target).toEqual(place(3));
		expect(jumpForward(jumpForward(forward?.list ?? list)?.list ?? list)).toBeUndefined();
	});

	it("keeps the last 100 jumps, each place once", () => {
		let list = { places: [] as SavedPlace[], index: 0 };
		for (let offset = 0; offset < 150; offset++) list = recordJump(list, place(offset));
		expect(list.places).toHaveLength(MAX_JUMPS);
		expect(list.places[0]).toEqual(place(50));
		list = recordJump(list, place(60));
		expect(list.places.filter((entry) => entry.sourceOffset === 60)).toHaveLength(1);
		expect(list.places.at(-1)).toEqual(place(60));
	});

	it("'' goes to the place the latest jump left, not to here", () => {
		const list = recordJump(recordJump({ places: [], index: 0 }, place(1)), place(2));
		expect(previousPlace(list, place(9))).toEqual(place(2));
		expect(previousPlace(list, place(2))).toEqual(place(1));
		expect(previousPlace({ places: [], index: 0 }, place(1))).toBeUndefined();
	});
});

describe("marks read from a stored record", () => {
	it("keeps well-formed marks and drops the rest", () => {
		expect(
			readMarks({
				a: { sourceOffset: 12, snippet: "the lamp room" },
				B: { sourceOffset: 0, snippet: "" },
				ab: { sourceOffset: 1, snippet: "x" },
				"1": { sourceOffset: 1, snippet: "x" },
				c: { sourceOffset: "12", snippet: "x" },
				d: { sourceOffset: -1, snippet: "x" },
				e: null,
			}),
		).toEqual({ a: { sourceOffset: 12, snippet: "the lamp room" }, B: { sourceOffset: 0, snippet: "" } });
		expect(readMarks(undefined)).toEqual({});
		expect(readMarks([{ sourceOffset: 1, snippet: "x" }])).toEqual({});
	});
});
