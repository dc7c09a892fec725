// Background work as actions: pages counted, the search run, the notes list read, the first screen widened.
// Each job steps aside while keys arrive, so a page turn never waits for it.

import { type Dispatch, useEffect } from "react";
import type { Action } from "../../core/reader/reduce.js";
import type { AppState } from "../../core/reader/state.js";

/** Counting waits this long after a key in a long story, so a page turn never shares the CPU with it. */
const QUIET_AFTER_KEY_MS = 300;
/** Pieces (48 KiB each, a few milliseconds) per step of counting and of searching. */
const COUNT_PIECES = 2;
const SEARCH_PIECES = 4;

function after(ms: number, run: () => void): () => void {
	const timer = setTimeout(run, Math.max(0, ms));
	return () => clearTimeout(timer);
}

export function useBackground(state: AppState, dispatch: Dispatch<Action>): void {
	const reading = state.reading;
	const pages = reading?.pages;
	const run = reading?.search?.run;
	const notes = reading?.mode === "notes-list" ? reading.notes : undefined;
	const { lastKeyAt } = state;

	useEffect(() => {
		if (!pages || pages.done) return;
		const quiet = pages.long ? QUIET_AFTER_KEY_MS - (Date.now() - lastKeyAt) : 0;
		return after(quiet, () => dispatch({ type: "count", pieces: COUNT_PIECES }));
	}, [pages, lastKeyAt, dispatch]);

	useEffect(() => {
		if (!run || run.done) return;
		return after(0, () => dispatch({ type: "search-step", pieces: SEARCH_PIECES }));
	}, [run, dispatch]);

	useEffect(() => {
		if (!notes || notes.done) return;
		return after(0, () => dispatch({ type: "notes-step" }));
	}, [notes, dispatch]);

	const cold = reading?.margin === 0;
	useEffect(() => {
		if (cold) return after(0, () => dispatch({ type: "warm" }));
	}, [cold, dispatch]);
}
