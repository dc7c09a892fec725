import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfStore } from "../../source/persistence/conf-store.js";
import { recordOutcome } from "./ledger.js";

let scratch: string;
let driver: string;

beforeAll(async () => {
	scratch = mkdtempSync(join(tmpdir(), "fic-concurrent-"));
	driver = join(scratch, "save-loop.mjs");
	await build({
		entryPoints: [join(import.meta.dirname, "save-loop.ts")],
		bundle: true,
		platform: "node",
		format: "esm",
		outfile: driver,
		logLevel: "error",
		banner: { js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);" },
	});
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runLoop(directory: string, fingerprint: string, count: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [driver, directory, fingerprint, String(count)], {
			stdio: ["ignore", "ignore", "inherit"],
		});
		child.on("error", reject);
		child.on("exit", (code) => resolve(code ?? -1));
	});
}

describe("two fic processes saving at once", () => {
	it("keeps both stories' places", async () => {
		const directory = join(scratch, "config");
		const saves = 300;
		const codes = await Promise.all([runLoop(directory, "aaaa1111", saves), runLoop(directory, "bbbb2222", saves)]);
		expect(codes).toEqual([0, 0]);
		const store = ConfStore.open(directory);
		const first = store.find({ fingerprint: "aaaa1111", path: "/none" });
		const second = store.find({ fingerprint: "bbbb2222", path: "/none" });
		recordOutcome("faults", "two processes saving 300 times each", { lost: first && second ? 0 : 1 });
		expect(first?.sourceOffset).toBe(saves);
		expect(second?.sourceOffset).toBe(saves);
		expect(store.takeWarning()).toBeUndefined();
	});
});
