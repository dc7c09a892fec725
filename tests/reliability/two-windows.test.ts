// Two fic windows on one story with one config: marks set in one survive the other quitting; the newest move wins.

import { beforeAll, describe, expect, type TestContext, test } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { checkPrerequisites } from "../e2e/tmux.js";
import { ledgerCase, type Scratch, scratch, storyText } from "./hostile.js";
import {
	nextPage,
	openTerminal,
	PAST_DEBOUNCE_MS,
	pageNumber,
	quitReader,
	quote,
	READING_SIZE,
	sleep,
	topText,
	waitForReader,
} from "./screen.js";

let work: Scratch;
beforeAll(() => {
	checkPrerequisites();
	work = scratch("two-windows");
	return () => work.remove();
});

/** Two terminals on the same reading positions, each with fic open on `story` at page 1. */
async function twoWindows(context: TestContext, story: string) {
	const first = openTerminal(context);
	const second = openTerminal(context, READING_SIZE, { configDir: first.configDir });
	await first.open(quote(story));
	await waitForReader(first, (page) => page === 1);
	await second.open(quote(story));
	await waitForReader(second, (page) => page === 1);
	return { first, second };
}

/** The marks saved on disk for the one story in `configDir`. */
function savedMarks(configDir: string): string[] {
	const [entry] = ConfStore.open(configDir).all();
	return Object.keys(entry?.record.marks ?? {}).sort();
}

describe.concurrent("two windows on one story", { timeout: 40_000 }, () => {
	test("a mark set in one window survives the other moving and quitting, and can be jumped to", async (context) => {
		const outcome = ledgerCase(context, "faults", "two windows: a mark set in one, the other quits");
		const story = work.file("ferry-a.txt", storyText(3, 24));
		const { first, second } = await twoWindows(context, story);
		const marked = await nextPage(first);
		// m then a, one key at a time.
		first.sendKeys("m");
		first.sendKeys("a");
		await first.waitFor("Mark a set");
		// The next key takes the message away (whether it also pages is the reader's business).
		first.sendKeys("Space");
		await first.waitFor((screen) => !screen.includes("Mark a set") && pageNumber(screen) !== undefined);
		await nextPage(first);
		await sleep(PAST_DEBOUNCE_MS);
		// The second window moves later, so its save is the newest, but it never saw mark a.
		const moved = await nextPage(second);
		const secondStatus = await quitReader(second);
		const afterQuit = savedMarks(first.configDir);
		// A third start while the first is still open: it resumes at the newest move (the second
		// window's) and knows mark a.
		await second.open(quote(story));
		const resumed = await waitForReader(second);
		second.sendKeys("'");
		second.sendKeys("a");
		const jumped = await second.waitFor((screen) => topText(screen) === topText(marked), { timeout: 5000 });
		await quitReader(second);
		const firstStatus = await quitReader(first);
		outcome({
			lost: pageNumber(resumed) === pageNumber(moved) ? 0 : 1,
			marksLost: afterQuit.includes("a") ? 0 : 1,
			crashed: secondStatus !== 0 || firstStatus !== 0,
		});
		expect(afterQuit).toEqual(["a"]);
		expect(pageNumber(resumed)).toBe(pageNumber(moved));
		expect(topText(jumped)).toBe(topText(marked));
	});

	test("marks set in both windows are all kept (keys in one send-keys call)", async (context) => {
		const outcome = ledgerCase(context, "faults", "two windows: marks set in both");
		const story = work.file("ferry-b.txt", storyText(3, 24));
		const { first, second } = await twoWindows(context, story);
		await nextPage(first);
		first.sendKeys("m", "a");
		await nextPage(second);
		await nextPage(second);
		second.sendKeys("m", "b");
		await sleep(PAST_DEBOUNCE_MS);
		await quitReader(first);
		await quitReader(second);
		const marks = savedMarks(first.configDir);
		outcome({ marksLost: 2 - marks.filter((letter) => letter === "a" || letter === "b").length });
		expect(marks).toEqual(["a", "b"]);
	});
});
