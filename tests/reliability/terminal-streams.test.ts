// Pipes, FIFOs and a last story that cannot be reopened, with the reader in a real terminal (tmux).

import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { checkPrerequisites, isAlive } from "../e2e/tmux.js";
import { entries, ledgerCase, storyText } from "./hostile.js";
import {
	lastExitStatus,
	nextPage,
	openTerminal,
	quitReader,
	quote,
	STABLE_MS,
	textRows,
	waitForReader,
	waitForShell,
} from "./screen.js";

/** About 1.2 MB: a pipe holds 64 KiB, so the reader must wait for the writer. */
const BIG_STORY = storyText(20, 200);

beforeAll(checkPrerequisites);

describe.concurrent("a story through a pipe, keys from the terminal", { timeout: 40_000 }, () => {
	test.for([
		["cat story | fic (1.2 MB)", (path: string) => `cat ${quote(path)} | fic`],
		["(sleep 1; cat story) | fic", (path: string) => `(sleep 1; cat ${quote(path)}) | fic`],
		["cat story | fic -", (path: string) => `cat ${quote(path)} | fic -`],
	] as const)("%s: the reader opens on page 1 and pages", async ([name, command], context) => {
		const outcome = ledgerCase(context, "bad input", `${name} in a real terminal`);
		const term = openTerminal(context);
		const path = join(term.dir, "big.txt");
		writeFileSync(path, BIG_STORY);
		await term.waitForPrompt();
		term.type(command(path));
		const first = await waitForReader(term, (page) => page === 1);
		const second = await nextPage(term);
		const status = await quitReader(term);
		outcome({ crashed: status !== 0 });
		expect(entries(textRows(first).join(" "))[0]).toBe(1);
		expect(entries(textRows(second).join(" "))[0]).toBeGreaterThan(1);
		expect(status).toBe(0);
	});

	test("fic - at a terminal with nothing piped: one line, status 2, at once", async (context) => {
		const outcome = ledgerCase(context, "bad input", "fic - at a terminal with nothing piped in");
		const term = openTerminal(context);
		await term.open("-");
		const screen = await waitForShell(term, 5000);
		const status = await lastExitStatus(term);
		outcome({ crashed: status !== 2 });
		// The line is longer than the terminal: tmux wraps it onto the next row.
		expect(screen.replaceAll("\n", "")).toMatch(
			/fic: standard input is a terminal: pipe a story in \(cat story\.txt \| fic\) or name a FILE/,
		);
		expect(status).toBe(2);
	});
});

describe.concurrent("FIFOs never hold the reader", { timeout: 40_000 }, () => {
	test("a FIFO named x.txt in a library folder: the library opens and quits", async (context) => {
		const outcome = ledgerCase(context, "bad input", "a FIFO named x.txt in a library folder");
		const term = openTerminal(context);
		const folder = join(term.dir, "books");
		mkdirSync(folder);
		writeFileSync(join(folder, "ferry.txt"), storyText(1, 4));
		expect(spawnSync("mkfifo", [join(folder, "x.txt")]).status).toBe(0);
		const pid = await term.open(quote(folder));
		const library = await term.waitFor("Library", { stableMs: STABLE_MS, timeout: 5000 });
		const alive = isAlive(pid);
		const status = await quitReader(term);
		outcome({ crashed: !alive || status !== 0 });
		expect(library).toMatch(/ferry +198 words/);
		expect(status).toBe(0);
	});

	test("fic FIFO with no writer yet: SIGTERM ends it; with a writer it opens", async (context) => {
		const outcome = ledgerCase(context, "faults", "SIGTERM while fic waits for a FIFO's writer");
		const term = openTerminal(context);
		const fifo = join(term.dir, "story.fifo");
		expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
		const waiting = await term.open(quote(fifo));
		await new Promise((done) => setTimeout(done, 500));
		process.kill(waiting, "SIGTERM");
		await term.until("fic has ended on SIGTERM", () => !isAlive(waiting), 3000);
		await waitForShell(term);
		const status = await lastExitStatus(term);
		// Now a writer comes: the same command reads the story.
		await term.open(quote(fifo));
		const source = join(term.dir, "story.txt");
		writeFileSync(source, storyText(2, 20));
		const writer = spawn("sh", ["-c", `cat ${quote(source)} > ${quote(fifo)}`], { stdio: "ignore" });
		const page = await waitForReader(term, (number) => number === 1);
		const quit = await quitReader(term);
		writer.kill();
		outcome({ crashed: status !== 143 || quit !== 0 });
		expect(status).toBe(143);
		expect(entries(textRows(page).join(" "))[0]).toBe(1);
		expect(quit).toBe(0);
	});

	test("plain fic when the last story was a FIFO: one line, status 1, no waiting", async (context) => {
		const outcome = ledgerCase(context, "faults", "plain fic when the last story was a FIFO");
		const term = openTerminal(context);
		const fifo = join(term.dir, "story.fifo");
		expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
		const source = join(term.dir, "story.txt");
		writeFileSync(source, storyText(2, 20));
		await term.open(quote(fifo));
		const writer = spawn("sh", ["-c", `cat ${quote(source)} > ${quote(fifo)}`], { stdio: "ignore" });
		await waitForReader(term, (number) => number === 1);
		await quitReader(term);
		writer.kill();
		const started = Date.now();
		await term.open("");
		const screen = await waitForShell(term, 5000);
		const status = await lastExitStatus(term);
		outcome({ crashed: status !== 1 });
		expect(Date.now() - started).toBeLessThan(5000);
		expect(screen.replaceAll("\n", "")).toMatch(/fic: the last story, .*story\.fifo, is not a regular file/);
		expect(status).toBe(1);
	});
});
