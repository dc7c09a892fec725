// Reading ahead: while a page is read, the next one is worked out (its paragraphs wrapped, its words
// counted, the piece after the window read), so the key that turns to it finds the work done.

import { HANDLERS } from "./commands/index.js";
import { readerScreen } from "./screen.js";
import { settle } from "./settle.js";
import type { AppState } from "./state.js";

/** Works out the screen after the next page turn and drops it: what it laid out stays in the caches. */
export function readAhead(state: AppState): void {
	// A first screen is widened to its window first; reading ahead waits for that.
	if (state.screen !== "reader" || state.reading?.mode !== "read" || state.reading.margin === 0) return;
	const next = settle(HANDLERS["page.next"](state, { name: "pagedown" }));
	if (next.reading) readerScreen(next, next.reading);
}
