// Story files in the encodings fan fiction really comes in, and broken ones: the right characters, no mojibake.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openStory } from "../../source/formats/open-story.js";
import { crashed, MOJIBAKE, REPO, refusedInOneLine, runFic, type Scratch, scratch } from "./hostile.js";
import { recordOutcome } from "./ledger.js";

/** Original sample prose with curly quotes, an em dash and accented letters. */
const PROSE = [
	"Chapter 1: The Ferry",
	"\u201cStay close,\u201d said Ilse \u2014 and the caf\u00e9 on the pier closed its shutters. \u00dcber the water the gulls wheeled.",
	"She counted the crates twice. \u201cNine,\u201d she said. \u201cThere were ten this morning, and M\u00fcller swore to it.\u201d",
].join("\n\n");
const PROSE_CHARACTERS = ["\u201c", "\u201d", "\u2014", "caf\u00e9", "\u00dcber", "M\u00fcller"];

/** Latin-1 has no curly quotes or dashes: only the accented letters. */
const LATIN =
	"Chapter 1\n\nThe caf\u00e9 served cr\u00e8me br\u00fbl\u00e9e to the \u00fcber-tired crew. Zo\u00eb and Ren\u00e9e sat by the window.\n";
const LATIN_CHARACTERS = ["caf\u00e9", "cr\u00e8me br\u00fbl\u00e9e", "\u00fcber", "Zo\u00eb", "Ren\u00e9e"];

let work: Scratch;

function utf16be(text: string): Buffer {
	return Buffer.from(text, "utf16le").swap16();
}

beforeAll(() => {
	work = scratch("encodings");
});
afterAll(() => work.remove());

describe.concurrent("encodings are detected and decoded", () => {
	test.each([
		["UTF-8 without a BOM", () => Buffer.from(PROSE), PROSE_CHARACTERS],
		["UTF-8 with a BOM", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROSE)]), PROSE_CHARACTERS],
		[
			"UTF-16 LE with a BOM",
			() => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROSE, "utf16le")]),
			PROSE_CHARACTERS,
		],
		["UTF-16 BE with a BOM", () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PROSE)]), PROSE_CHARACTERS],
		[
			"Windows-1252 (curly quotes 0x93/0x94, em dash 0x97)",
			() => iconv.encode(PROSE, "windows-1252"),
			PROSE_CHARACTERS,
		],
		["Latin-1 (é, ü, è, û, ë)", () => iconv.encode(LATIN, "latin1"), LATIN_CHARACTERS],
	])("%s", async (name, bytes, characters) => {
		const content = bytes();
		if (name.startsWith("Windows")) expect(content.includes(Buffer.from([0x93]))).toBe(true);
		const path = work.file(`${name.replace(/\W+/g, "-")}.txt`, content);
		const run = await runFic(["--print", path], { configDir: work.config });
		const text = run.stdout.toString("utf8");
		recordOutcome("bad input", `encoding: ${name}`, { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		for (const character of characters) expect(text).toContain(character);
		expect(text).not.toMatch(MOJIBAKE);
		expect(text).not.toContain("\ufffd");
		expect(text).not.toContain("\ufeff");
		// The same through the library call the reader uses.
		expect(
			openStory(path)
				.story.blocks.map((block) => block.text)
				.join("\n"),
		).toContain(characters[0]);
	});

	test("a UTF-8 story with a few invalid byte runs keeps its good characters", async () => {
		// A long story (as stories are) with a truncated character, a stray Latin-1 byte and 0xFF bytes.
		const good = Buffer.from(`${PROSE}\n\n${PROSE.split("\n\n").slice(1).join("\n\n").repeat(6)}`);
		const content = Buffer.concat([
			good.subarray(0, 200),
			Buffer.from([0xe2, 0x80]),
			good.subarray(200, 400),
			Buffer.from([0xe9, 0xff, 0xff]),
			good.subarray(400),
		]);
		// Cut only between characters, so the runs above are the only broken bytes.
		expect(good[200] as number).toBeLessThan(0x80);
		expect(good[400] as number).toBeLessThan(0x80);
		const run = await runFic(["--print", work.file("broken-runs.txt", content)], { configDir: work.config });
		const text = run.stdout.toString("utf8");
		recordOutcome("bad input", "invalid UTF-8 runs inside a long UTF-8 story", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		for (const character of PROSE_CHARACTERS) expect(text).toContain(character);
		expect(text).not.toMatch(MOJIBAKE);
		expect(text).toContain("\ufffd");
	});

	test("a short UTF-8 drabble with one broken character keeps its quotes", async () => {
		// A hundred-word drabble, cut off in the middle of one closing quote (E2 80 of E2 80 9D).
		const content = Buffer.concat([
			Buffer.from(
				"Low Tide\n\n\u201cIs it always this quiet?\u201d Pell asked. The tide had gone out past the second post and left the harbour floor shining. \u201cOnly before a storm,\u201d said the keeper \u2014 and then, because she was honest, \u201cand after one.",
			),
			Buffer.from([0xe2, 0x80]),
			Buffer.from(" The rest of the time it talks.\u201d\n"),
		]);
		const run = await runFic(["--print", work.file("drabble.txt", content)], { configDir: work.config });
		const text = run.stdout.toString("utf8");
		recordOutcome("bad input", "a short UTF-8 drabble with one truncated character", { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		expect(text, "one broken character should not turn every quote into mojibake").not.toMatch(MOJIBAKE);
		for (const character of ["\u201cIs it", "quiet?\u201d", "\u2014"]) expect(text).toContain(character);
	});
});

describe.concurrent("--encoding", () => {
	test("overrides detection", async () => {
		const utf8 = work.file("utf8-read-as-1252.txt", PROSE);
		const cp1252 = work.file("really-1252.txt", iconv.encode(PROSE, "windows-1252"));
		const forced = await runFic(["--print", "--encoding", "windows-1252", utf8], { configDir: work.config });
		const right = await runFic(["--print", "--encoding", "windows-1252", cp1252], { configDir: work.config });
		recordOutcome("bad input", "--encoding windows-1252 overriding detection", {
			crashed: crashed(forced) || crashed(right),
		});
		expect([forced.status, right.status]).toEqual([0, 0]);
		// Told to, fic reads UTF-8 bytes as Windows-1252: the override really took effect.
		expect(forced.stdout.toString("utf8")).toContain("caf\u00c3\u00a9");
		for (const character of PROSE_CHARACTERS) expect(right.stdout.toString("utf8")).toContain(character);
	});

	test("an unknown encoding is a usage error with status 2", async () => {
		const run = await runFic(["--print", "--encoding", "nonsense", work.file("plain.txt", PROSE)], {
			configDir: work.config,
		});
		recordOutcome("bad input", "--encoding nonsense", { crashed: crashed(run) });
		expect(run.status).toBe(2);
		expect(run.stdout.length).toBe(0);
		const lines = run.stderr.trimEnd().split("\n");
		expect(lines[0]).toBe("fic: unknown encoding nonsense");
		// As for every usage error, the one message may be followed by the usage line, and nothing else.
		expect(lines.slice(1).every((line) => line.startsWith("Usage: fic"))).toBe(true);
		expect(lines.length).toBeLessThanOrEqual(2);
		expect(refusedInOneLine({ ...run, stderr: lines[0] as string }, 2)).toBe(true);
	});
});

describe.concurrent("the bundled stories", () => {
	// Every file there, whatever its format (text, Markdown, HTML, EPUB): they are what `npm start` opens.
	const stories = readdirSync(join(REPO, "stories")).filter((name) => !name.startsWith("."));

	test.each(stories)("%s shows no mojibake", async (name) => {
		const run = await runFic(["--print", join(REPO, "stories", name)], { configDir: work.config });
		const text = run.stdout.toString("utf8");
		recordOutcome("bad input", `bundled story ${name} (mojibake check)`, { crashed: crashed(run) });
		expect(run.status, run.stderr).toBe(0);
		expect(text).not.toMatch(MOJIBAKE);
		expect(text).not.toContain("\ufffd");
		expect(text.length).toBeGreaterThan(1000);
	});
});
