// Counts the story's pages in idle slices for the current width and height; never blocks input.

import { useEffect, useMemo, useState } from "react";
import type { StoryDocument } from "../../core/document.js";
import { PageCounter } from "../../core/page-count.js";
import type { Viewport } from "../../core/paginate.js";

export function usePageCount(document: StoryDocument | undefined, view: Viewport): PageCounter | undefined {
	const { width, height } = view;
	const counter = useMemo(
		() => (document ? new PageCounter(document, { width, height }) : undefined),
		[document, width, height],
	);
	const [, setDone] = useState(0);
	useEffect(() => {
		if (!counter) return;
		let handle: NodeJS.Timeout | undefined;
		// One piece (128 KiB) per slice, a few milliseconds each, yielding to input in between.
		const slice = () => {
			if (counter.step()) setDone((count) => count + 1);
			else handle = setTimeout(slice, 0);
		};
		handle = setTimeout(slice, 0);
		return () => {
			if (handle) clearTimeout(handle);
		};
	}, [counter]);
	return counter;
}
