// npm run fidelity: scores note separation on the development corpus (../shared/corpus) when it is there.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const scorer = resolve("..", "shared", "corpus", "score.py");
if (!existsSync(scorer)) {
	console.log(`fidelity: no corpus at ${scorer}; nothing to score.`);
	process.exit(0);
}
const run = spawnSync("python3", [scorer, ...process.argv.slice(2)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
if (run.error) {
	console.log(`fidelity: could not run python3 (${run.error.message}).`);
	process.exit(0);
}
if (run.status !== 0) {
	process.stderr.write(run.stderr);
	process.exit(run.status ?? 1);
}
// The scorer's per-file table first, then the totals: print the totals (and everything with --details).
const out = run.stdout;
const totals = out.indexOf("\ngroup ");
process.stdout.write(process.argv.length > 2 || totals < 0 ? out : out.slice(totals + 1));
