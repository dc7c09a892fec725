// Saves the reading position at most every half second, and at once on exit (flush).

import type { ReadingStore, StoryRecord } from "./reading-store.js";

export const SAVE_DELAY_MS = 400;

export class PositionSaver {
	private pending: { name: string; record: StoryRecord } | undefined;
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly store: ReadingStore,
		private readonly delay = SAVE_DELAY_MS,
	) {}

	/** `name`: the record's name (the story's identity, else its fingerprint). */
	schedule(name: string, record: StoryRecord): void {
		this.pending = { name, record };
		if (this.timer) return;
		this.timer = setTimeout(() => this.flush(), this.delay);
	}

	flush(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		const pending = this.pending;
		this.pending = undefined;
		if (pending) this.store.save(pending.name, pending.record);
	}
}
