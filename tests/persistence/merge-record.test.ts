import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { mergeRecords, stampChanges } from "../../source/persistence/merge-record.js";
import type { StoryRecord } from "../../source/persistence/reading-store.js";
import { ownRecordFile } from "./own-file.js";

const record = (
	sourceOffset: number,
	marks?: StoryRecord["marks"],
	lastRead = "2026-01-01T00:00:00.000Z",
): StoryRecord => ({
	path: "/stories/ferry.txt",
	title: "The Ferry",
	sourceOffset,
	snippet: `at ${sourceOffset}`,
	percent: sourceOffset / 100,
	lastRead,
	...(marks ? { marks } : {}),
});
const place = (sourceOffset: number) => ({ sourceOffset, snippet: `at ${sourceOffset}` });

describe("stampChanges", () => {
	it("times only what moved since this window last saved", () => {
		const before = stampChanges(record(10, { a: place(5) }), undefined, "T1", "laptop");
		expect(before.movedAt).toBe("T1");
		expect(before.device).toBe("laptop");
		expect(before.marks?.a?.setAt).toBe("T1");
		const same = stampChanges(record(10, { a: place(5), b: place(7) }), before, "T2", "server");
		expect(same.movedAt).toBe("T1");
		expect(same.device).toBe("laptop");
		expect(same.marks?.a?.setAt).toBe("T1");
		expect(same.marks?.b?.setAt).toBe("T2");
		const moved = stampChanges(record(20, { a: place(6) }), same, "T3", "server");
		expect(moved.movedAt).toBe("T3");
		expect(moved.device).toBe("server");
		expect(moved.marks?.a?.setAt).toBe("T3");
	});
});

describe("mergeRecords", () => {
	it("keeps every letter, the newer where both have it, and the newest move's place", () => {
		const onDisk = {
			...record(50, { a: { ...place(5), setAt: "T5" }, b: { ...place(6), setAt: "T1" } }),
			movedAt: "T5",
		};
		const saving = {
			...record(10, { b: { ...place(9), setAt: "T3" }, c: { ...place(8), setAt: "T2" } }),
			movedAt: "T2",
		};
		const merged = mergeRecords(onDisk, saving);
		expect(merged.sourceOffset).toBe(50);
		expect(merged.snippet).toBe("at 50");
		expect(merged.marks).toEqual({
			a: { ...place(5), setAt: "T5" },
			b: { ...place(9), setAt: "T3" },
			c: { ...place(8), setAt: "T2" },
		});
	});

	it("reads old records: no movedAt means lastRead, a mark with no time is older than any timed one", () => {
		const old = record(50, { a: place(5) }, "2026-01-02T00:00:00.000Z");
		const saving = {
			...record(10, { a: { ...place(9), setAt: "2026-01-01T00:00:00.000Z" } }),
			movedAt: "2026-01-03T00:00:00.000Z",
		};
		const merged = mergeRecords(old, saving);
		expect(merged.sourceOffset).toBe(10);
		expect(merged.marks?.a?.sourceOffset).toBe(9);
	});

	it("skips marks on disk that are not places", () => {
		const damaged = { ...record(1), marks: { a: null, b: "x", c: place(3) } } as unknown as StoryRecord;
		expect(Object.keys(mergeRecords(damaged, record(2)).marks ?? {})).toEqual(["c"]);
	});
});

describe("two stores (two fic windows) on one story", () => {
	let directory: string;
	beforeEach(() => {
		directory = mkdtempSync(join(tmpdir(), "fic-merge-"));
	});
	afterEach(() => rmSync(directory, { recursive: true, force: true }));

	it("a mark set in one survives the other saving its older record, and the newer move keeps the place", async () => {
		const seed = ConfStore.open(directory);
		seed.save("abc", record(10));
		await seed.settled();
		const first = ConfStore.open(directory);
		const second = ConfStore.open(directory);
		await ConfStore.ready();
		const opened = first.find({ fingerprint: "abc", path: "/x" }) as StoryRecord;
		expect(second.find({ fingerprint: "abc", path: "/x" })?.sourceOffset).toBe(10);
		// The first window moves on and sets mark a; the second window never moves and then quits.
		first.save("abc", { ...opened, sourceOffset: 40, snippet: "at 40", marks: { a: place(30) } });
		await first.settled();
		second.save("abc", { ...record(10), lastRead: new Date().toISOString() });
		await second.settled();
		const onDisk = JSON.parse(readFileSync(ownRecordFile(directory, "abc"), "utf8")) as StoryRecord;
		expect(onDisk.marks?.a?.sourceOffset).toBe(30);
		expect(onDisk.sourceOffset).toBe(40);
		// Later the second window moves: its move is now the newest and wins; mark a stays.
		second.save("abc", { ...record(70), lastRead: new Date().toISOString() });
		await second.settled();
		const after = ConfStore.open(directory).find({ fingerprint: "abc", path: "/x" });
		expect(after?.sourceOffset).toBe(70);
		expect(after?.marks?.a?.sourceOffset).toBe(30);
	});

	it("an old record without times is read and merged", async () => {
		const stories = join(directory, "stories");
		ConfStore.open(directory);
		await ConfStore.ready();
		mkdirSync(stories, { recursive: true });
		writeFileSync(join(stories, "abc.json"), JSON.stringify(record(15, { q: place(12) })));
		const store = ConfStore.open(directory);
		const found = store.find({ fingerprint: "abc", path: "/x" }) as StoryRecord;
		expect(found.marks?.q?.sourceOffset).toBe(12);
		store.save("abc", { ...found, marks: { ...found.marks, r: place(20) } });
		await store.settled();
		expect(Object.keys(ConfStore.open(directory).find({ fingerprint: "abc", path: "/x" })?.marks ?? {}).sort()).toEqual(
			["q", "r"],
		);
	});
});
