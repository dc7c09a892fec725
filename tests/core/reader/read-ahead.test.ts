// Reading ahead: the next page is worked out between keys, so turning to it reads no piece of the file.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readAhead } from "../../../source/core/reader/read-ahead.js";
import { readerScreen } from "../../../source/core/reader/screen.js";
import type { AppState } from "../../../source/core/reader/state.js";
import { PIECE_BYTES } from "../../../source/formats/text-document.js";
import { press, readerOn, reading } from "./harness.js";

let scratch: string;
let path: string;

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-read-ahead-"));
	const parts: string[] = ["Chapter 1: The Road"];
	for (let paragraph = 0; parts.join("\n\n").length < PIECE_BYTES * 5; paragraph++)
		parts.push(`Paragraph ${paragraph}: the road went on past the mill, and the rain with it. `.repeat(3));
	path = join(scratch, "road.txt");
	writeFileSync(path, parts.join("\n\n"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Pages forward `turns` times, reading ahead between keys when asked; counts the windows made on keys. */
function pageOn(turns: number, ahead: boolean): { windowsOnKeys: number; state: AppState } {
	let state = press(readerOn(path, { columns: 100, rows: 30 }), "g");
	const { document } = reading(state).opened;
	const windowOf = vi.spyOn(document, "windowOf");
	let windowsOnKeys = 0;
	for (let turn = 0; turn < turns; turn++) {
		if (ahead) readAhead(state);
		const before = windowOf.mock.calls.length;
		state = press(state, "space");
		readerScreen(state, reading(state));
		windowsOnKeys += windowOf.mock.calls.length - before;
	}
	windowOf.mockRestore();
	return { windowsOnKeys, state };
}

describe("reading ahead", () => {
	it("makes every window a page turn needs before its key, and changes nothing the reader sees", () => {
		const plain = pageOn(90, false);
		expect(reading(plain.state).position.piece).toBeGreaterThanOrEqual(2);
		// Without reading ahead, crossing into the next piece makes its window on the key.
		expect(plain.windowsOnKeys).toBeGreaterThan(0);
		const ahead = pageOn(90, true);
		expect(ahead.windowsOnKeys).toBe(0);
		expect(reading(ahead.state).position).toEqual(reading(plain.state).position);
	});
});
