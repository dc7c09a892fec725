// Counts the story's pages in idle slices for the current width and height; never blocks input.

import { useEffect, useMemo, useState } from "react";
import { PageCounter } from "../../core/page-count.js";
import type { Viewport } from "../../core/paginate.js";
import type { Story } from "../../core/story.js";

export function usePageCount(story: Story | undefined, view: Viewport): PageCounter | undefined {
	const { width, height } = view;
	const counter = useMemo(
		() => (story ? new PageCounter(story, { width, height }) : undefined),
		[story, width, height],
	);
	const [, setDone] = useState(0);
	useEffect(() => {
		if (!counter) return;
		let handle: NodeJS.Immediate | undefined;
		const slice = () => {
			if (counter.step()) setDone((count) => count + 1);
			else handle = setImmediate(slice);
		};
		handle = setImmediate(slice);
		return () => {
			if (handle) clearImmediate(handle);
		};
	}, [counter]);
	return counter;
}
