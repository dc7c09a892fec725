// Odd surroundings: a temporary folder where Node's compile cache cannot be kept.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { crashed, ledgerCase, runFic, type Scratch, scratch, storyText } from "./hostile.js";

let work: Scratch;
let story: string;

beforeAll(() => {
	work = scratch("environment");
	story = work.file("story.txt", storyText(2, 6));
});
afterAll(() => work.remove());

/** fic with TMPDIR set, and none of the runner's own compile-cache settings. */
async function printWithTmp(tmp: string) {
	const began = Date.now();
	const run = await runFic(["--print", story], {
		configDir: work.config,
		env: { TMPDIR: tmp, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined },
		timeout: 10_000,
	});
	return { run, seconds: (Date.now() - began) / 1000 };
}

describe("Node's compile cache", () => {
	test("is kept in TMPDIR/node-compile-cache", async () => {
		const { run } = await printWithTmp(work.dir);
		expect(run.status).toBe(0);
		const folder = join(work.dir, "node-compile-cache");
		const versions = readdirSync(folder);
		expect(versions.length).toBe(1);
		expect(readdirSync(join(folder, versions[0] as string)).length).toBeGreaterThan(0);
	});

	// Node's recursive mkdir never returns under /proc; a file or a missing folder simply fails.
	test.for([
		["under /proc", "/proc/fic-no-such-folder"],
		["/proc itself", "/proc"],
		["a file", "story.txt"],
		["a folder that does not exist", "no/such/folder"],
	])("TMPDIR %s: the story is printed and fic exits at once", async ([name, folder], context) => {
		const outcome = ledgerCase(context, "faults", `TMPDIR is ${name}`);
		const { run, seconds } = await printWithTmp(folder?.startsWith("/") ? folder : `${work.dir}/${folder}`);
		expect(run.signal).toBeNull();
		expect(crashed(run)).toBe(false);
		expect(run.status).toBe(0);
		expect(run.stdout.toString("utf8")).toContain("entry 0001");
		expect(seconds).toBeLessThan(5);
		outcome();
	});
});
