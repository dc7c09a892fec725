// The status bar's first part while finding your way: search progress and `match 3 of 41`, the
// Ctrl+G line, a count being typed, what m and ' wait for, and where another device is reading.

import type { StoryWindow } from "../document.js";
import { whereText } from "../goto.js";
import { markNames } from "../marks.js";
import type { Pace } from "../pace.js";
import type { Page } from "../paginate.js";
import type { SavedPlace } from "../resume.js";
import type { Reading } from "./state.js";

function percent(share: number): string {
	return `${Math.floor(share * 100)}%`;
}

/** `match 3 of 41`, `searching 35%`, `not found: …` (undefined when the search has nothing to say). */
export function searchStatus(reading: Reading): string | undefined {
	const search = reading.search;
	if (!search || !(search.showStatus || reading.mode === "search") || !search.query) return undefined;
	const run = search.run;
	const notes = search.scope === "notes" ? " in the notes" : "";
	if (search.seek) return `searching${notes} ${percent(run?.progress ?? 0)}`;
	if (search.notFound) return `not found${notes}: ${search.query}`;
	if (!search.hit || !run) return undefined;
	const searching = run.done ? "" : ` · searching ${percent(run.progress)}`;
	const number = run.numberOf(search.hit);
	const counted = number === undefined ? `match ? of ${run.total}+` : `match ${number} of ${run.total}`;
	const wrapped = search.wrapped ? "wrapped round · " : "";
	return `${wrapped}${counted}${notes}${searching}`;
}

export function statusInfo(
	reading: Reading,
	window: StoryWindow,
	page: Page,
	here: SavedPlace,
	pace: Pace | undefined,
	elsewhereKey: string | undefined,
): string | undefined {
	if (reading.count) return `${reading.count}: % goes to ${reading.count}%, g to page ${reading.count}`;
	if (reading.mode === "mark-set") return "m: type a letter to name this place";
	if (reading.mode === "mark-jump") {
		const marks = markNames(reading.marks);
		return `': type a mark's letter${marks ? ` (${marks})` : ""}, or ' to go back`;
	}
	if (reading.where) {
		const { pages } = reading;
		return whereText(reading.opened.document, window, page, here, pages.contents(), pages.done, pace);
	}
	return searchStatus(reading) ?? elsewhereText(reading, here, elsewhereKey);
}

/**
 * Another device's newer place, as it lies from here: `read further on laptop` when it is later
 * in the story, `laptop is back at 12%` when earlier (reread there, or this device went on), and
 * nothing when the reader is there already. Worked out from here on every render, so reading past it
 * turns the one wording into the other.
 */
function elsewhereText(reading: Reading, here: SavedPlace, key: string | undefined): string | undefined {
	if (!reading.elsewhere) return undefined;
	const { device, place } = reading.elsewhere;
	const goes = key ? ` (${key} goes there)` : "";
	if (place.sourceOffset > here.sourceOffset) return `read further on ${device}${goes}`;
	if (place.sourceOffset === here.sourceOffset) return undefined;
	const share = place.sourceOffset / Math.max(1, reading.opened.document.size);
	return `${device} is back at ${percent(share)}${goes}`;
}
