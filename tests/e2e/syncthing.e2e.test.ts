// fic on two machines joined by two real Syncthing instances on loopback, each with its own home and state folder.

import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, type TestContext, test } from "vitest";
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
import { SyncthingDevice, syncthingVersion, until } from "./syncthing.js";
import { checkPrerequisites, lastRow, type Terminal } from "./tmux.js";

const version = syncthingVersion();
if (!version)
	console.warn("Syncthing cannot be found (apt-get install syncthing, as .ci/run does): its test is skipped");

const work = scratch("syncthing");
/** Each test's story: the same text on each machine, at a path of its own. */
const STORIES = { ferry: storyText(4, 24), lamp: storyText(4, 24, 500) };
type Story = keyof typeof STORIES;
const nameOf = (story: Story) => fingerprintOf(Buffer.from(STORIES[story]));

const storyOn = (device: SyncthingDevice, story: Story) => {
	mkdirSync(join(work.dir, device.name, "books"), { recursive: true });
	return work.file(join(device.name, "books", `${story}.txt`), STORIES[story]);
};

/** fic on `device`: its state folder is the shared one; `as` is the device name fic writes. */
async function ficOn(context: TestContext, device: SyncthingDevice, as: string, story: Story): Promise<Terminal> {
	const term = openTerminal(context, READING_SIZE, {
		configDir: join(work.dir, device.name, `config-${as}`),
		env: { FIC_STATE_DIR: device.state, FIC_DEVICE: as },
	});
	await term.open(quote(storyOn(device, story)));
	await waitForReader(term);
	return term;
}

/** The stories/ files of a device and their bytes. */
function files(device: SyncthingDevice): Record<string, string> {
	const folder = join(device.state, "stories");
	if (!existsSync(folder)) return {};
	const names = readdirSync(folder).filter((name) => !name.startsWith("."));
	return Object.fromEntries(names.sort().map((name) => [name, readFileSync(join(folder, name), "utf8")]));
}

/** Both devices hold the same files (and `expected` among them): the sync is done. */
async function synced(a: SyncthingDevice, b: SyncthingDevice, expected: (names: string[]) => boolean): Promise<void> {
	await a.scan();
	await b.scan();
	await until("the two state folders to hold the same files", () => {
		const left = files(a);
		return expected(Object.keys(left)) && JSON.stringify(left) === JSON.stringify(files(b));
	});
}

async function apart(a: SyncthingDevice, b: SyncthingDevice, paused: boolean): Promise<void> {
	await a.pause(b, paused);
	await b.pause(a, paused);
	await until(paused ? "the devices to part" : "the devices to meet again", async () => {
		const [ab, ba] = [await a.connectedTo(b), await b.connectedTo(a)];
		return paused ? !ab && !ba : ab && ba;
	});
}

/** Pages on and sets a mark, then quits; returns the top row where fic quit. */
async function readAndMark(term: Terminal, pages: number, mark: string): Promise<string> {
	for (let page = 0; page < pages; page++) await nextPage(term);
	term.sendKeys("m", mark);
	await term.waitFor(`Mark ${mark} set`);
	const place = topText(term.capture());
	await sleep(PAST_DEBOUNCE_MS);
	expect(await quitReader(term)).toBe(0);
	return place;
}

/** The marks fic has for the story, as `'` lists them in the status bar. */
async function marksShown(term: Terminal): Promise<string> {
	term.sendKeys("'");
	const screen = await term.waitFor(/type a mark's letter/);
	term.sendKeys("Escape");
	return /\(([A-Za-z]+)\)/.exec(lastRow(screen))?.[1] ?? "";
}

describe.skipIf(!version)(
	`two Syncthing instances (${version}) sharing fic's state folder`,
	{ timeout: 60_000 },
	() => {
		const laptop = new SyncthingDevice(work.dir, "laptop");
		const server = new SyncthingDevice(work.dir, "server");

		beforeAll(async () => {
			checkPrerequisites();
			await Promise.all([laptop.generate(), server.generate()]);
			await Promise.all([laptop.start(), server.start()]);
			await laptop.share(server);
			await server.share(laptop);
			await until(
				"the two instances to connect",
				async () => (await laptop.connectedTo(server)) && (await server.connectedTo(laptop)),
			);
		}, 60_000);
		afterAll(async () => {
			await Promise.all([laptop.stop(), server.stop()]);
			work.remove();
		});

		test("read on one, open on the other at the same place; read on both apart, then both open at the newest place with both marks", async (context) => {
			const NAME = nameOf("ferry");
			const first = await ficOn(context, laptop, "laptop", "ferry");
			for (let page = 0; page < 3; page++) await nextPage(first);
			const reached = topText(first.capture());
			await sleep(PAST_DEBOUNCE_MS);
			expect(await quitReader(first)).toBe(0);
			await synced(laptop, server, (names) => names.includes(`${NAME}.laptop.json`));
			const onServer = await ficOn(context, server, "server", "ferry");
			expect(topText(onServer.capture())).toBe(reached);
			expect(await quitReader(onServer)).toBe(0);

			await apart(laptop, server, true);
			await readAndMark(await ficOn(context, laptop, "laptop", "ferry"), 2, "a");
			await sleep(50);
			const newest = await readAndMark(await ficOn(context, server, "server", "ferry"), 5, "b");
			// Apart, the laptop still opens at its own place.
			const alone = await ficOn(context, laptop, "laptop", "ferry");
			expect(topText(alone.capture())).not.toBe(newest);
			expect(await quitReader(alone)).toBe(0);

			await apart(laptop, server, false);
			await synced(laptop, server, (names) => names.includes(`${NAME}.server.json`));
			for (const [device, as] of [
				[laptop, "laptop"],
				[server, "server"],
			] as const) {
				const term = await ficOn(context, device, as, "ferry");
				expect(topText(term.capture()), `${as} opens at the newest place`).toBe(newest);
				expect(await marksShown(term)).toBe("ab");
				expect(await quitReader(term)).toBe(0);
			}

			// The server sits open while the laptop reads on: when the laptop's file arrives, R goes there.
			const open = await ficOn(context, server, "server", "ferry");
			const further = await readAndMark(await ficOn(context, laptop, "laptop", "ferry"), 2, "c");
			await laptop.scan();
			await open.waitFor("read further on laptop (R goes there)", { timeout: 30_000 });
			open.sendKeys("R");
			await open.waitFor((screen) => topText(screen) === further, { stableMs: 150 });
			expect(await quitReader(open)).toBe(0);
		});

		test("one device name on both machines: Syncthing's conflict copy is folded into the file and removed", async (context) => {
			const shared = "desk";
			const NAME = nameOf("lamp");
			await readAndMark(await ficOn(context, laptop, shared, "lamp"), 1, "c");
			await synced(laptop, server, (names) => names.includes(`${NAME}.${shared}.json`));

			await apart(laptop, server, true);
			await readAndMark(await ficOn(context, laptop, shared, "lamp"), 2, "d");
			await sleep(50);
			const newest = await readAndMark(await ficOn(context, server, shared, "lamp"), 4, "e");
			await apart(laptop, server, false);
			const conflict = (names: string[]) => names.some((name) => name.startsWith(`${NAME}.${shared}.sync-conflict-`));
			await synced(laptop, server, conflict);

			const term = await ficOn(context, laptop, shared, "lamp");
			expect(topText(term.capture())).toBe(newest);
			expect(await marksShown(term)).toBe("cde");
			expect(await quitReader(term)).toBe(0);
			expect(conflict(Object.keys(files(laptop)))).toBe(false);
			// The removal reaches the other machine too.
			await synced(laptop, server, (names) => !conflict(names));
		});
	},
);
