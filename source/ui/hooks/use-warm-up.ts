// Warms the page-turn code once, when the first story is open and shown (ui/warm-up.tsx); the first key stops it.

import { useEffect, useRef } from "react";
import type { AppState } from "../../core/reader/state.js";
import type { Theme } from "../theme.js";
import { type WarmUp, warmUp } from "../warm-up.js";

export function useWarmUp(state: AppState, theme: Theme, enabled: boolean): void {
	const running = useRef<WarmUp | undefined>(undefined);
	const started = useRef(false);
	// A first screen is widened to its window first (margin 1): the pages drawn are then the reader's.
	const ready = enabled && state.reading?.mode === "read" && state.reading.margin > 0;
	// biome-ignore lint/correctness/useExhaustiveDependencies: starts once, from the state that made it ready
	useEffect(() => {
		if (!ready || started.current) return;
		started.current = true;
		running.current = warmUp(state, theme);
	}, [ready]);
	// biome-ignore lint/correctness/useExhaustiveDependencies: a key (a new lastKeyAt) is what stops it
	useEffect(() => running.current?.stop(), [state.lastKeyAt]);
	useEffect(() => () => running.current?.stop(), []);
}
