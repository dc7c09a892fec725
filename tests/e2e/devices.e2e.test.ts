// Reading on two devices in a real terminal, the sync done by copying files; and the first start after the upgrade.

import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, type TestContext, test } from "vitest";
import { fingerprintOf } from "../../source/formats/open-story.js";
import { scratch, storyText } from "../reliability/hostile.js";
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
} from "../reliability/screen.js";
import { checkPrerequisites, lastRow, REPO, type Terminal } from "./tmux.js";

const work = scratch("devices");
beforeAll(() => {
	checkPrerequisites();
	return () => work.remove();
});

/** A device: its own settings and state folders and its name, in a terminal of its own. */
function device(context: TestContext, name: string): { term: Terminal; stories: string } {
	const state = join(work.dir, name, "state");
	const term = openTerminal(context, READING_SIZE, {
		configDir: join(work.dir, name, "config"),
		env: { FIC_STATE_DIR: state, FIC_DEVICE: name },
	});
	return { term, stories: join(state, "stories") };
}

/** What a sync tool does: the files of one stories/ copied into the other, each to a temporary file renamed into place. */
function sync(from: string, to: string): void {
	mkdirSync(to, { recursive: true });
	for (const name of readdirSync(from)) {
		copyFileSync(join(from, name), join(to, `.${name}.tmp`));
		renameSync(join(to, `.${name}.tmp`), join(to, name));
	}
}

/** Pages on `turns` times, one key per send-keys call or all in one, and waits for the page. */
async function pageOn(term: Terminal, turns: number, oneWrite: boolean): Promise<string> {
	if (!oneWrite) {
		let screen = "";
		for (let turn = 0; turn < turns; turn++) screen = await nextPage(term);
		return screen;
	}
	const before = Number(/page (\d+)/.exec(lastRow(term.capture()))?.[1]);
	term.sendKeys(...Array.from({ length: turns }, () => "Space"));
	return waitForReader(term, (page) => page === before + turns);
}

describe.concurrent("two devices, files copied between their state folders", { timeout: 60_000 }, () => {
	for (const oneWrite of [false, true]) {
		test(`read on one, open on the other at the same place; read further there and R goes to it (keys ${
			oneWrite ? "in one write" : "one at a time"
		})`, async (context) => {
			const story = work.file(`ferry-${oneWrite}.txt`, storyText(3, 24));
			const laptop = device(context, `laptop-${oneWrite}`);
			const server = device(context, `server-${oneWrite}`);

			await laptop.term.open(quote(story));
			await waitForReader(laptop.term, (page) => page === 1);
			const reached = topText(await pageOn(laptop.term, 3, oneWrite));
			expect(await quitReader(laptop.term)).toBe(0);
			sync(laptop.stories, server.stories);

			await server.term.open(quote(story));
			expect(topText(await waitForReader(server.term))).toBe(reached);

			// The server sits open; the laptop reads on, and its file arrives.
			await laptop.term.open(quote(story));
			await waitForReader(laptop.term);
			const further = topText(await pageOn(laptop.term, 2, oneWrite));
			await sleep(PAST_DEBOUNCE_MS);
			sync(laptop.stories, server.stories);
			await server.term.waitFor(`read further on laptop-${oneWrite} (R goes there)`);
			server.term.sendKeys("R");
			await server.term.waitFor((screen) => topText(screen) === further, { stableMs: 150 });
			expect(await quitReader(server.term)).toBe(0);
			expect(await quitReader(laptop.term)).toBe(0);

			// Both devices' files, each written only by its own device.
			expect(readdirSync(server.stories).sort()).toEqual([
				`${fingerprintOf(readFileSync(story))}.laptop-${oneWrite}.json`,
				`${fingerprintOf(readFileSync(story))}.server-${oneWrite}.json`,
			]);
		});
	}

	test("an idle reader that quits after the sync leaves the newer place to the next start", async (context) => {
		const story = work.file("ferry-idle.txt", storyText(3, 24));
		const laptop = device(context, "laptop-idle");
		const server = device(context, "server-idle");
		await server.term.open(quote(story));
		await waitForReader(server.term, (page) => page === 1);
		await nextPage(server.term);
		await sleep(PAST_DEBOUNCE_MS);

		await laptop.term.open(quote(story));
		await waitForReader(laptop.term, (page) => page === 1);
		const further = topText(await pageOn(laptop.term, 4, false));
		expect(await quitReader(laptop.term)).toBe(0);
		sync(laptop.stories, server.stories);
		// The server's reader never went there; it quits, saving its own (older) move.
		await server.term.waitFor("read further on laptop-idle");
		expect(await quitReader(server.term)).toBe(0);
		sync(server.stories, laptop.stories);

		for (const { term } of [server, laptop]) {
			await term.open(quote(story));
			expect(topText(await waitForReader(term))).toBe(further);
			expect(await quitReader(term)).toBe(0);
		}
	});
});

/**
 * A fic-nodejs folder made by fic before this change (commit 173dc1d, built and run with
 * XDG_CONFIG_HOME set, at 80×24 on stories/salt-and-static.txt: Space Space m a Space - Space q).
 */
const LEGACY = join(REPO, "tests/e2e/fixtures/fic-nodejs");
const LEGACY_STORY = join(REPO, "stories/salt-and-static.txt");

describe("the first start after the upgrade", { timeout: 30_000 }, () => {
	test("moves the fic-nodejs folder today's fic made into the XDG folders, says so, and opens at the place with the mark and width", async (context) => {
		const [name] = readdirSync(join(LEGACY, "stories"));
		expect(`${fingerprintOf(readFileSync(LEGACY_STORY))}.json`, "the fixture was made from this story's text").toBe(
			name,
		);
		const saved = JSON.parse(readFileSync(join(LEGACY, "stories", name as string), "utf8"));
		const home = join(work.dir, "upgrade-home");
		const legacy = join(home, "config", "fic-nodejs");
		cpSync(LEGACY, legacy, { recursive: true });

		const term = openTerminal(
			context,
			{ columns: 200, rows: 24 },
			{
				env: {
					FIC_CONFIG_DIR: undefined,
					XDG_CONFIG_HOME: join(home, "config"),
					XDG_STATE_HOME: join(home, "state"),
					FIC_DEVICE: "desk",
				},
			},
		);
		await term.open(quote(LEGACY_STORY));
		const screen = await waitForReader(term);
		expect(lastRow(screen)).toContain(
			`Moved ${legacy} to ${join(home, "config", "fic")} and ${join(home, "state", "fic")}`,
		);
		expect(topText(screen)).toContain(saved.snippet);
		term.sendKeys("'");
		expect(lastRow(await term.waitFor(/type a mark's letter/))).toContain("(a)");
		term.sendKeys("Escape");
		expect(await quitReader(term)).toBe(0);
		expect(existsSync(legacy)).toBe(false);
		expect(existsSync(join(home, "state", "fic", "stories", `${(name as string).slice(0, -5)}.desk.json`))).toBe(true);
		const config = JSON.parse(readFileSync(join(home, "config", "fic", "config.json"), "utf8"));
		expect(config.settings.measure).toBe(76);
	});
});
