// The theme: dark and light palettes, the person's colours over them, NO_COLOR turning them off.

import { expect, it } from "vitest";
import { themeFor } from "../../source/ui/theme.js";

const colours = {};

it("gives the light palette other colours than the dark one, the person's colours over either, and none under NO_COLOR", () => {
	const dark = themeFor(undefined, colours);
	const light = themeFor({ base: "light", colours: {} }, colours);
	expect(dark.heading).toBe("cyan");
	for (const token of Object.keys(dark) as Array<keyof typeof dark>) expect(light[token], token).not.toBe(dark[token]);
	expect(themeFor({ base: "light", colours: { heading: "red" } }, colours)).toEqual({ ...light, heading: "red" });
	expect(themeFor({ base: "dark", colours: { heading: "red" } }, { NO_COLOR: "1" })).toEqual({});
	expect(themeFor({ base: "light", colours: {} }, { NO_COLOR: "" }).heading).toBe(light.heading);
});
