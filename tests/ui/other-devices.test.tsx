// The watch on the story's record: another device's move is told, whatever the reader did meanwhile (v among it).

import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../source/persistence/memory-store.js";
import type { RecordKeys, StoryRecord } from "../../source/persistence/reading-store.js";
import { OTHER_DEVICES_POLL_MS } from "../../source/ui/hooks/use-other-devices.js";
import { type Harness, renderApp, storyStart } from "./render-app.js";

/** A store whose record another device can move, the folder's stamp moving with it. */
class SyncedStore extends MemoryStore {
	other: StoryRecord | undefined;
	stamp = 0;

	override find(keys: RecordKeys): StoryRecord | undefined {
		return this.other ?? super.find(keys);
	}

	override stateStamp(): number {
		return this.stamp;
	}

	override deviceName(): string {
		return "desk";
	}
}

let app: Harness | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe("another device's move", () => {
	it("is told after the notes mode changed before the watch looked (v made the opened story anew)", async () => {
		const store = new SyncedStore();
		app = await renderApp(storyStart("stories/lantern-keeper.txt"), { columns: 100, rows: 30 }, store);
		// The laptop's file arrives, and v is pressed before the watch's next look.
		store.other = {
			path: "/laptop/lantern-keeper.txt",
			title: "The Lantern Keeper",
			sourceOffset: 4000,
			snippet: "",
			percent: 30,
			lastRead: new Date().toISOString(),
			movedAt: new Date().toISOString(),
			device: "laptop",
		};
		store.stamp = 1;
		await app.press("v");
		// The watch looks every 1.5 s; the next key clears the notes mode's message.
		await new Promise((resolve) => setTimeout(resolve, 2 * OTHER_DEVICES_POLL_MS));
		await app.press("j");
		const frame = await app.waitFor((text) => text.includes("read further on laptop"), 3000);
		expect(frame).toContain("read further on laptop (R goes there)");
	});
});
