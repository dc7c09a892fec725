// Counts the story's pages in idle slices for the current width and height; never blocks input.

import { useEffect, useMemo, useRef, useState } from "react";
import type { StoryDocument } from "../../core/document.js";
import { PageCounter } from "../../core/page-count.js";
import type { Viewport } from "../../core/paginate.js";

/** While counting for a screen that shows the progress (the contents list), it is refreshed this often. */
const REFRESH_MS = 250;
/** Counting waits this long after a key, so a page turn never shares the CPU with it. */
const QUIET_AFTER_KEY_MS = 300;

let lastKeyAt = 0;

/** Called by the key handler: the reader is busy with a key, background counting steps aside. */
export function noteKeyPress(): void {
	lastKeyAt = Date.now();
}

/** `live`: re-render while counting, not only when done (the contents list grows as chapters are counted). */
export function usePageCount(
	document: StoryDocument | undefined,
	view: Viewport,
	live = false,
): PageCounter | undefined {
	const { width, height } = view;
	const counter = useMemo(
		() => (document ? new PageCounter(document, { width, height }) : undefined),
		[document, width, height],
	);
	const [, setProgress] = useState(0);
	const liveRef = useRef(live);
	liveRef.current = live;
	useEffect(() => {
		if (!counter) return;
		let handle: NodeJS.Timeout | undefined;
		let refreshed = Date.now();
		// One piece (48 KiB) per slice, a few milliseconds each, yielding to input in between.
		const slice = () => {
			// A short story is counted in one slice; a long one steps aside while keys arrive.
			const quiet = counter.long ? QUIET_AFTER_KEY_MS - (Date.now() - lastKeyAt) : 0;
			if (quiet > 0) {
				handle = setTimeout(slice, quiet);
				return;
			}
			if (counter.step()) setProgress((count) => count + 1);
			else {
				if (liveRef.current && Date.now() - refreshed >= REFRESH_MS) {
					refreshed = Date.now();
					setProgress((count) => count + 1);
				}
				handle = setTimeout(slice, 0);
			}
		};
		handle = setTimeout(slice, 0);
		return () => {
			if (handle) clearTimeout(handle);
		};
	}, [counter]);
	return counter;
}
