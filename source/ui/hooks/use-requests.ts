// Carries out what the reducer asks for: open a story, suspend, save the place and the settings,
// quit (a folder is read by use-library.ts). The one place that flushes the save.

import { type Dispatch, useEffect, useRef } from "react";
import type { Action } from "../../core/reader/reduce.js";
import { savedRecord } from "../../core/reader/saved.js";
import type { AppState } from "../../core/reader/state.js";
import type { OpenedStory } from "../../formats/open-story.js";
import type { PositionSaver } from "../../persistence/position-saver.js";
import { type ReadingStore, recordKeys } from "../../persistence/reading-store.js";

export interface Services {
	store: ReadingStore;
	saver: PositionSaver;
	openStory: (path: string) => OpenedStory;
	exit: () => void;
	/** Ctrl+Z: hands the terminal back to the shell until `fg`. */
	suspend?: () => Promise<void>;
}

function carryOut(request: NonNullable<AppState["request"]>, services: Services, dispatch: Dispatch<Action>): void {
	const { store } = services;
	if (request.kind === "suspend") {
		const resumed = () => dispatch({ type: "resumed" });
		(services.suspend?.() ?? Promise.resolve()).then(resumed, resumed);
		return;
	}
	if (request.kind !== "open") return;
	try {
		const opened = services.openStory(request.path);
		const saved = store.find(recordKeys(opened));
		const message = store.takeWarning();
		dispatch({ type: "opened", opened, ...(saved ? { saved } : {}), ...(message ? { message } : {}) });
	} catch (error) {
		dispatch({ type: "open-failed", message: (error as Error).message });
	}
}

export function useRequests(state: AppState, dispatch: Dispatch<Action>, services: Services): void {
	const { request, reading, settings, quitting } = state;
	const servicesRef = useRef(services);
	servicesRef.current = services;

	useEffect(() => {
		if (!request) return;
		// Every request leaves the page (or the terminal): the place is written first.
		servicesRef.current.saver.flush();
		if (request.kind !== "scan") carryOut(request, servicesRef.current, dispatch);
	}, [request, dispatch]);

	// A save that fails later (a full disk) is said at once in the status bar.
	useEffect(
		() =>
			servicesRef.current.store.onWarning(() => {
				const message = servicesRef.current.store.takeWarning();
				if (message) dispatch({ type: "warned", message });
			}),
		[dispatch],
	);

	// Worked out after the frame is drawn, not while rendering it: a page turn waits for nothing.
	// biome-ignore lint/correctness/useExhaustiveDependencies: the record is derived from these parts of the state
	useEffect(() => {
		const saved = savedRecord(state);
		if (saved) servicesRef.current.saver.schedule(saved.name, { ...saved.record, lastRead: new Date().toISOString() });
	}, [reading?.position, reading?.marks, reading?.moved, reading?.opened]);

	// Plain `fic` reopens the story opened last, even one left without moving (its place is not saved).
	const openedPath = reading?.opened.path;
	useEffect(() => {
		if (openedPath) servicesRef.current.store.opened(openedPath);
	}, [openedPath]);

	const firstSettings = useRef(settings);
	useEffect(() => {
		if (settings !== firstSettings.current) servicesRef.current.store.saveSettings(settings);
	}, [settings]);

	useEffect(() => {
		if (!quitting) return;
		servicesRef.current.saver.flush();
		servicesRef.current.exit();
	}, [quitting]);
}
