// The app warms up once a story is shown, only when asked (the CLI asks, tests do not), and the first key stops it.

import { afterEach, describe, expect, it, vi } from "vitest";
import { type Harness, renderApp, storyStart } from "./render-app.js";

const warm = vi.hoisted(() => {
	const stop = vi.fn();
	return { stop, warmUp: vi.fn(() => ({ stop, done: Promise.resolve(0) })) };
});
vi.mock("../../source/ui/warm-up.js", () => ({ warmUp: warm.warmUp, WARM_UP_PAGES: 40 }));

let app: Harness | undefined;
afterEach(() => {
	app?.unmount();
	vi.clearAllMocks();
});

const STORY = "stories/salt-and-static.txt";

describe("the warm-up in the app", () => {
	it("starts once the story is shown, once, and stops at the first key", async () => {
		app = await renderApp(storyStart(STORY), { columns: 100, rows: 30 }, undefined, { warmUp: true });
		await app.waitFor(() => warm.warmUp.mock.calls.length > 0);
		expect(warm.stop).not.toHaveBeenCalled();
		await app.press(" ");
		expect(warm.stop).toHaveBeenCalled();
		await app.press(" ");
		expect(warm.warmUp).toHaveBeenCalledTimes(1);
	});

	it("does not start unless asked", async () => {
		app = await renderApp(storyStart(STORY), { columns: 100, rows: 30 });
		await app.press(" ");
		expect(warm.warmUp).not.toHaveBeenCalled();
	});
});
