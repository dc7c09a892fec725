// Starts the full-screen reader (Ink) on a story or a library; loaded only for the interactive path.

import { type Stats, statSync } from "node:fs";
import { isAbsolute } from "node:path";
import { render, useApp } from "ink";
import { useEffect } from "react";
import { App, type Start } from "./app.js";
import { folderLibrary } from "./formats/library.js";
import { type OpenedStory, StoryError } from "./formats/open-story.js";
import { fileSystemPath } from "./formats/raw-path.js";
import { ConfStore } from "./persistence/conf-store.js";
import { PositionSaver } from "./persistence/position-saver.js";
import { recordKeys } from "./persistence/reading-store.js";
import { registerTerminal, suspendOnStopSignal, suspendReader } from "./suspend.js";

export interface RunningReader {
	/** Save the place now and restore the terminal. */
	stop: () => void;
	saveNow: () => void;
	/** Resolves when every save is on disk. */
	settled: () => Promise<void>;
	/** For stderr at exit, once settled: a place that could not be saved (then `unsaved`), damaged files set aside. */
	exitNotes: () => { lines: string[]; unsaved: boolean };
	exited: Promise<unknown>;
}

export interface ReaderOptions {
	/** A story path, "-" for standard input, a folder, or undefined for the last story. */
	target: string | undefined;
	input: NodeJS.ReadStream;
	load: (source: string) => OpenedStory;
	isDirectory: (path: string) => boolean;
}

/**
 * Plain `fic` reopens the last story only if it is still a regular file: one that is gone says so
 * (exit 1) rather than showing some other folder, and a FIFO is never waited on unasked.
 */
function lastStoryStart(options: ReaderOptions, path: string): Start {
	let stats: Stats;
	try {
		stats = statSync(fileSystemPath(path));
	} catch {
		throw new StoryError(`the last story, ${path}, is no longer there: name a FILE or FOLDER to read`);
	}
	if (stats.isDirectory()) return { kind: "library", folder: path };
	if (!stats.isFile()) throw new StoryError(`the last story, ${path}, is not a regular file: name it to read it again`);
	try {
		return { kind: "story", opened: options.load(path) };
	} catch (error) {
		if (error instanceof StoryError) throw new StoryError(`the last story cannot be opened: ${error.message}`);
		throw error;
	}
}

function startFor(options: ReaderOptions, lastStory: string | undefined): Start {
	if (options.target === undefined) {
		// Standard input is saved as "(standard input)": there is nothing to reopen.
		if (lastStory === undefined || !isAbsolute(lastStory)) return { kind: "library", folder: process.cwd() };
		return lastStoryStart(options, lastStory);
	}
	if (options.target !== "-" && options.isDirectory(options.target)) return { kind: "library", folder: options.target };
	return { kind: "story", opened: options.load(options.target) };
}

/** Hands Ink's suspendTerminal (only reachable through useApp) to the suspend module; draws nothing. */
function TerminalControl() {
	const { suspendTerminal } = useApp();
	useEffect(() => registerTerminal(suspendTerminal), [suspendTerminal]);
	return null;
}

export function runReader(options: ReaderOptions): RunningReader {
	const store = ConfStore.open();
	const saver = new PositionSaver(store);
	const start = startFor(options, store.lastStoryPath());
	// Looked up before the first screen, so a damaged record is set aside and reported on that screen.
	if (start.kind === "story") store.find(recordKeys(start.opened));
	const app = (
		<>
			<App
				start={start}
				store={store}
				saver={saver}
				openStory={options.load}
				library={folderLibrary}
				suspend={suspendReader}
				warmUp
			/>
			<TerminalControl />
		</>
	);
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
	suspendOnStopSignal();
	const exited = instance.waitUntilExit().finally(() => saver.flush());
	return {
		saveNow: () => saver.flush(),
		settled: () => store.settled(),
		exitNotes: () => {
			const unsaved = store.unsaved();
			const kept = store instanceof ConfStore ? store.setAside() : [];
			const lines = kept.map(({ path, held }) => `a damaged ${held} was kept as ${path}`);
			if (unsaved) lines.unshift(`your place could not be saved (${unsaved})`);
			return { lines, unsaved: unsaved !== undefined };
		},
		stop: () => {
			saver.flush();
			instance.unmount();
		},
		exited,
	};
}
