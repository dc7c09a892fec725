// The library against the reading records: all of them read once per look at the folder, not once per story.

import { resolve } from "node:path";
import { afterEach, expect, it } from "vitest";
import { openStory } from "../../source/formats/open-story.js";
import { MemoryStore } from "../../source/persistence/memory-store.js";
import { pickRecord, type RecordKeys, type StoryRecord } from "../../source/persistence/reading-store.js";
import { type Harness, renderApp } from "./render-app.js";

/** A store that, as ConfStore does, reads every record for a story its records do not name; it counts those reads. */
class CountingStore extends MemoryStore {
	reads = 0;

	override all(): Array<{ name: string; record: StoryRecord }> {
		this.reads++;
		return super.all();
	}

	override find(keys: RecordKeys): StoryRecord | undefined {
		const named = new Map(super.all().map(({ name, record }) => [name, record]));
		return pickRecord(
			keys,
			(name) => named.get(name),
			() => this.all().map(({ record }) => record),
		);
	}
}

let app: Harness | undefined;
afterEach(() => app?.unmount());

it("reads the records once for the folder, and still finds a moved story's record by its fingerprint", async () => {
	const store = new CountingStore();
	const { fingerprint } = openStory("stories/lantern-keeper.txt");
	store.save(fingerprint, {
		path: "/elsewhere/lantern-keeper.txt",
		title: "The Lantern Keeper",
		sourceOffset: 100,
		snippet: "",
		percent: 42,
		lastRead: new Date().toISOString(),
	});
	app = await renderApp({ kind: "library", folder: resolve("stories") }, { columns: 100, rows: 20 }, store);
	const frame = await app.waitFor((text) => text.includes("雪の手紙") && !text.includes("Reading "));
	expect(frame.split("\n").find((row) => row.includes("Lantern Keeper"))).toContain("42%");
	// Seven stories, six of them named by no record: one read of them all when listed, none per story.
	expect(store.reads).toBeLessThanOrEqual(2);
});
