// Background work between keys: pages counted, the search run, the notes list read, the first
// screen widened, the next page worked out. Each job works in short slices off the state's current
// value and reports through an action; counting steps aside while keys arrive and reports seldom,
// so it never redraws in a storm.

import { type Dispatch, useEffect, useRef } from "react";
import { readAhead } from "../../core/reader/read-ahead.js";
import type { Action } from "../../core/reader/reduce.js";
import type { AppState } from "../../core/reader/state.js";

/** Counting waits this long after a key in a long story, so a page turn never shares the CPU with it. */
const QUIET_AFTER_KEY_MS = 300;
/**
 * How long one slice may work before giving the keyboard a turn: a key that comes meanwhile waits
 * for the slice to end. Counting, which reports seldom, takes short ones; a search or the notes list,
 * which report after every slice, take longer ones (fewer redraws while the reader waits for them).
 */
const COUNT_SLICE_MS = 4;
const SLICE_MS = 12;
/** How often counting reports while it goes on: the contents list shows it; elsewhere only `~M` changes. */
const REPORT_LIVE_MS = 250;
const REPORT_MS = 1000;

interface Job<T> {
	readonly done: boolean;
	advance(): T;
}

/**
 * Runs `start` forward in slices of `sliceMs` until done, reporting the value reached every
 * `reportMs` (and at the end; by default after every slice); `quietMs()` says how long to wait
 * before the next slice.
 */
function runJob<T extends Job<T>>(
	start: T,
	report: (value: T) => void,
	{
		reportMs = 0,
		quietMs = () => 0,
		sliceMs = SLICE_MS,
	}: { reportMs?: number; quietMs?: () => number; sliceMs?: number } = {},
) {
	let value = start;
	let reported = Date.now();
	let timer: NodeJS.Timeout | undefined;
	let immediate: NodeJS.Immediate | undefined;
	const slice = () => {
		const quiet = quietMs();
		if (quiet > 0) {
			timer = setTimeout(slice, quiet);
			return;
		}
		const until = Date.now() + sliceMs;
		do value = value.advance();
		while (!value.done && Date.now() < until);
		if (value.done || Date.now() - reported >= reportMs) {
			reported = Date.now();
			report(value);
		}
		// The next slice after any keys that came meanwhile (setImmediate runs after I/O, with no 1 ms wait).
		if (!value.done) immediate = setImmediate(slice);
	};
	timer = setTimeout(slice, 0);
	return () => {
		clearTimeout(timer);
		clearImmediate(immediate);
	};
}

export function useBackground(state: AppState, dispatch: Dispatch<Action>): void {
	const reading = state.reading;
	const pages = reading?.pages;
	const run = reading?.search?.run;
	const notes = reading?.mode === "notes-list" ? reading.notes : undefined;
	const live = reading?.mode === "contents";
	const lastKeyAt = useRef(state.lastKeyAt);
	lastKeyAt.current = state.lastKeyAt;

	useEffect(() => {
		if (!pages || pages.done) return;
		const quiet = () => (pages.long ? QUIET_AFTER_KEY_MS - (Date.now() - lastKeyAt.current) : 0);
		const report = (counted: typeof pages) => dispatch({ type: "counted", from: pages, pages: counted });
		return runJob(pages, report, {
			reportMs: live ? REPORT_LIVE_MS : REPORT_MS,
			quietMs: quiet,
			sliceMs: COUNT_SLICE_MS,
		});
	}, [pages, live, dispatch]);

	useEffect(() => {
		if (!run || run.done) return;
		return runJob(run, (searched) => dispatch({ type: "searched", from: run, run: searched }));
	}, [run, dispatch]);

	useEffect(() => {
		if (!notes || notes.done) return;
		return runJob(notes, (read) => dispatch({ type: "notes-read", from: notes, notes: read }));
	}, [notes, dispatch]);

	// Right after a frame with a new page (not after each report of a job), while the reader reads it.
	const position = reading?.position;
	// biome-ignore lint/correctness/useExhaustiveDependencies: the next page changes only with these
	useEffect(() => {
		const timer = setTimeout(() => readAhead(state), 0);
		return () => clearTimeout(timer);
	}, [position, reading?.opened, reading?.margin, reading?.mode, state.terminal, state.settings]);

	const cold = reading?.margin === 0;
	useEffect(() => {
		if (!cold) return;
		const timer = setTimeout(() => dispatch({ type: "warm" }), 0);
		return () => clearTimeout(timer);
	}, [cold, dispatch]);
}
