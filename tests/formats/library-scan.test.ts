import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LibraryItem, listFolder, readLibraryStory, reasonOf } from "../../source/formats/library.js";
import { openStory } from "../../source/formats/open-story.js";

let folder: string;
const STORY = readFileSync("stories/lantern-keeper.txt");

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), "fic-library-scan-"));
	writeFileSync(join(folder, "plain.txt"), "The Plain One\n\nIn entry 0001 the keeper mended the nets.\n");
	// café.txt in Latin-1: é is the one byte 0xE9, not UTF-8.
	writeFileSync(Buffer.from(`${folder}/caf\xe9.txt`, "latin1"), STORY);
	writeFileSync(join(folder, "two\nlines.txt"), "In entry 0002 the keeper slept by the harbour wall.\n");
	writeFileSync(join(folder, "noise.txt"), Buffer.alloc(9000, 1));
	writeFileSync(join(folder, "empty.md"), "");
	writeFileSync(join(folder, "notes.pdf"), "not a story extension");
	mkdirSync(join(folder, "drafts.txt"));
	// A link whose story was moved away, and one that points at itself.
	symlinkSync(join(folder, "moved-away.txt"), join(folder, "gone.txt"));
	symlinkSync(join(folder, "loop.txt"), join(folder, "loop.txt"));
	// A FIFO with no writer: opening it would block the library forever.
	expect(spawnSync("mkfifo", [join(folder, "x.txt")]).status).toBe(0);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The folder as the library lists and then reads it: the stories read, the rest with the reason. */
function scan(directory: string) {
	const entries = listFolder(directory);
	const items: LibraryItem[] = [];
	const unreadable: Array<{ name: string; reason: string }> = [];
	for (const entry of entries.filter((listed) => listed.kind === "story")) {
		if (entry.unreadable) unreadable.push({ name: entry.name, reason: entry.unreadable });
		else
			try {
				items.push(readLibraryStory(entry.path, entry.name));
			} catch (error) {
				unreadable.push({ name: entry.name, reason: reasonOf(error, entry.path) });
			}
	}
	return { entries, items, unreadable };
}

describe("a library folder", () => {
	it("lists what it can read, and every other story file with a reason, without opening the FIFO", () => {
		const started = Date.now();
		const { entries, items, unreadable } = scan(folder);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(items.map((item) => item.name).sort()).toEqual(["caf\uFFFD.txt", "plain.txt", "two␊lines.txt"]);
		expect(Object.fromEntries(unreadable.map((entry) => [entry.name, entry.reason]))).toEqual({
			"empty.md": "is empty",
			"gone.txt": "a link to a file that is not there",
			"loop.txt": "a link that leads round in a loop",
			"noise.txt": "looks like a binary file, not a story",
			"x.txt": "not a regular file (a FIFO or device)",
		});
		// A folder is a row to enter, whatever its name; the folder above comes first.
		expect(entries.filter((entry) => entry.kind !== "story").map((entry) => [entry.kind, entry.name])).toEqual([
			["parent", ".."],
			["folder", "drafts.txt"],
		]);
	});

	it("gives rows that are one line, and paths that open (a Latin-1 name included)", () => {
		const { items } = scan(folder);
		for (const item of items) {
			expect(`${item.name}${item.title}${item.author ?? ""}`).not.toMatch(/[\n\r]/);
			expect(openStory(item.path).fingerprint).toBe(item.fingerprint);
		}
		const latin1 = items.find((item) => item.name.startsWith("caf"));
		expect(latin1?.words).toBeGreaterThan(500);
	});
});
