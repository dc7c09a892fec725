// A state folder that a sync tool or a network drive carries: bad conflict copies, a read-only folder, a folder that goes away.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import type { StoryRecord } from "../../source/persistence/reading-store.js";
import { checkPrerequisites, lastRow } from "../e2e/tmux.js";
import { ledgerCase, scratch, settle, storyText } from "./hostile.js";
import { recordOutcome } from "./ledger.js";
import {
	lastExitStatus,
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

const work = scratch("sync-folders");
afterAll(() => work.remove());
beforeAll(async () => {
	await ConfStore.ready();
});

const record = (offset: number, movedAt = new Date().toISOString()): StoryRecord => ({
	path: "/stories/ferry.txt",
	title: "The Ferry",
	sourceOffset: offset,
	snippet: `at ${offset}`,
	percent: 12,
	lastRead: movedAt,
	movedAt,
});

let folders = 0;
/** A device's settings and state folders, with one story's place saved. */
async function deviceWithPlace(state?: string) {
	const base = join(work.dir, `device-${++folders}`);
	const options = { state: state ?? join(base, "state"), device: "laptop" };
	const store = ConfStore.open(join(base, "config"), options);
	store.save("aaaa1111", record(1200));
	await settle(store);
	return { stories: join(options.state, "stories"), reopen: () => ConfStore.open(join(base, "config"), options) };
}

describe("conflict copies fic cannot use", () => {
	test("a conflict copy that is not JSON: skipped with one status line, kept, the place read", async () => {
		const { stories, reopen } = await deviceWithPlace();
		const copy = join(stories, "aaaa1111.laptop.sync-conflict-20261201-101500-ABCDEFG.json");
		writeFileSync(copy, '{"path": "/stories/ferry.txt", "sourceOffset": 99');
		let crashed = false;
		let found: number | undefined;
		let warning: string | undefined;
		try {
			const store = reopen();
			found = store.find({ fingerprint: "aaaa1111", path: "/x" })?.sourceOffset;
			warning = store.takeWarning();
			await settle(store);
		} catch {
			crashed = true;
		}
		recordOutcome("faults", "a sync tool's conflict copy that is not JSON", { crashed, lost: found === 1200 ? 0 : 1 });
		expect(found).toBe(1200);
		expect(warning).toMatch(/^Skipped stories\/aaaa1111\.laptop\.sync-conflict-\S+ in .* \(not JSON\)$/);
		expect(readFileSync(copy, "utf8")).toBe('{"path": "/stories/ferry.txt", "sourceOffset": 99');
	});

	test("a conflict copy of another story's file: this story's place is untouched, the other story gets it", async () => {
		const { stories, reopen } = await deviceWithPlace();
		const copy = join(stories, "bbbb2222.laptop (conflicted copy 2026-12-01 101500).json");
		writeFileSync(copy, JSON.stringify(record(77, "2030-01-01T00:00:00.000Z")));
		const store = reopen();
		const mine = store.find({ fingerprint: "aaaa1111", path: "/x" })?.sourceOffset;
		const other = store.find({ fingerprint: "bbbb2222", path: "/y" })?.sourceOffset;
		await settle(store);
		recordOutcome("faults", "a conflict copy that belongs to another story", {
			lost: mine === 1200 && other === 77 ? 0 : 1,
		});
		expect(mine).toBe(1200);
		expect(other).toBe(77);
		expect(existsSync(copy)).toBe(false);
		expect(reopen().find({ fingerprint: "bbbb2222", path: "/y" })?.sourceOffset).toBe(77);
	});
});

describe("a state folder that cannot be written", () => {
	test("a plain file where the state folder should be: reading goes on, the status says why", async () => {
		const blocker = work.file("not-a-folder", "a file");
		const store = ConfStore.open(join(work.dir, "blocked-config"), { state: join(blocker, "fic"), device: "laptop" });
		const warning = store.takeWarning();
		store.save("aaaa1111", record(5));
		await settle(store);
		recordOutcome("faults", "the state folder cannot be created (a file in the way)", { lost: 0 });
		expect(warning).toMatch(/^Cannot save reading positions in .*not-a-folder\/fic \(ENOTDIR\); reading goes on$/);
		// The folder is not there to save into.
		expect(store.unsaved()).toBe("ENOENT");
		expect(readFileSync(blocker, "utf8")).toBe("a file");
	});

	// A read-only file system where the machine allows mounting one (tests run as root, so chmod refuses nothing).
	const mountPoint = join(work.dir, "ro");
	mkdirSync(mountPoint);
	const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", mountPoint]).status === 0;
	afterAll(() => {
		if (mounted) spawnSync("umount", [mountPoint]);
	});

	test.runIf(mounted)(
		"a read-only state folder (a real read-only tmpfs): places are read, saving says EROFS",
		async () => {
			const { reopen } = await deviceWithPlace(join(mountPoint, "fic"));
			expect(spawnSync("mount", ["-o", "remount,ro", mountPoint]).status).toBe(0);
			const store = reopen();
			const warning = store.takeWarning();
			const found = store.find({ fingerprint: "aaaa1111", path: "/x" })?.sourceOffset;
			store.save("aaaa1111", record(3000));
			await settle(store);
			recordOutcome("faults", "a read-only state folder (read-only tmpfs)", { lost: found === 1200 ? 0 : 1 });
			expect(warning).toMatch(/Cannot save reading positions in .* \(EROFS\); reading goes on/);
			expect(found).toBe(1200);
			expect(store.unsaved()).toBe("EROFS");
			expect(reopen().find({ fingerprint: "aaaa1111", path: "/x" })?.sourceOffset).toBe(1200);
		},
	);
});

describe("a state folder on a path that goes away while reading (a network drive)", { timeout: 40_000 }, () => {
	test("reading goes on, the status bar says so, nothing is written elsewhere, and the next save after it is back lands", async (context) => {
		checkPrerequisites();
		const outcome = ledgerCase(context, "faults", "the state folder goes away while reading (a network drive)");
		const drive = join(work.dir, "drive");
		const state = join(drive, "fic");
		const away = join(work.dir, "drive-away");
		const term = openTerminal(context, READING_SIZE, { env: { FIC_STATE_DIR: state, FIC_DEVICE: "laptop" } });
		const story = work.file("drive-story.txt", storyText(3, 24));
		await term.open(quote(story));
		await waitForReader(term, (page) => page === 1);
		await nextPage(term);
		await sleep(PAST_DEBOUNCE_MS);

		renameSync(drive, away);
		await nextPage(term);
		const warned = await term.waitFor(/Cannot save reading positions \(ENOENT\)/);
		// Reading goes on, and no folder was made in the drive's place on the local disk.
		const gone = topText(await nextPage(term));
		await sleep(PAST_DEBOUNCE_MS);
		const recreated = existsSync(drive);

		renameSync(away, drive);
		const back = topText(await nextPage(term));
		await sleep(PAST_DEBOUNCE_MS);
		const status = await quitReader(term);
		await term.open(quote(story));
		const reopened = topText(await waitForReader(term));
		outcome({ lost: reopened === back ? 0 : 1 });
		expect(lastRow(warned)).toContain("Cannot save reading positions (ENOENT)");
		expect(gone).not.toBe("");
		expect(recreated).toBe(false);
		expect(status).toBe(0);
		expect(reopened).toBe(back);
		term.sendKeys("q");
		await term.waitForPrompt();
		expect(await lastExitStatus(term)).toBe(0);
	});
});
