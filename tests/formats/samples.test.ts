import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { piecesOf } from "../../source/core/joined-pieces.js";
import { storyJson } from "../../source/core/print-json.js";
import { listFolder, readLibraryStory } from "../../source/formats/library.js";
import { openStory } from "../../source/formats/open-story.js";
import { ao3CalibreEpub, ao3Html, fanficfareEpub, fanficfareTxt } from "./fixtures.js";

const CLI = resolve("dist/fic.js");
let scratch: string;

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-formats-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function ficJson(path: string) {
	const result = spawnSync(process.execPath, [CLI, "--json", path], {
		encoding: "utf8",
		env: { ...process.env, FIC_CONFIG_DIR: join(scratch, "config") },
	});
	expect(result.stderr).toBe("");
	expect(result.status).toBe(0);
	return JSON.parse(result.stdout);
}

const SAMPLES = [
	["stories/the-tidewatcher.ao3.html", "The Tidewatcher", "saltmarsh_ink", "AO3 HTML", 3],
	["stories/glass-orchard.epub", "Glass Orchard", "amberlight", "FanFicFare EPUB", 2],
	["stories/paper-lanterns.fff.txt", "Paper Lanterns", "inkwillow", "FanFicFare TXT", 2],
] as const;

describe("the bundled samples", () => {
	it.each(SAMPLES)("%s opens with its title, author, format and chapters", (path, title, author, format, chapters) => {
		const { story } = openStory(path);
		expect(story).toMatchObject({ title, author });
		expect(story.info?.format).toBe(format);
		expect(story.chapters).toHaveLength(chapters);
		expect(story.notes.filter((note) => note.confidence === 1).length).toBeGreaterThan(1);
		expect(story.summary).toBeTruthy();
	});

	it("are in the library", () => {
		const stories = listFolder("stories").filter((entry) => entry.kind === "story");
		const titles = stories.map((entry) => readLibraryStory(entry.path).title);
		for (const [, title] of SAMPLES) expect(titles).toContain(title);
	});
});

describe("fic --json on the built CLI", () => {
	it.each([
		["weir.html", ao3Html()],
		["weir.epub", ao3CalibreEpub()],
		["dusk.epub", fanficfareEpub()],
		["dusk.txt", fanficfareTxt()],
	])("%s reports the notes the structure marks, and the story info", (name, content) => {
		const path = join(scratch, name);
		writeFileSync(path, content);
		const json = ficJson(path);
		const { document } = openStory(path);
		const inProcess = JSON.parse([...storyJson(() => piecesOf(document))].join("")) as {
			notes: unknown[];
			info: unknown;
			summary: unknown;
		};
		expect(json.notes).toEqual(inProcess.notes);
		expect(json.info).toEqual(inProcess.info);
		expect(json.summary).toEqual(inProcess.summary);
		const structural = json.notes.filter((note: { confidence: number }) => note.confidence === 1);
		expect(structural.length).toBeGreaterThanOrEqual(4);
		for (const note of structural) expect(json.text).not.toContain(note.text.split("\n\n")[0]);
	});

	it("includes the AO3 sample's notes, summary and tags", () => {
		const json = ficJson("stories/the-tidewatcher.ao3.html");
		expect(json.notes.map((note: { kind: string; label: string }) => `${note.kind} ${note.label}`)).toEqual([
			"head Notes",
			"head Chapter Summary",
			"head Chapter Notes",
			"tail Chapter End Notes",
			"head A/N",
			"head Chapter Notes",
			"tail End Notes",
		]);
		expect(json.summary).toMatch(/^Wren chalks the tides/);
		expect(json.info.tags.Characters).toEqual(["Wren", "M. Hale"]);
		expect(json.warnings).toEqual([]);
	});
});
