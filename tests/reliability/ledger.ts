// Records each reliability case (bad input tried, fault injected) for tests/RELIABILITY.md.

import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

export type Category = "bad input" | "faults";

export interface Outcome {
	/** The process died or threw where it should have answered. */
	crashed?: boolean;
	/** Reading positions lost by this case. */
	lost?: number;
	/** Marks lost by this case (set, then gone from the record). */
	marksLost?: number;
}

declare module "vitest" {
	export interface ProvidedContext {
		ledgerDirectory: string;
	}
}

export function recordOutcome(category: Category, name: string, outcome: Outcome = {}): void {
	const line = JSON.stringify({
		category,
		name,
		crashed: outcome.crashed ?? false,
		lost: outcome.lost ?? 0,
		marksLost: outcome.marksLost ?? 0,
	});
	appendFileSync(join(inject("ledgerDirectory"), `${process.pid}.jsonl`), `${line}\n`);
}
