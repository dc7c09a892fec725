// The pace learned from the keys: a page left by turning forward was read for the time since it was
// reached (the keys' own times), so the reducer stays pure and a burst of keys teaches nothing.

import type { CommandId } from "../keymap.js";
import { learnPage, NO_PACE, pageWords } from "../pace.js";
import { samePosition } from "../position.js";
import { contextOf, pageOf, withReading } from "./reading.js";
import type { AppState } from "./state.js";

export function withPaceLearned(before: AppState, after: AppState, command: CommandId | undefined): AppState {
	const was = before.reading;
	const now = after.reading;
	if (!was || !now || (was.opened === now.opened && samePosition(was.position, now.position))) return after;
	let next = after;
	if (command === "page.next" && was.opened.fingerprint === now.opened.fingerprint && was.shownAt !== undefined) {
		const learned = before.settings.pace ?? NO_PACE;
		const words = pageWords(pageOf(was, contextOf(before).view).lines);
		const pace = learnPage(learned, words, before.lastKeyAt - was.shownAt);
		if (pace !== learned) next = { ...next, settings: { ...next.settings, pace } };
	}
	return withReading(next, (reading) => ({ ...reading, shownAt: after.lastKeyAt }));
}
