// Reading on two devices in a real terminal, the sync done by copying files; and the first start after the upgrade.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, type TestContext, test } from "vitest";
import { fingerprintOf } from "../../source/formats/open-story.js";
import { scratch, sentence, storyText } from "../reliability/hostile.js";
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
import { checkPrerequisites, lastRow, type Terminal } from "./tmux.js";

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

describe("the first start after the upgrade", { timeout: 30_000 }, () => {
	test("moves a fic-nodejs folder into the XDG folders, says so, and opens the story at its place", async (context) => {
		const text = storyText(3, 24);
		const story = work.file("upgrade.txt", text);
		const home = join(work.dir, "upgrade-home");
		const legacy = join(home, "config", "fic-nodejs");
		mkdirSync(join(legacy, "stories"), { recursive: true });
		const at = sentence(41);
		const record = {
			path: story,
			title: "Upgrade",
			sourceOffset: text.indexOf(at),
			snippet: at.split(" ").slice(0, 6).join(" "),
			percent: 14,
			lastRead: "2026-11-30T20:00:00.000Z",
			movedAt: "2026-11-30T20:00:00.000Z",
		};
		const name = fingerprintOf(Buffer.from(text));
		writeFileSync(join(legacy, "stories", `${name}.json`), JSON.stringify(record, null, "\t"));
		writeFileSync(join(legacy, "config.json"), JSON.stringify({ lastStory: story }, null, "\t"));

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
		// Plain `fic` reopens the last story, from the moved config.json.
		await term.open("");
		const screen = await waitForReader(term);
		expect(lastRow(screen)).toContain(
			`Moved ${legacy} to ${join(home, "config", "fic")} and ${join(home, "state", "fic")}`,
		);
		expect(topText(screen)).toContain(at.slice(0, 40));
		expect(await quitReader(term)).toBe(0);
		expect(existsSync(legacy)).toBe(false);
		expect(existsSync(join(home, "state", "fic", "stories", `${name}.desk.json`))).toBe(true);
	});
});
