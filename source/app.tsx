// The app composes: the reducer, the one key handler, the background and request hooks, the screen.

import { useApp, useInput } from "ink";
import { useEffect, useMemo, useReducer } from "react";
import { folderOf } from "./core/reader/commands/lists.js";
import { geometryOf } from "./core/reader/reading.js";
import { initialState, reduce } from "./core/reader/reduce.js";
import { type ReaderScreen as ReaderScreenModel, readerScreen } from "./core/reader/screen.js";
import type { AppState } from "./core/reader/state.js";
import type { LibraryAccess } from "./formats/library.js";
import type { OpenedStory } from "./formats/open-story.js";
import type { PositionSaver } from "./persistence/position-saver.js";
import { type ReadingStore, recordKeys } from "./persistence/reading-store.js";
import { LibraryView } from "./ui/components/library-view.js";
import { TooSmall } from "./ui/components/too-small.js";
import { useBackground } from "./ui/hooks/use-background.js";
import { useLibrary } from "./ui/hooks/use-library.js";
import { useOtherDevices } from "./ui/hooks/use-other-devices.js";
import { useRequests } from "./ui/hooks/use-requests.js";
import { type TerminalSize, useTerminalSize } from "./ui/hooks/use-terminal-size.js";
import { useWarmUp } from "./ui/hooks/use-warm-up.js";
import { keysOf } from "./ui/key-events.js";
import { ReaderScreen } from "./ui/screens/reader-screen.js";
import { ThemeContext, themeFor } from "./ui/theme.js";

export type Start = { kind: "story"; opened: OpenedStory } | { kind: "library"; folder: string };

export interface AppProps {
	start: Start;
	store: ReadingStore;
	saver: PositionSaver;
	/** File access, injected so tests and the CLI decide where stories come from. */
	openStory: (path: string) => OpenedStory;
	/** The library's file work: listing a folder, reading a story's title. */
	library: LibraryAccess;
	size?: TerminalSize;
	/** Ctrl+Z: hands the terminal to the shell until `fg` (the CLI's; tests leave it out). */
	suspend?: () => Promise<void>;
	/** Warm the page-turn code once a story is open (ui/warm-up.tsx): the CLI does, tests leave it out. */
	warmUp?: boolean;
}

export function App({ start, store, saver, openStory, library, size, suspend, warmUp = false }: AppProps) {
	const { exit } = useApp();
	const terminal = useTerminalSize(size);
	const [state, dispatch] = useReducer(reduce, undefined, () => {
		// The record is looked up first: a damaged one is set aside and said on the first screen.
		const saved = start.kind === "story" ? store.find(recordKeys(start.opened)) : undefined;
		const message = store.takeWarning();
		const story = start.kind === "story" ? { opened: start.opened, saved, message } : undefined;
		return initialState({
			terminal,
			settings: store.settings(),
			folder: start.kind === "library" ? start.folder : folderOf(start.opened.path),
			...(story ? { story } : message ? { message } : {}),
		});
	});
	const { columns, rows } = terminal;
	useEffect(() => dispatch({ type: "resize", terminal: { columns, rows } }), [columns, rows]);
	useInput((input, key) => {
		const keys = keysOf(input, key);
		if (keys.length > 0) dispatch({ type: "keys", keys, at: Date.now() });
	});
	useBackground(state, dispatch);
	useRequests(state, dispatch, { store, saver, openStory, exit, ...(suspend ? { suspend } : {}) });
	useLibrary(state, dispatch, library, store);
	useOtherDevices(state.reading?.opened, store, dispatch);
	const model = useMemo(
		() => (state.screen === "reader" && state.reading ? readerScreen(state, state.reading) : undefined),
		[state],
	);
	const theme = useMemo(() => themeFor(state.settings.theme), [state.settings.theme]);
	useWarmUp(state, theme, warmUp);
	return <ThemeContext value={theme}>{screenOf(state, model)}</ThemeContext>;
}

/** The screen to draw: too small, the library, or the reader. */
function screenOf(state: AppState, model: ReaderScreenModel | undefined) {
	if (geometryOf(state).tooSmall) return <TooSmall columns={state.terminal.columns} />;
	if (!model) {
		return (
			<LibraryView
				library={state.library}
				width={state.terminal.columns}
				height={state.terminal.rows}
				storyBehind={state.reading !== undefined}
			/>
		);
	}
	return <ReaderScreen model={model} columns={state.terminal.columns} rows={state.terminal.rows} />;
}
