// Files that change under the reader, and unusual places to read from: FIFOs, stdin, loops, odd names, pipes.

import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, type TestContext, test } from "vitest";
import { checkPrerequisites, isAlive, type Terminal } from "../e2e/tmux.js";
import {
	CLI,
	crashed,
	entries,
	ledgerCase,
	type Run,
	refusedInOneLine,
	runCommand,
	runFic,
	type Scratch,
	scratch,
	storyText,
} from "./hostile.js";
import { recordOutcome } from "./ledger.js";
import {
	lastExitStatus,
	nextPage,
	openTerminal,
	quitReader,
	quote,
	textRows,
	topText,
	waitForReader,
	waitForShell,
} from "./screen.js";

const STORY = storyText(3, 24);
/** About 560 KB: longer than the pieces (48 KiB) fic reads long plain-text stories in. */
const LONG_STORY = storyText(20, 100);

let work: Scratch;
const configDir = () => join(work.dir, "config");

beforeAll(() => {
	work = scratch("files");
});
afterAll(() => work.remove());

describe.concurrent("a story file that changes while the reader is open", { timeout: 40_000 }, () => {
	beforeAll(checkPrerequisites);

	/**
	 * Opens a long story, reads two pages, lets `change` act on the file, then jumps to the end and
	 * back and pages on, quits and reopens. Returns the page before quitting, the reopened page and
	 * whether anything crashed on the way.
	 */
	async function readThrough(
		context: TestContext,
		change: (path: string) => void,
		beforeReopen?: (term: Terminal, path: string) => Promise<void>,
	) {
		const term = openTerminal(context);
		mkdirSync(join(term.dir, "books"));
		const path = join(term.dir, "books", "the-ferry.txt");
		writeFileSync(path, LONG_STORY);
		const pid = await term.open(quote(path));
		await waitForReader(term, (page) => page === 1);
		await nextPage(term);
		await nextPage(term);
		change(path);
		// Long stories are read in pieces: the end (and maybe the start again) is read after the change.
		term.sendKeys("G");
		await waitForReader(term, (page) => page > 3);
		term.sendKeys("g");
		await waitForReader(term, (page) => page === 1);
		term.sendKeys("Space");
		const last = await waitForReader(term, (page) => page !== 1);
		const alive = isAlive(pid);
		const status = await quitReader(term);
		await beforeReopen?.(term, path);
		const reopenedPid = await term.open(quote(path));
		const reopened = await waitForReader(term);
		const reopenedAlive = isAlive(reopenedPid);
		const reopenedStatus = await quitReader(term);
		return { last, reopened, crashed: !alive || status !== 0 || !reopenedAlive || reopenedStatus !== 0 };
	}

	test("grows (a chapter appended): the place is kept", async (context) => {
		const outcome = ledgerCase(context, "faults", "the story grows while open (a chapter appended)");
		const result = await readThrough(context, (path) =>
			appendFileSync(path, `\n${storyText(1, 10, 9000).replace("Chapter 1:", "Chapter 21:")}`),
		);
		const kept = topText(result.reopened) === topText(result.last);
		outcome({
			crashed: result.crashed,
			lost: kept ? 0 : 1,
		});
		expect(result.crashed).toBe(false);
		expect(topText(result.reopened)).toBe(topText(result.last));
	});

	test("shrinks to before the place: reopened clamped into what is left", async (context) => {
		const outcome = ledgerCase(context, "faults", "the story shrinks while open (cut before the place)");
		const keep = LONG_STORY.slice(0, 1000);
		const lastEntry = Math.max(...entries(keep));
		const result = await readThrough(context, (path) => truncateSync(path, Buffer.byteLength(keep)));
		const shown = entries(textRows(result.reopened).join(" "));
		outcome({ crashed: result.crashed });
		expect(result.crashed).toBe(false);
		// The old place is gone; what is shown must be text that is still in the file.
		expect(shown.length, `the reopened page:\n${result.reopened}`).toBeGreaterThan(0);
		expect(Math.max(...shown)).toBeLessThanOrEqual(lastEntry);
	});

	test("is replaced by another story (saved over by an editor): reopened on the new text", async (context) => {
		const outcome = ledgerCase(context, "faults", "the story is replaced while open");
		const other = storyText(2, 30).replaceAll("entry", "record");
		const result = await readThrough(context, (path) => {
			writeFileSync(`${path}.tmp`, other);
			renameSync(`${path}.tmp`, path);
		});
		const shown = textRows(result.reopened).join(" ");
		outcome({ crashed: result.crashed });
		expect(result.crashed).toBe(false);
		expect(shown).toMatch(/record \d{4}/);
		expect(shown).not.toMatch(/entry \d{4}/);
	});

	test("vanishes: the reader goes on, fic alone says the last story is gone, and the place is back with the file", async (context) => {
		const outcome = ledgerCase(context, "faults", "the story vanishes while open (then comes back)");
		let goneSaid = false;
		let goneStatus = -1;
		const result = await readThrough(
			context,
			(path) => rmSync(path),
			async (term, path) => {
				// With no argument fic reopens the last story; that one is gone: one line, status 1,
				// rather than some other folder's library shown as if nothing had happened.
				await term.open("");
				const screen = await waitForShell(term, 5000);
				goneSaid = /fic: the last story, .*the-ferry\.txt, is no longer there/.test(screen.replaceAll("\n", ""));
				goneStatus = await lastExitStatus(term);
				writeFileSync(path, LONG_STORY);
			},
		);
		const kept = topText(result.reopened) === topText(result.last);
		outcome({
			crashed: result.crashed || !goneSaid || goneStatus !== 1,
			lost: kept ? 0 : 1,
		});
		expect(result.crashed).toBe(false);
		expect(goneSaid).toBe(true);
		expect(goneStatus).toBe(1);
		expect(topText(result.reopened)).toBe(topText(result.last));
	});
});

const FIC = `${quote(process.execPath)} ${quote(CLI)}`;

/** A command line run by sh, with fic's reading positions kept in the scratch folder. */
function shell(command: string): Promise<Run> {
	return runCommand(["sh", "-c", command], { configDir: configDir() });
}

describe.concurrent("unusual places to read from", () => {
	test("a FIFO with a writer on the other end", async () => {
		const fifo = join(work.dir, "story.fifo");
		const source = join(work.dir, "fifo-source.txt");
		writeFileSync(source, STORY);
		expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
		const writer = spawn("sh", ["-c", `cat '${source}' > '${fifo}'`], { stdio: "ignore" });
		try {
			const run = await runFic(["--print", fifo], { configDir: configDir(), timeout: 20_000 });
			recordOutcome("bad input", "a FIFO as the story file", { crashed: crashed(run) });
			expect(run.status, run.stderr).toBe(0);
			expect(entries(run.stdout.toString("utf8")).length).toBe(entries(STORY).length);
		} finally {
			writer.kill();
		}
	});

	test("/dev/stdin as the path, and a pipe with no path", async () => {
		// Through a shell pipe, as a person types it: Node's own stdin "pipes" are sockets, which
		// /dev/stdin cannot be opened on (ENXIO) in any program.
		const source = join(work.dir, "stdin-source.txt");
		writeFileSync(source, STORY);
		const named = await shell(`cat ${quote(source)} | ${FIC} --print /dev/stdin`);
		const piped = await shell(`cat ${quote(source)} | ${FIC} --print`);
		recordOutcome("bad input", "/dev/stdin as the path; cat story | fic --print", {
			crashed: crashed(named) || crashed(piped),
		});
		expect([named.status, piped.status], named.stderr + piped.stderr).toEqual([0, 0]);
		expect(entries(named.stdout.toString("utf8")).length).toBe(entries(STORY).length);
		expect(piped.stdout.equals(named.stdout)).toBe(true);
	});

	test("a symbolic link loop is refused in one line", async () => {
		const first = join(work.dir, "loop-a.txt");
		const second = join(work.dir, "loop-b.txt");
		symlinkSync(second, first);
		symlinkSync(first, second);
		const run = await runFic(["--print", first], { configDir: configDir() });
		recordOutcome("bad input", "a symbolic link loop", { crashed: crashed(run) });
		expect(refusedInOneLine(run, 1), run.stderr).toBe(true);
		expect(run.stderr).toMatch(/symbolic links/);
	});

	test("a path with spaces and Unicode", async () => {
		const folder = join(work.dir, "my stories", "Ünïcödé 物語 — drafts");
		mkdirSync(folder, { recursive: true });
		const path = join(folder, "The Ferry (v2) ✎ 'quoted'.txt");
		writeFileSync(path, STORY);
		const print = await runFic(["--print", path], { configDir: configDir() });
		const json = await runFic(["--json", path], { configDir: configDir() });
		recordOutcome("bad input", "a path with spaces and Unicode", { crashed: crashed(print) || crashed(json) });
		expect([print.status, json.status]).toEqual([0, 0]);
		expect(entries(print.stdout.toString("utf8")).length).toBe(entries(STORY).length);
		expect(JSON.parse(json.stdout.toString("utf8")).title).toBe(basename(path, ".txt"));
	});

	test("piped input with no terminal at all prints the story", async () => {
		// detached: a session of its own, so not even /dev/tty is there to take keys from.
		const run = await runFic([], { configDir: configDir(), input: STORY, detached: true });
		recordOutcome("bad input", "cat story | fic with no terminal at all", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		expect(entries(run.stdout.toString("utf8")).length).toBe(entries(STORY).length);
	});
});

describe("piped input in a real terminal", { timeout: 30_000 }, () => {
	beforeAll(checkPrerequisites);

	test("cat story | fic shows the reader and takes keys from the terminal", async (context) => {
		const outcome = ledgerCase(context, "bad input", "cat story | fic in a real terminal (keys from /dev/tty)");
		const term = openTerminal(context);
		const path = join(term.dir, "piped.txt");
		writeFileSync(path, STORY);
		await term.waitForPrompt();
		term.type(`cat ${quote(path)} | fic`);
		const first = await waitForReader(term, (page) => page === 1);
		const second = await nextPage(term);
		const status = await quitReader(term);
		outcome({ crashed: status !== 0 });
		expect(entries(textRows(first).join(" "))[0]).toBe(1);
		expect(topText(second)).not.toBe(topText(first));
		expect(status).toBe(0);
	});
});
