// Records of ongoing works: found by identity, carried over from today's fingerprint records,
// never shared by two works; the chapters the reader had survive a merge.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { MemoryStore } from "../../source/persistence/memory-store.js";
import { mergeRecords } from "../../source/persistence/merge-record.js";
import type { ReadingStore, StoryRecord } from "../../source/persistence/reading-store.js";
import { ownRecordFile } from "./own-file.js";

let directory: string;
beforeAll(() => ConfStore.ready());
beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), "fic-ongoing-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const SOURCE = "https://archiveofourown.org/works/41000017";
const CHAPTERS = [
	{ title: "Chapter 1: The Salt Road", fingerprint: "e371bd18fc80" },
	{ title: "Chapter 2: Lanterns at Low Water", fingerprint: "a2f7efca6919" },
];

const record = (path: string, extra: Partial<StoryRecord> = {}): StoryRecord => ({
	path,
	title: "Salt and Lanterns",
	sourceOffset: 5120,
	snippet: "paragraph 6: on the sixth evening",
	percent: 40,
	lastRead: "2026-11-20T10:00:00.000Z",
	...extra,
});

/** A record exactly as fic wrote it before works had identities: fingerprint-named, no source, no chapters. */
function writeTodaysRecord(fingerprint: string, path: string): void {
	mkdirSync(join(directory, "stories"), { recursive: true });
	writeFileSync(
		join(directory, "stories", `${fingerprint}.json`),
		JSON.stringify({
			path,
			title: "Salt and Lanterns",
			author: "saltmarsh",
			words: 1120,
			sourceOffset: 5120,
			snippet: "paragraph 6: on the sixth evening",
			percent: 40,
			lastRead: "2026-11-20T10:00:00.000Z",
			movedAt: "2026-11-20T10:00:00.000Z",
			marks: { a: { sourceOffset: 300, snippet: "the salt road", setAt: "2026-11-20T09:00:00.000Z" } },
		}),
	);
}

describe.each([
	["the conf store", () => ConfStore.open(directory)],
	["the memory store", () => new MemoryStore()],
])("%s", (_name, open: () => ReadingStore) => {
	it("finds an update under another name and fingerprint by the work's identity", () => {
		const store = open();
		store.save("ao3-41000017", record("/books/Salt.html", { source: SOURCE, chapters: CHAPTERS }));
		const found = store.find({ identity: "ao3-41000017", fingerprint: "0123456789ab", path: "/books/Salt (2).html" });
		expect(found?.sourceOffset).toBe(5120);
		expect(found?.chapters).toEqual(CHAPTERS);
	});

	it("never takes the record of another work found by path", () => {
		const store = open();
		store.save("ao3-1", record("/books/story.html", { source: "https://archiveofourown.org/works/1" }));
		expect(store.find({ identity: "ao3-2", fingerprint: "ffff", path: "/books/story.html" })).toBeUndefined();
		// The same work under its own name still finds it.
		expect(store.find({ identity: "ao3-1", fingerprint: "ffff", path: "/x.html" })?.path).toBe("/books/story.html");
	});

	it("takes a fingerprint's record for a file that names no work (plain text), as before", () => {
		const store = open();
		store.save("abcdef", record("/books/notes.txt", { source: SOURCE }));
		expect(store.find({ fingerprint: "abcdef", path: "/elsewhere.txt" })?.sourceOffset).toBe(5120);
	});
});

describe("a record written by today's fic", () => {
	it("is found by its fingerprint (or path), and the next save carries it to the identity's name", async () => {
		writeTodaysRecord("9f86d081884c7d659a2feaa0", "/books/Salt.html");
		const store = ConfStore.open(directory);
		const keys = { identity: "ao3-41000017", fingerprint: "9f86d081884c7d659a2feaa0", path: "/books/Salt.html" };
		const found = store.find(keys) as StoryRecord;
		expect(found).toMatchObject({ sourceOffset: 5120, percent: 40 });
		expect(found.chapters).toBeUndefined();
		expect(store.find({ ...keys, fingerprint: "000000000000000000000000" })?.sourceOffset).toBe(5120);
		store.save("ao3-41000017", { ...found, source: SOURCE, chapters: CHAPTERS, lastRead: new Date().toISOString() });
		await store.settled();
		const saved = JSON.parse(readFileSync(ownRecordFile(directory, "ao3-41000017"), "utf8"));
		expect(saved).toMatchObject({ source: SOURCE, chapters: CHAPTERS, sourceOffset: 5120 });
		expect(Object.keys(saved.marks)).toEqual(["a"]);
		// From now on an update under any name finds it.
		const again = ConfStore.open(directory);
		expect(
			again.find({ ...keys, fingerprint: "111111111111111111111111", path: "/new/Salt_2.epub" })?.chapters,
		).toEqual(CHAPTERS);
		expect(readdirSync(join(directory, "stories")).sort()).toEqual([
			"9f86d081884c7d659a2feaa0.json",
			basename(ownRecordFile(directory, "ao3-41000017")),
		]);
	});

	it("keeps working when its new fields are damaged by hand: they are dropped, the place stays", () => {
		mkdirSync(join(directory, "stories"), { recursive: true });
		writeFileSync(
			join(directory, "stories", "ao3-5.json"),
			JSON.stringify({ ...record("/a.html"), chapters: [{ title: 3 }], series: { name: "S", part: "two" }, source: 7 }),
		);
		const found = ConfStore.open(directory).find({ identity: "ao3-5", fingerprint: "aa", path: "/a.html" });
		expect(found?.sourceOffset).toBe(5120);
		expect(found?.chapters).toBeUndefined();
		expect(found?.series).toBeUndefined();
		expect(found?.source).toBeUndefined();
	});
});

describe("merging two windows' records", () => {
	const later = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 10, minutes)).toISOString();

	it("keeps the chapters of either (the newest move's first), and the source and series a window without them did not know", () => {
		const three = [...CHAPTERS, { title: "Chapter 3: The Drowned Bell", fingerprint: "d6ad4025ff95" }];
		const onDisk = record("/a.html", {
			movedAt: later(30),
			chapters: three,
			source: SOURCE,
			series: { name: "S", part: 1 },
		});
		const saving = record("/a.html", { movedAt: later(10), chapters: CHAPTERS });
		const merged = mergeRecords(onDisk, saving);
		expect(merged.chapters).toEqual(three);
		expect(merged.source).toBe(SOURCE);
		expect(merged.series).toEqual({ name: "S", part: 1 });
		expect(mergeRecords(record("/a.html", { movedAt: later(1) }), saving).chapters).toEqual(CHAPTERS);
		// A newer move in a download with fewer chapters keeps the third as had.
		expect(mergeRecords(onDisk, { ...saving, movedAt: later(40) }).chapters).toEqual(three);
	});
});
