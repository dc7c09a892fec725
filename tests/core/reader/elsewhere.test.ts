// Another device moved: the status bar says where that is from here (further, or back at a percent)
// until R goes there (a jump, so '' comes back).

import { describe, expect, it } from "vitest";
import { reduce } from "../../../source/core/reader/reduce.js";
import { readerScreen } from "../../../source/core/reader/screen.js";
import type { AppState } from "../../../source/core/reader/state.js";
import { burst, placeIn, press, readerOn, reading, runBackground, topText } from "./harness.js";

const STORY = "stories/salt-and-static.txt";

const info = (state: AppState) => readerScreen(state, reading(state)).info;

/** A reader at the start, told that another device reached the place three pages on. */
function toldOfFurther(): { state: AppState; further: string } {
	const start = runBackground(readerOn(STORY));
	const ahead = press(start, "space", "space", "space");
	const told = reduce(start, { type: "read-elsewhere", device: "laptop", place: placeIn(ahead) });
	return { state: told, further: topText(ahead) };
}

describe("read further on another device", () => {
	it("the status bar names the device and the key until the reader goes there", () => {
		const { state } = toldOfFurther();
		expect(info(state)).toBe("read further on laptop (R goes there)");
		// Reading on here keeps the offer.
		expect(info(press(state, "j"))).toBe("read further on laptop (R goes there)");
	});

	it("R goes to that place, as a jump: '' comes back; the offer is gone", () => {
		const { state, further } = toldOfFurther();
		const start = topText(state);
		const there = press(state, "R");
		expect(topText(there)).toBe(further);
		expect(reading(there).moved).toBe(true);
		expect(info(there)).toBeUndefined();
		expect(topText(press(there, "'", "'"))).toBe(start);
		expect(reading(press(there, "R")).message).toBe("No other device has moved since this opened");
	});

	it("a place earlier in the story is not further: the bar says the device is back, at its percent", () => {
		const start = runBackground(readerOn(STORY));
		const earlier = press(start, "space", "space");
		const far = press(earlier, "space", "space", "space");
		const told = reduce(far, { type: "read-elsewhere", device: "phone", place: placeIn(earlier) });
		const shown = readerScreen(earlier, reading(earlier)).status.percent;
		expect(shown).not.toBe("0%");
		expect(info(told)).toBe(`phone is back at ${shown} (R goes there)`);
		// R still goes there, as a jump.
		const there = press(told, "R");
		expect(topText(there)).toBe(topText(earlier));
		expect(topText(press(there, "'", "'"))).toBe(topText(far));
	});

	it("worked out from here: reading past the other place turns further into back; at it, no offer", () => {
		const { state } = toldOfFurther();
		expect(info(press(state, "space", "space"))).toBe("read further on laptop (R goes there)");
		expect(info(press(state, "space", "space", "space"))).toBeUndefined();
		expect(info(press(state, "space", "space", "space", "space"))).toMatch(/^laptop is back at \d+% \(R goes there\)$/);
	});

	it("R and '' in one write reach the same state as typed one by one", () => {
		const { state } = toldOfFurther();
		const typed = press(state, "R", "'", "'", "R");
		const written = burst(state, "R", "'", "'", "R");
		expect(topText(written)).toBe(topText(typed));
		expect(placeIn(written)).toEqual(placeIn(typed));
	});

	it("without an offer, R says so and stays", () => {
		const start = runBackground(readerOn(STORY));
		const after = press(start, "R");
		expect(placeIn(after)).toEqual(placeIn(start));
		expect(reading(after).message).toBe("No other device has moved since this opened");
	});
});
