// The reader killed, terminated, hung up on and interrupted: the place survives, the terminal comes back.

import { afterAll, beforeAll, describe, expect, type TestContext, test } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { checkPrerequisites, isAlive, PROMPT, type Terminal } from "../e2e/tmux.js";
import { ledgerCase, type Scratch, scratch, storyText } from "./hostile.js";
import {
	lastExitStatus,
	openPagesIn,
	openTerminal,
	PAST_DEBOUNCE_MS,
	quote,
	READING_SIZE,
	sleep,
	topText,
	waitForReader,
	waitForShell,
} from "./screen.js";

let work: Scratch;
let story: string;

beforeAll(() => {
	checkPrerequisites();
	work = scratch("signals");
	story = work.file("the-signal.txt", storyText(3, 24));
});
afterAll(() => work.remove());

/** A terminal with fic open on the story, two pages in; returns the page shown. */
const readTwoPages = (context: TestContext) => openPagesIn(context, story, 2);

/** Reopens the story in the same terminal; returns the first page shown, then quits. */
async function reopen(term: Terminal): Promise<string> {
	await term.open(quote(story));
	const page = await waitForReader(term);
	term.sendKeys("q");
	await waitForShell(term);
	return page;
}

// Alone, so a loaded machine does not stretch the 400 ms save timer past the 600 ms the test allows.
describe("kill -9", { timeout: 40_000 }, () => {
	test("kill -9 after reading: reopening resumes within half a second of reading", async (context) => {
		const outcome = ledgerCase(context, "faults", "kill -9 while reading (600 ms after the last page turn)");
		const { term, pid, page } = await readTwoPages(context);
		await sleep(PAST_DEBOUNCE_MS);
		process.kill(pid, "SIGKILL");
		await term.until("fic has died", () => !isAlive(pid));
		// fic could not leave the alternate screen: clear its last frame, or the reopened reader's
		// first frame could not be told from it.
		await term.waitForPrompt();
		term.type("clear");
		await term.waitFor((screen) => screen.trim() === PROMPT.trim());
		const resumed = await reopen(term);
		const kept = topText(resumed) === topText(page);
		outcome({ lost: kept ? 0 : 1 });
		expect(topText(resumed)).toBe(topText(page));
	});
});

describe.concurrent("signals", { timeout: 40_000 }, () => {
	test.for([
		["SIGTERM", 143],
		["SIGHUP", 129],
	] as const)(
		"%s at once after a page turn: the place is saved and the terminal restored",
		async ([signal, code], context) => {
			const outcome = ledgerCase(context, "faults", `${signal} right after a page turn`);
			const { term, pid, page } = await readTwoPages(context);
			// No wait: the debounced save has not run yet, so the signal handler must save.
			process.kill(pid, signal);
			await waitForShell(term);
			const status = await lastExitStatus(term);
			const resumed = await reopen(term);
			const kept = topText(resumed) === topText(page);
			outcome({ crashed: status !== code, lost: kept ? 0 : 1 });
			expect(status).toBe(code);
			expect(topText(resumed)).toBe(topText(page));
		},
	);

	test("Ctrl+C right after a page turn: the place is saved and the terminal restored", async (context) => {
		const outcome = ledgerCase(context, "faults", "Ctrl+C right after a page turn");
		const { term, page } = await readTwoPages(context);
		term.sendKeys("C-c");
		await waitForShell(term);
		const status = await lastExitStatus(term);
		const resumed = await reopen(term);
		const kept = topText(resumed) === topText(page);
		outcome({
			crashed: ![0, 130].includes(status),
			lost: kept ? 0 : 1,
		});
		expect([0, 130]).toContain(status);
		expect(topText(resumed)).toBe(topText(page));
	});

	test("the terminal closed under it (tmux killed): the place is on disk", async (context) => {
		const outcome = ledgerCase(context, "faults", "terminal closed while reading (real hangup)");
		const { term, pid, page } = await readTwoPages(context);
		// At once, as closing the window would: fic gets SIGHUP and its terminal is gone.
		term.tmux("kill-server");
		await term.until("fic has exited", () => !isAlive(pid));
		const records = ConfStore.open(term.configDir).all();
		// A second terminal on the same reading positions, as the next day's window would be.
		const next = openTerminal(context, READING_SIZE, { configDir: term.configDir });
		const resumed = await reopen(next);
		const kept = topText(resumed) === topText(page);
		outcome({ lost: kept ? 0 : 1 });
		expect(records).toHaveLength(1);
		expect(topText(resumed)).toBe(topText(page));
	});
});
