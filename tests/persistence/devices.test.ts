// Two devices sharing a state folder, the sync done by copying files: each writes its own file, and reads merge them all.

import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chapterStates } from "../../source/persistence/chapter-states.js";
import { ConfStore } from "../../source/persistence/conf-store.js";
import type { ReadingStore, StoryRecord } from "../../source/persistence/reading-store.js";

const NAME = "abc123";

const record = (sourceOffset: number, marks?: StoryRecord["marks"]): StoryRecord => ({
	path: "/home/me/ferry.txt",
	title: "The Ferry",
	sourceOffset,
	snippet: `at ${sourceOffset}`,
	percent: sourceOffset / 100,
	lastRead: new Date().toISOString(),
	...(marks ? { marks } : {}),
});
const place = (sourceOffset: number) => ({ sourceOffset, snippet: `at ${sourceOffset}` });

let root: string;
/** Each device: its own settings folder and its own copy of the state folder. */
const folders = (device: string) => ({ config: join(root, device, "config"), state: join(root, device, "state") });
const open = (device: string): ReadingStore =>
	ConfStore.open(folders(device).config, { state: folders(device).state, device });
const stories = (device: string) => join(folders(device).state, "stories");

/** What a sync tool does: every file of one device's stories/ that the other lacks or has older, copied over. */
function sync(from: string, to: string): void {
	mkdirSync(stories(to), { recursive: true });
	for (const name of readdirSync(stories(from))) copyFileSync(join(stories(from), name), join(stories(to), name));
}

async function read(device: string, offset: number, marks?: StoryRecord["marks"]): Promise<void> {
	const store = open(device);
	store.save(NAME, { ...record(offset), ...(marks ? { marks } : {}) });
	await store.settled();
}

beforeAll(async () => {
	await ConfStore.ready();
});
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), "fic-devices-"));
});
afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

describe("two devices sharing a state folder", () => {
	it("each writes only its own file, named after the device", async () => {
		await read("laptop", 100);
		expect(readdirSync(stories("laptop"))).toEqual([`${NAME}.laptop.json`]);
		const onDisk = JSON.parse(readFileSync(join(stories("laptop"), `${NAME}.laptop.json`), "utf8"));
		expect(onDisk.device).toBe("laptop");
		expect(typeof onDisk.movedAt).toBe("string");
	});

	it("read on one, synced, opens on the other at the same place", async () => {
		await read("laptop", 4200);
		sync("laptop", "server");
		const found = open("server").find({ fingerprint: NAME, path: "/elsewhere/ferry.txt" });
		expect(found?.sourceOffset).toBe(4200);
		expect(found?.device).toBe("laptop");
	});

	it("read on both while apart: after the sync both open at the newest place with both devices' marks", async () => {
		await read("laptop", 100);
		sync("laptop", "server");
		await read("laptop", 300, { a: place(250) });
		await new Promise((resolve) => setTimeout(resolve, 5));
		await read("server", 900, { b: place(800) });
		sync("laptop", "server");
		sync("server", "laptop");
		for (const device of ["laptop", "server"]) {
			const found = open(device).find({ fingerprint: NAME, path: "/x" });
			expect(found?.sourceOffset).toBe(900);
			expect(found?.device).toBe("server");
			expect(Object.keys(found?.marks ?? {}).sort()).toEqual(["a", "b"]);
		}
	});

	it("an idle reader quitting after the sync does not hide the newer place reached on the other device", async () => {
		await read("laptop", 100);
		sync("laptop", "server");
		// The server opens the story at 100, moves to 150, then sits open.
		const idle = open("server");
		const opened = idle.find({ fingerprint: NAME, path: "/x" }) as StoryRecord;
		idle.save(NAME, { ...opened, sourceOffset: 150, snippet: "at 150" });
		await idle.settled();
		await new Promise((resolve) => setTimeout(resolve, 5));
		// Meanwhile the laptop reads on, and its file arrives.
		await read("laptop", 5000);
		sync("laptop", "server");
		// The idle reader quits: it saves its place (150, moved before the laptop's move).
		idle.save(NAME, { ...opened, sourceOffset: 150, snippet: "at 150", lastRead: new Date().toISOString() });
		await idle.settled();
		sync("server", "laptop");
		expect(open("server").find({ fingerprint: NAME, path: "/x" })?.sourceOffset).toBe(5000);
		expect(open("laptop").find({ fingerprint: NAME, path: "/x" })?.sourceOffset).toBe(5000);
	});

	it("the library lists each story once, merged, with this device's path", async () => {
		await read("laptop", 100);
		sync("laptop", "server");
		const server = open("server");
		server.save(NAME, { ...record(50), path: "/srv/ferry.txt" });
		await server.settled();
		const listed = open("server").all();
		expect(listed).toHaveLength(1);
		expect(listed[0]?.record.path).toBe("/srv/ferry.txt");
	});

	it("the state stamp stays while nothing changes and moves when another device's file arrives", async () => {
		await read("server", 100);
		await read("laptop", 50);
		const store = open("laptop");
		const before = store.stateStamp();
		expect(store.stateStamp()).toBe(before);
		await new Promise((resolve) => setTimeout(resolve, 20));
		sync("server", "laptop");
		expect(store.stateStamp()).not.toBe(before);
	});

	it("fields this version does not know are carried through, the newest record's winning", async () => {
		mkdirSync(stories("laptop"), { recursive: true });
		const newer = {
			...record(700),
			movedAt: "2030-01-01T00:00:00.000Z",
			device: "tablet",
			source: "ao3:1",
			readingSpeed: 9,
		};
		writeFileSync(join(stories("laptop"), `${NAME}.tablet.json`), JSON.stringify(newer));
		await read("laptop", 10);
		const found = open("laptop").find({ fingerprint: NAME, path: "/x" }) as StoryRecord & {
			source?: string;
			readingSpeed?: number;
		};
		expect(found.sourceOffset).toBe(700);
		expect(found.source).toBe("ao3:1");
		expect(found.readingSpeed).toBe(9);
	});
	it("chapters read on one device stay read when the other, with an older download, reads on", async () => {
		const print = (n: number) => ({ title: `Chapter ${n}`, fingerprint: `${n}`.repeat(12) });
		const upToDate = [1, 2, 3].map(print);
		const laptop = open("laptop");
		laptop.save(NAME, { ...record(900), chapters: upToDate });
		await laptop.settled();
		sync("laptop", "phone");
		// The phone still has the two-chapter file, and moves later.
		const phone = open("phone");
		phone.save(NAME, { ...record(300), chapters: upToDate.slice(0, 2) });
		await phone.settled();
		sync("phone", "laptop");
		const keys = { fingerprint: NAME, path: "/home/me/ferry.txt" };
		const work = { chapters: upToDate };
		expect(open("laptop").find(keys)?.sourceOffset).toBe(300);
		expect(chapterStates(open("laptop"), { ...keys, work })).toEqual(["seen", "seen", "seen"]);
		expect(chapterStates(open("phone"), { ...keys, work: { chapters: upToDate.slice(0, 2) } })).toEqual([
			"seen",
			"seen",
		]);
	});
});

describe("conflict copies", () => {
	const copies = {
		Syncthing: `${NAME}.laptop.sync-conflict-20261201-101500-ABCDEFG.json`,
		Dropbox: `${NAME}.laptop (Bob's conflicted copy 2026-12-01).json`,
		Nextcloud: `${NAME}.laptop (conflicted copy 2026-12-01 101500).json`,
	};

	for (const [tool, copy] of Object.entries(copies)) {
		it(`${tool}'s copy is merged, folded into this device's file, then removed`, async () => {
			await read("laptop", 100, { a: place(50) });
			const newer = { ...record(2000, { z: { ...place(1900), setAt: "2030-01-01T00:00:00.000Z" } }) };
			writeFileSync(
				join(stories("laptop"), copy),
				JSON.stringify({ ...newer, movedAt: "2030-01-01T00:00:00.000Z", device: "laptop" }),
			);
			const store = open("laptop");
			const found = store.find({ fingerprint: NAME, path: "/x" });
			expect(found?.sourceOffset).toBe(2000);
			expect(Object.keys(found?.marks ?? {}).sort()).toEqual(["a", "z"]);
			await store.settled();
			expect(readdirSync(stories("laptop"))).toEqual([`${NAME}.laptop.json`]);
			const own = JSON.parse(readFileSync(join(stories("laptop"), `${NAME}.laptop.json`), "utf8")) as StoryRecord;
			expect(own.sourceOffset).toBe(2000);
			expect(Object.keys(own.marks ?? {}).sort()).toEqual(["a", "z"]);
		});
	}

	it("a copy that is not JSON is skipped with one status line, and kept", async () => {
		await read("laptop", 100);
		const copy = join(stories("laptop"), copies.Syncthing);
		writeFileSync(copy, '{"path": "/home/me/ferry.txt", "sourceOff');
		const store = open("laptop");
		expect(store.find({ fingerprint: NAME, path: "/x" })?.sourceOffset).toBe(100);
		expect(store.takeWarning()).toMatch(/^Skipped stories\/abc123\.laptop\.sync-conflict-.*\(not JSON\)$/);
		await store.settled();
		expect(existsSync(copy)).toBe(true);
		// Said once a run, not at every read.
		store.find({ fingerprint: NAME, path: "/x" });
		expect(store.takeWarning()).toBeUndefined();
	});

	it("a copy of another story's file leaves this story alone, and stays until that story is read", async () => {
		await read("laptop", 100);
		const other = join(stories("laptop"), `ffff99.laptop.sync-conflict-20261201-101500-ABCDEFG.json`);
		writeFileSync(other, JSON.stringify({ ...record(9999), movedAt: "2030-01-01T00:00:00.000Z" }));
		const store = open("laptop");
		expect(store.find({ fingerprint: NAME, path: "/x" })?.sourceOffset).toBe(100);
		await store.settled();
		expect(existsSync(other)).toBe(true);
		expect(store.find({ fingerprint: "ffff99", path: "/y" })?.sourceOffset).toBe(9999);
		await store.settled();
		expect(existsSync(other)).toBe(false);
		expect(existsSync(join(stories("laptop"), "ffff99.laptop.json"))).toBe(true);
	});

	it("a file fic does not know is said once and left alone", async () => {
		await read("laptop", 100);
		writeFileSync(join(stories("laptop"), "notes.txt"), "my notes");
		const store = open("laptop");
		expect(store.all()).toHaveLength(1);
		expect(store.takeWarning()).toMatch(/Skipped stories\/notes\.txt .*\(not fic's\)/);
		expect(readFileSync(join(stories("laptop"), "notes.txt"), "utf8")).toBe("my notes");
	});
});
