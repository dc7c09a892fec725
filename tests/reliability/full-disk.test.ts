// A full disk under the reading-positions store: saving fails with ENOSPC, reading goes on, old files survive.

import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import type { ReadingStore, StoryRecord } from "../../source/persistence/reading-store.js";
import { checkPrerequisites } from "../e2e/tmux.js";
import { ledgerCase, scratch, settle, storyText } from "./hostile.js";
import { recordOutcome } from "./ledger.js";
import {
	nextPage,
	openTerminal,
	PAST_DEBOUNCE_MS,
	quitReader,
	quote,
	READING_SIZE,
	sleep,
	topText,
	waitForReader,
} from "./screen.js";

/**
 * The simulated full disk. conf writes through `atomically`, but conf is a dependency Node loads
 * itself (vitest does not transform node_modules), so a vi.mock of `atomically` or a spy on node:fs
 * taken after conf has loaded never reaches its writes. conf itself is what the store imports, so
 * that is wrapped: while `disk.full` is set, every write throws ENOSPC as writeFileSync would.
 */
const disk = vi.hoisted(() => ({ full: false }));

vi.mock("conf", async (importOriginal) => {
	const actual = await importOriginal<typeof import("conf")>();
	const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
	// A subclass, not a patch of conf's own class: nothing outside this file sees the full disk.
	const Base = actual.default as unknown as new (
		...args: unknown[]
	) => { get store(): unknown; set store(value: unknown); set(...args: unknown[]): void };
	class FullDiskConf extends Base {
		override get store(): unknown {
			return super.store;
		}
		override set store(value: unknown) {
			if (disk.full) throw enospc();
			super.store = value;
		}
		override set(...args: unknown[]): void {
			if (disk.full) throw enospc();
			super.set(...args);
		}
	}
	return { ...actual, default: FullDiskConf };
});

const work = scratch("full-disk");
afterAll(() => work.remove());

const record = (offset: number): StoryRecord => ({
	path: "/stories/ferry.txt",
	title: "The Ferry",
	sourceOffset: offset,
	snippet: "In entry 0042 the keeper mended the nets",
	percent: 12,
	lastRead: new Date().toISOString(),
});

/** Saves while the disk is full must neither throw nor damage what is on disk. */
async function saveOnFullDisk(store: ReadingStore): Promise<{ threw: boolean }> {
	try {
		store.save("aaaa1111", record(2000));
		store.save("bbbb2222", record(5));
		store.saveSettings({ panelOpen: true, measure: 72 });
		await settle(store);
		return { threw: false };
	} catch {
		return { threw: true };
	}
}

/** Every file under `directory` with its bytes, so "nothing on disk changed" can be checked whatever the layout. */
function snapshot(directory: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		try {
			files[relative(directory, path)] = readFileSync(path, "latin1");
		} catch (error) {
			// A temporary file removed while the folder is walked.
			if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
		}
	}
	return files;
}

/**
 * The folder once the failed write has been cleaned up: atomically removes its temporary file
 * asynchronously, so one may linger for a moment; one still there after two seconds is litter.
 */
async function snapshotWhenClean(directory: string): Promise<Record<string, string>> {
	const deadline = Date.now() + 2000;
	let files = snapshot(directory);
	while (Object.keys(files).some((name) => name.includes(".tmp-")) && Date.now() < deadline) {
		await new Promise((done) => setTimeout(done, 20));
		files = snapshot(directory);
	}
	return files;
}

/** A store that has saved one story's place and the settings, on disk. */
async function usedStore(directory: string): Promise<ReadingStore> {
	const store = ConfStore.open(directory);
	store.save("aaaa1111", record(1200));
	store.saveSettings({ panelOpen: false, measure: 64 });
	await settle(store);
	expect(store.takeWarning()).toBeUndefined();
	return store;
}

/** Whether a fresh store (a later start of fic) still finds the place saved before the disk filled. */
function placeKept(directory: string): boolean {
	return ConfStore.open(directory).find({ fingerprint: "aaaa1111", path: "/stories/ferry.txt" })?.sourceOffset === 1200;
}

describe("a full disk", () => {
	test("simulated ENOSPC: saving fails quietly with one warning, the old files are kept", async () => {
		const directory = join(work.dir, "simulated");
		const store = await usedStore(directory);
		const before = snapshot(directory);

		let announced = 0;
		store.onWarning(() => announced++);
		disk.full = true;
		const { threw } = await saveOnFullDisk(store);
		disk.full = false;
		const after = await snapshotWhenClean(directory);
		const kept = placeKept(directory);
		recordOutcome("faults", "disk full while saving (simulated ENOSPC)", { crashed: threw, lost: kept ? 0 : 1 });
		expect(threw).toBe(false);
		// The reader is told at once (for its status bar), once however many saves fail.
		expect(announced).toBe(1);
		// What fic tells on stderr at exit, with status 1, instead of pretending the place was saved.
		expect(store.unsaved()).toBe("ENOSPC");
		const warning = store.takeWarning();
		expect(warning).toMatch(/ENOSPC/);
		expect(warning).not.toContain("\n");
		expect(store.takeWarning()).toBeUndefined();
		expect(after).toEqual(before);
		expect(kept).toBe(true);
		// Space again: the next save goes through, and nothing is left unsaved.
		store.save("aaaa1111", record(3000));
		await settle(store);
		expect(ConfStore.open(directory).find({ fingerprint: "aaaa1111", path: "/x" })?.sourceOffset).toBe(3000);
		expect(store.unsaved()).toBeUndefined();
	});

	// A real full file system where the machine allows mounting one (tests run as root here).
	const mountPoint = join(work.dir, "tmpfs");
	mkdirSync(mountPoint);
	const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", mountPoint]).status === 0;
	afterAll(() => {
		if (mounted) spawnSync("umount", [mountPoint]);
	});

	test.runIf(mounted)("a real full tmpfs: the same, with the kernel's own ENOSPC", async () => {
		const directory = join(mountPoint, "config");
		const store = await usedStore(directory);
		const before = snapshot(directory);
		const filler = join(mountPoint, "filler");
		fillUp(filler);

		const { threw } = await saveOnFullDisk(store);
		const after = await snapshotWhenClean(directory);
		const kept = placeKept(directory);
		recordOutcome("faults", "disk full while saving (a real full tmpfs)", { crashed: threw, lost: kept ? 0 : 1 });
		expect(threw).toBe(false);
		expect(store.unsaved()).toBe("ENOSPC");
		expect(store.takeWarning()).toMatch(/ENOSPC/);
		// Nothing changed on disk: no file cut short, no half-written temporary file left behind.
		expect(after).toEqual(before);
		expect(kept).toBe(true);

		rmSync(filler);
		store.save("aaaa1111", record(3000));
		await settle(store);
		expect(ConfStore.open(directory).find({ fingerprint: "aaaa1111", path: "/x" })?.sourceOffset).toBe(3000);
		expect(store.unsaved()).toBeUndefined();
	});

	test.runIf(mounted)(
		"the reader on a full tmpfs: a line on stderr and status 1 at exit, the old place kept",
		async (context) => {
			checkPrerequisites();
			const outcome = ledgerCase(context, "faults", "the reader quits with its config on a full tmpfs (real ENOSPC)");
			const term = openTerminal(context, READING_SIZE, { configDir: join(mountPoint, "reader-config") });
			const story = join(term.dir, "full-disk-story.txt");
			writeFileSync(story, storyText(3, 24));
			await term.open(quote(story));
			const first = await waitForReader(term, (page) => page === 1);
			await sleep(PAST_DEBOUNCE_MS);
			const filler = join(mountPoint, "reader-filler");
			fillUp(filler);
			await nextPage(term);
			await nextPage(term);
			await sleep(PAST_DEBOUNCE_MS);
			const status = await quitReader(term);
			const screen = term.capture().replaceAll("\n", "");
			rmSync(filler);
			// Space again: the place saved before the disk filled is still there, unharmed.
			await term.open(quote(story));
			const reopened = await waitForReader(term);
			await quitReader(term);
			const kept = topText(reopened) === topText(first);
			outcome({ crashed: status !== 1, lost: kept ? 0 : 1 });
			expect(screen).toMatch(/fic: your place could not be saved \(ENOSPC\)/);
			expect(status).toBe(1);
			expect(topText(reopened)).toBe(topText(first));
		},
	);
});

/** Writes to `path` until the file system says ENOSPC. */
function fillUp(path: string): void {
	const fd = openSync(path, "w");
	const chunk = Buffer.alloc(4096, 0x2e);
	try {
		for (;;) writeSync(fd, chunk);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
	} finally {
		closeSync(fd);
	}
}
