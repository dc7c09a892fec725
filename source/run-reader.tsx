// Starts the full-screen reader (Ink) on a story or a library; loaded only for the interactive path.

import { render } from "ink";
import { App, type Start } from "./app.js";
import { scanLibrary } from "./formats/library.js";
import { type OpenedStory, StoryError } from "./formats/open-story.js";
import { ConfStore } from "./persistence/conf-store.js";
import { PositionSaver } from "./persistence/position-saver.js";

export interface RunningReader {
	/** Save the place now and restore the terminal. */
	stop: () => void;
	saveNow: () => void;
	/** Resolves when every save is on disk. */
	settled: () => Promise<void>;
	exited: Promise<unknown>;
}

export interface ReaderOptions {
	/** A story path, "-" for standard input, a folder, or undefined for the last story. */
	target: string | undefined;
	input: NodeJS.ReadStream;
	load: (source: string) => OpenedStory;
	isDirectory: (path: string) => boolean;
}

function startFor(options: ReaderOptions, lastStory: string | undefined): Start {
	const path = options.target ?? lastStory;
	if (path === undefined) return { kind: "library", folder: process.cwd() };
	if (path !== "-" && options.isDirectory(path)) return { kind: "library", folder: path };
	try {
		return { kind: "story", opened: options.load(path) };
	} catch (error) {
		// A last story that has gone away is no reason to fail: show the library instead.
		if (options.target === undefined && error instanceof StoryError) return { kind: "library", folder: process.cwd() };
		throw error;
	}
}

export function runReader(options: ReaderOptions): RunningReader {
	const store = ConfStore.open();
	const saver = new PositionSaver(store);
	const start = startFor(options, store.lastStoryPath());
	const app = <App start={start} store={store} saver={saver} openStory={options.load} scanLibrary={scanLibrary} />;
	const instance = render(app, {
		stdin: options.input,
		alternateScreen: true,
		exitOnCtrlC: false,
		patchConsole: false,
		interactive: true,
		// Ink's default 30 frames a second can hold a page turn back by up to 33 ms; a reader
		// renders only when a key arrives, so a higher cap costs nothing while idle.
		maxFps: 120,
	});
	const exited = instance.waitUntilExit().finally(() => saver.flush());
	return {
		saveNow: () => saver.flush(),
		settled: () => store.settled(),
		stop: () => {
			saver.flush();
			instance.unmount();
		},
		exited,
	};
}
