// Collects the reliability ledger of a test run and rewrites tests/RELIABILITY.md from it.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

interface Entry {
	category: string;
	name: string;
	crashed: boolean;
	lost: number;
	/** Absent in lines from before marks were counted. */
	marksLost?: number;
}

function table(entries: Entry[]): string {
	const categories = [...new Set(entries.map((entry) => entry.category))].sort();
	const rows = categories.map((category) => {
		const cases = entries.filter((entry) => entry.category === category);
		const crashes = cases.filter((entry) => entry.crashed).length;
		const lost = cases.reduce((sum, entry) => sum + entry.lost, 0);
		const marks = cases.reduce((sum, entry) => sum + (entry.marksLost ?? 0), 0);
		return `| ${category} | ${cases.length} | ${crashes} | ${lost} | ${marks} |`;
	});
	const names = entries
		.map(
			(entry) =>
				`- ${entry.category}: ${entry.name}${entry.crashed ? " — CRASHED" : ""}${entry.lost ? ` — ${entry.lost} lost` : ""}${entry.marksLost ? ` — ${entry.marksLost} marks lost` : ""}`,
		)
		.sort();
	return [
		"# Reliability",
		"",
		"Written by the test run (`npm test`, tests/reliability/global-setup.ts) from what the tests tried.",
		"Crashes, positions lost and marks lost must be 0.",
		"",
		"| kind | cases | crashes | positions lost | marks lost |",
		"|---|---|---|---|---|",
		...rows,
		"",
		"## Cases",
		"",
		...names,
		"",
	].join("\n");
}

export default function setup(project: TestProject) {
	const directory = mkdtempSync(join(tmpdir(), "fic-ledger-"));
	project.provide("ledgerDirectory", directory);
	return () => {
		const entries: Entry[] = readdirSync(directory).flatMap((name) =>
			readFileSync(join(directory, name), "utf8")
				.split("\n")
				.filter(Boolean)
				.map((line) => JSON.parse(line) as Entry),
		);
		rmSync(directory, { recursive: true, force: true });
		// Only a run that tried both kinds of case rewrites the table, so one file's run does not shrink it.
		if (new Set(entries.map((entry) => entry.category)).size >= 2) {
			writeFileSync(join(import.meta.dirname, "..", "RELIABILITY.md"), table(entries));
		}
	};
}
