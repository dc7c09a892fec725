// Renders the App with ink-testing-library at an injected terminal size, and types keys into it.

import { render } from "ink-testing-library";
import { App, type Start } from "../../source/app.js";
import { folderLibrary } from "../../source/formats/library.js";
import { type OpenedStory, openStory } from "../../source/formats/open-story.js";
import { MemoryStore } from "../../source/persistence/memory-store.js";
import { PositionSaver } from "../../source/persistence/position-saver.js";
import type { ReadingStore } from "../../source/persistence/reading-store.js";

export const KEYS = {
	space: " ",
	enter: "\r",
	escape: "\u001b",
	pageDown: "\u001b[6~",
	pageUp: "\u001b[5~",
	right: "\u001b[C",
	left: "\u001b[D",
	down: "\u001b[B",
	up: "\u001b[A",
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function until(test: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (test()) return true;
		await tick();
	}
	return test();
}

export interface Harness {
	frame: () => string;
	/** Type a key and wait until the frame changes (or a short grace period for keys that change nothing). */
	press: (key: string) => Promise<void>;
	resize: (columns: number, rows: number) => Promise<void>;
	/** Types each character of `text` in turn (a search, a page number). */
	type: (text: string) => Promise<void>;
	/** Polls until the frame passes `test` (work done in slices, like a search, lands a few frames later). */
	waitFor: (test: (frame: string) => boolean, timeoutMs?: number) => Promise<string>;
	store: ReadingStore;
	saver: PositionSaver;
	unmount: () => void;
}

export function storyStart(path: string): Start {
	return { kind: "story", opened: openStory(path) };
}

export async function renderApp(
	start: Start,
	size: { columns: number; rows: number },
	store: ReadingStore = new MemoryStore(),
	{ warmUp = false }: { warmUp?: boolean } = {},
): Promise<Harness> {
	const saver = new PositionSaver(store, 0);
	const element = (current: { columns: number; rows: number }) => (
		<App
			start={start}
			store={store}
			saver={saver}
			openStory={(path: string): OpenedStory => openStory(path)}
			library={folderLibrary}
			size={current}
			warmUp={warmUp}
		/>
	);
	const instance = render(element(size));
	const frame = () => instance.lastFrame() ?? "";
	// Input written before the first effect runs is lost: wait for a frame and a few ticks.
	await until(() => frame().length > 0, 2000);
	for (let index = 0; index < 3; index++) await tick();
	const press = async (key: string) => {
		const before = frame();
		instance.stdin.write(key);
		// A lone ESC is only delivered after a short delay by Ink's input parser.
		await until(() => frame() !== before, key === KEYS.escape ? 300 : 150);
	};
	return {
		frame,
		store,
		saver,
		press,
		type: async (text: string) => {
			for (const char of text) await press(char);
		},
		waitFor: async (test: (frame: string) => boolean, timeoutMs = 3000) => {
			if (!(await until(() => test(frame()), timeoutMs)))
				throw new Error(`the frame never passed the test; it was:\n${frame()}`);
			return frame();
		},
		resize: async (columns: number, rows: number) => {
			const before = frame();
			instance.rerender(element({ columns, rows }));
			await until(() => frame() !== before, 500);
		},
		unmount: () => instance.unmount(),
	};
}

/** The text of the reading pane: the left `columns` cells of each line (the panel is to the right). */
export function leftColumn(frame: string, columns: number): string {
	return frame
		.split("\n")
		.map((line) => [...line].slice(0, columns).join(""))
		.join("\n");
}

export function statusLine(frame: string): string {
	return frame.split("\n").at(-1) ?? "";
}

export function firstTextLine(frame: string, columns: number): string {
	return (
		leftColumn(frame, columns)
			.split("\n")
			.map((line) => line.trim())
			.find((line) => line.length > 20) ?? ""
	);
}
