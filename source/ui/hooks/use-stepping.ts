// Runs a piece-by-piece job (a search, the notes list) in short slices between keys; re-renders after each.

import { useEffect, useState } from "react";

export interface Stepper {
	readonly done: boolean;
	step(): boolean;
}

/** How long one slice may work before giving the keyboard a turn. */
export const SLICE_MS = 12;

/** Steps `stepper` until done; returns a number that changes after every slice (for re-rendering). */
export function useStepping(stepper: Stepper | undefined): number {
	const [slices, setSlices] = useState(0);
	useEffect(() => {
		if (!stepper || stepper.done) return;
		let handle: NodeJS.Timeout | undefined;
		const slice = () => {
			const until = Date.now() + SLICE_MS;
			do stepper.step();
			while (!stepper.done && Date.now() < until);
			setSlices((count) => count + 1);
			if (!stepper.done) handle = setTimeout(slice, 0);
		};
		handle = setTimeout(slice, 0);
		return () => {
			if (handle) clearTimeout(handle);
		};
	}, [stepper]);
	return slices;
}
