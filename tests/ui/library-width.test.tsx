import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { afterEach, expect, it } from "vitest";
import { type Harness, renderApp } from "./render-app.js";

let app: Harness | undefined;
afterEach(() => app?.unmount());

it("keeps every library row within the terminal, CJK titles included", async () => {
	app = await renderApp({ kind: "library", folder: "stories" }, { columns: 100, rows: 20 });
	// The folder is listed at once and its titles filled in as each story is read.
	const rows = (await app.waitFor((frame) => frame.includes("雪の手紙") && !frame.includes("Reading "))).split("\n");
	const japanese = rows.find((row) => row.includes("雪の手紙"));
	expect(japanese).toBeDefined();
	expect(japanese).toContain("not started");
	for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(100);
});

it("says 1 word, not 1 words, for a story of one word", async () => {
	const folder = mkdtempSync(join(tmpdir(), "fic-library-words-"));
	try {
		writeFileSync(join(folder, "tiny.txt"), "Hello.\n");
		writeFileSync(join(folder, "two.txt"), "Hello there.\n");
		app = await renderApp({ kind: "library", folder }, { columns: 100, rows: 10 });
		const frame = await app.waitFor((shown) => shown.includes("two") && !shown.includes("Reading "));
		expect(frame).toMatch(/ 1 word +░/);
		expect(frame).not.toContain("1 words");
		expect(frame).toMatch(/ 2 words +░/);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});
