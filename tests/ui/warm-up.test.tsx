// Warming up draws the pages after the reader's into an Ink that writes nowhere, and stops when told.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { themeFor } from "../../source/ui/theme.js";
import { WARM_UP_PAGES, warmUp } from "../../source/ui/warm-up.js";
import { press, readerOn, reading } from "../core/reader/harness.js";

let scratch: string;
let LONG: string;

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-warm-up-"));
	LONG = join(scratch, "long.txt");
	const paragraph = "The lamp was lit at dusk and the keeper wrote down the ships that passed. ".repeat(4);
	writeFileSync(LONG, ["Chapter 1: Dusk", ...Array.from({ length: 400 }, () => paragraph)].join("\n\n"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe("warming up", () => {
	it("draws the pages after the reader's, writes nothing to the terminal, and leaves the reader where it was", async () => {
		const state = press(readerOn(LONG, { columns: 100, rows: 30 }), "g");
		const before = reading(state).position;
		const written = vi.spyOn(process.stdout, "write");
		const drawn = await warmUp(state, themeFor()).done;
		expect(drawn).toBe(WARM_UP_PAGES);
		expect(written).not.toHaveBeenCalled();
		expect(reading(state).position).toBe(before);
	});

	it("stops when told, part way", async () => {
		const state = press(readerOn(LONG, { columns: 100, rows: 30 }), "g");
		const running = warmUp(state, themeFor());
		// The first page is drawn at once; the next ones a few ms apart each.
		await new Promise((resolve) => setTimeout(resolve, 10));
		running.stop();
		const drawn = await running.done;
		expect(drawn).toBeGreaterThan(0);
		expect(drawn).toBeLessThan(WARM_UP_PAGES);
	});

	it("ends at the story's end: no page is drawn twice", async () => {
		const state = press(readerOn(LONG, { columns: 100, rows: 30 }), "G");
		expect(await warmUp(state, themeFor()).done).toBe(0);
	});
});
