// Damaged JSON files of the store are renamed aside, never overwritten, and the user is told where they went.

import { existsSync, readFileSync, renameSync } from "node:fs";

/** 20261201T093000123Z: short, so the kept file's name fits in the status bar. */
function timestamp(): string {
	return new Date().toISOString().replace(/[-:.]/g, "");
}

/** A file set aside because it was damaged: a short name for the status bar, the full path for stderr. */
export interface SetAside {
	shown: string;
	path: string;
}

/** If a JSON file is empty or not a JSON object, rename it aside; says where it went. */
export function setAsideIfDamaged(file: string, shownAs: string): SetAside | undefined {
	if (!existsSync(file)) return undefined;
	let damaged = false;
	try {
		const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
		damaged = !parsed || typeof parsed !== "object" || Array.isArray(parsed);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code) return undefined; // unreadable: leave it for conf to report
		damaged = true;
	}
	if (!damaged) return undefined;
	const suffix = `.corrupt-${timestamp()}`;
	renameSync(file, `${file}${suffix}`);
	return { shown: `${shownAs}${suffix}`, path: `${file}${suffix}` };
}

/** A JSON file's value, or undefined when it is missing or unreadable. */
export function readJson(file: string): unknown {
	try {
		return JSON.parse(readFileSync(file, "utf8"));
	} catch {
		return undefined;
	}
}
