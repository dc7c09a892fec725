// A save that fails while reading (a full disk) is said in the status bar at once, and reading goes on.

import { afterEach, expect, it } from "vitest";
import { MemoryStore } from "../../source/persistence/memory-store.js";
import type { StoryRecord } from "../../source/persistence/reading-store.js";
import { type Harness, KEYS, renderApp, statusLine, storyStart } from "./render-app.js";

/** A store whose disk is full: every save fails and says so once, as the conf store does. */
class FullDiskStore extends MemoryStore {
	private readonly listeners = new Set<() => void>();
	private failure: string | undefined;
	override save(_fingerprint: string, _record: StoryRecord): void {
		this.failure = "Cannot save reading positions (ENOSPC); reading goes on";
		for (const listener of this.listeners) listener();
	}
	override onWarning(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	override takeWarning(): string | undefined {
		const warning = this.failure;
		this.failure = undefined;
		return warning;
	}
}

let app: Harness | undefined;
afterEach(() => app?.unmount());

it("shows a failed save in the status bar while reading", async () => {
	app = await renderApp(storyStart("stories/salt-and-static.txt"), { columns: 100, rows: 30 }, new FullDiskStore());
	expect(statusLine(app.frame())).not.toContain("ENOSPC");
	await app.press(KEYS.space);
	const warned = await app.waitFor((frame) => statusLine(frame).includes("ENOSPC"));
	expect(statusLine(warned)).toContain("Cannot save reading positions (ENOSPC)");
	await app.press(KEYS.space);
	expect(statusLine(app.frame())).toMatch(/page 3 of/);
});
