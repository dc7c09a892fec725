// Esc in the library cancels and never quits (q does): the footer offers Esc only when a story is behind it.

import { afterEach, expect, it } from "vitest";
import { type Harness, KEYS, renderApp, statusLine, storyStart } from "./render-app.js";

let app: Harness | undefined;
afterEach(() => app?.unmount());

const selectedRow = (frame: string) => frame.split("\n").find((row) => row.startsWith("›"));
const read = (frame: string) => frame.includes("Library ·") && !frame.includes("Reading ");

it("in a folder's library, Esc keeps the library running and the footer does not offer it", async () => {
	app = await renderApp({ kind: "library", folder: "stories" }, { columns: 100, rows: 20 });
	const listed = await app.waitFor(read);
	expect(statusLine(listed)).toContain("q quit");
	expect(statusLine(listed)).not.toContain("Esc");
	await app.press(KEYS.escape);
	await app.press(KEYS.escape);
	expect(app.frame()).toBe(listed);
	// Still running: the next key moves the selection.
	await app.press("j");
	expect(selectedRow(app.frame())).not.toBe(selectedRow(listed));
});

it("opened with L from a story, Esc goes back to it, and the footer says so", async () => {
	app = await renderApp(storyStart("stories/lantern-keeper.txt"), { columns: 100, rows: 20 });
	const story = app.frame();
	await app.press("L");
	const library = await app.waitFor(read);
	expect(statusLine(library)).toContain("Esc back · q quit");
	await app.press(KEYS.escape);
	expect(app.frame()).toBe(story);
});
