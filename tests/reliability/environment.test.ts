// Odd surroundings: a temporary folder where Node's compile cache cannot be kept.

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { crashed, ledgerCase, runFic, type Scratch, scratch, storyText } from "./hostile.js";

let work: Scratch;
let story: string;

beforeAll(() => {
	work = scratch("environment");
	story = work.file("story.txt", storyText(2, 6));
});
afterAll(() => work.remove());

describe("a TMPDIR that cannot hold the compile cache", () => {
	// Node's recursive mkdir never returns under /proc; a file or a missing folder simply fails.
	test.for([
		["under /proc", "/proc/fic-no-such-folder"],
		["/proc itself", "/proc"],
		["a file", "story.txt"],
		["a folder that does not exist", "no/such/folder"],
	])("%s: the story is printed and fic exits at once", async ([name, folder], context) => {
		const outcome = ledgerCase(context, "faults", `TMPDIR is ${name}`);
		const tmp = folder?.startsWith("/") ? folder : `${work.dir}/${folder}`;
		const run = await runFic(["--print", story], { configDir: work.config, env: { TMPDIR: tmp }, timeout: 10_000 });
		expect(run.signal).toBeNull();
		expect(crashed(run)).toBe(false);
		expect(run.status).toBe(0);
		expect(run.stdout.toString("utf8")).toContain("entry 0001");
		outcome();
	});
});
