// --notes-debug and --chapters on the built CLI.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = resolve("dist/fic.js");
let scratch: string;

function fic(...args: string[]) {
	const result = spawnSync(process.execPath, [CLI, ...args], {
		encoding: "utf8",
		env: { ...process.env, FIC_CONFIG_DIR: join(scratch, "config") },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STORY = [
	"~ One ~",
	"The kettle sang before anyone was awake, and the cat took that as permission.",
	"* * *",
	"A/N: thanks for reading the first one!",
	"~ Two ~",
	"By noon the snow had covered the path the kettle had promised nobody would need.",
].join("\n\n");

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-flags-"));
	writeFileSync(join(scratch, "kettle.txt"), STORY);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("fic --notes-debug", () => {
	it("prints every paragraph with its verdict and the rule that decided it", () => {
		const { status, stdout } = fic("--notes-debug", "--chapters", "^~ \\w+ ~$", join(scratch, "kettle.txt"));
		expect(status).toBe(0);
		expect(stdout).toMatch(
			/NOTE\s+A\/N: thanks for reading the first one!\n\s+<- tail: opener after the chapter's last scene break/,
		);
		expect(stdout).toMatch(/story\s+The kettle sang.*\n\s+<- story: no rule made it a note/);
		expect(stdout).toMatch(/heading\s+~ Two ~/);
		expect(stdout).toMatch(/scene-break\s+\* \* \*/);
	});
});

describe("fic --chapters", () => {
	it("starts chapters at lines matching the pattern", () => {
		const plain = JSON.parse(fic("--json", join(scratch, "kettle.txt")).stdout);
		expect(plain.chapters).toHaveLength(1);
		const { status, stdout } = fic("--json", "--chapters", "^~ \\w+ ~$", join(scratch, "kettle.txt"));
		expect(status).toBe(0);
		const story = JSON.parse(stdout);
		expect(story.chapters.map((chapter: { title: string }) => chapter.title)).toEqual(["~ One ~", "~ Two ~"]);
		expect(story.notes.map((note: { kind: string }) => note.kind)).toEqual(["tail"]);
	});

	it("refuses a pattern that is not a regular expression, with a usage error", () => {
		const { status, stderr } = fic("--chapters", "([", join(scratch, "kettle.txt"));
		expect(status).toBe(2);
		expect(stderr).toContain("--chapters needs a regular expression");
	});
});
