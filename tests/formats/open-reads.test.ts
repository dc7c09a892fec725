// Opening a story reads its head once and decides its format once.

import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openStory } from "../../source/formats/open-story.js";

const calls = vi.hoisted(() => ({ headReads: 0, detections: 0 }));
vi.mock("node:fs", async (importOriginal) => {
	const real = await importOriginal<typeof import("node:fs")>();
	const readSync = ((...args: Parameters<typeof real.readSync>) => {
		if ((args as unknown[])[4] === 0) calls.headReads++;
		return real.readSync(...args);
	}) as typeof real.readSync;
	return { ...real, readSync, default: { ...real, readSync } };
});
vi.mock("../../source/formats/detect-format.js", async (importOriginal) => {
	const real = await importOriginal<typeof import("../../source/formats/detect-format.js")>();
	return {
		...real,
		detectFormat: (...args: Parameters<typeof real.detectFormat>) => {
			calls.detections++;
			return real.detectFormat(...args);
		},
		textFormat: (...args: Parameters<typeof real.textFormat>) => {
			calls.detections++;
			return real.textFormat(...args);
		},
	};
});

let scratch: string;
beforeAll(() => {
	scratch = fs.mkdtempSync(join(tmpdir(), "fic-open-"));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => {
	calls.headReads = 0;
	calls.detections = 0;
});

const PARAGRAPH = "She counted the “crates” twice, once for the manifest and once for herself.";

describe("opening a story", () => {
	it.each([
		// A text story's first piece is read again when it is parsed; an HTML story is parsed from its head.
		["a short text story", "short.txt", `Salt\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n`, 2],
		["a long text story", "long.txt", `Salt\n\n${`${PARAGRAPH}\n\n`.repeat(3000)}`, 2],
		["an HTML story", "salt.html", `<html><body><h1>Salt</h1><p>${PARAGRAPH}</p></body></html>`, 1],
	])("%s: the head is read once and the format decided once", (_, name, text, readsFromStart) => {
		const path = join(scratch, name);
		fs.writeFileSync(path, text);
		const opened = openStory(path);
		expect(opened.document.piece(0).blocks.length).toBeGreaterThan(0);
		expect(calls.headReads).toBe(readsFromStart);
		expect(calls.detections).toBe(1);
	});
});
