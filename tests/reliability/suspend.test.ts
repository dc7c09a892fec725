// SIGTSTP (what Ctrl+Z sends outside raw mode) and fg, as with less: the shell gets a clean terminal, fg redraws the page.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { checkPrerequisites, isAlive } from "../e2e/tmux.js";
import { ledgerCase, scratch, storyText } from "./hostile.js";
import {
	nextPage,
	openPagesIn,
	pageNumber,
	quitReader,
	STABLE_MS,
	topText,
	waitForReader,
	waitForShell,
} from "./screen.js";

/** The process state letter from /proc: T while stopped. */
function processState(pid: number): string {
	const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
	return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
}

let story: string;
beforeAll(() => {
	checkPrerequisites();
	const work = scratch("suspend");
	story = work.file("the-signal.txt", storyText(3, 24));
	return () => work.remove();
});

describe("suspend and resume", { timeout: 40_000 }, () => {
	test("kill -TSTP: the shell's prompt on the main screen, keys echo; fg: the same page redrawn, keys work", async (context) => {
		const outcome = ledgerCase(context, "faults", "SIGTSTP while reading, then fg");
		const { term, pid, page } = await openPagesIn(context, story, 2);
		process.kill(pid, "SIGTSTP");
		const shell = await waitForShell(term);
		await term.until("fic is stopped", () => processState(pid) === "T");
		expect(shell).toMatch(/Stopped/);
		// Cooked mode is back: what is typed at the prompt echoes.
		term.sendKeys("-l", "echo typed-back");
		await term.waitFor("echo typed-back");
		term.sendKeys("C-u");
		term.type("fg");
		const redrawn = await waitForReader(term, (number) => number === 3);
		expect(term.format("#{alternate_on}")).toBe("1");
		// The whole page, not only what changed: no shell text left over on it.
		expect(redrawn).not.toMatch(/Stopped|e2e\$|echo typed-back/);
		expect(topText(redrawn)).toBe(topText(page));
		// Raw mode again: a key pages at once, without echo.
		const four = await nextPage(term);
		expect(pageNumber(four)).toBe(4);
		const alive = isAlive(pid);
		const status = await quitReader(term);
		outcome({ crashed: !alive || status !== 0 });
		expect(status).toBe(0);
	});

	test("after fg, keys sent in one send-keys call are each a key (raw mode, no line buffering)", async (context) => {
		const outcome = ledgerCase(context, "faults", "SIGTSTP, fg, then a burst of keys");
		const { term, pid } = await openPagesIn(context, story, 1);
		process.kill(pid, "SIGTSTP");
		await waitForShell(term);
		term.type("fg");
		await waitForReader(term, (number) => number === 2);
		term.sendKeys("Space", "Space");
		const four = await waitForReader(term, (number) => number === 4);
		const status = await quitReader(term);
		outcome({ crashed: status !== 0 });
		expect(pageNumber(four)).toBe(4);
		expect(status).toBe(0);
	});

	test("suspended twice in a row, resumed each time", async (context) => {
		const outcome = ledgerCase(context, "faults", "SIGTSTP and fg twice");
		const { term, pid } = await openPagesIn(context, story, 1);
		for (let round = 0; round < 2; round++) {
			process.kill(pid, "SIGTSTP");
			await waitForShell(term);
			term.type("fg");
			await term.waitFor((screen) => pageNumber(screen) === 2, { stableMs: STABLE_MS });
		}
		const status = await quitReader(term);
		outcome({ crashed: status !== 0 });
		expect(status).toBe(0);
	});
});
