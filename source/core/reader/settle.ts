// After every action: the page counter and the search run follow the view and the query, and a
// match asked for is answered once the pieces up to it are searched.

import { noteTarget } from "../outline.js";
import { PageCounter } from "../page-count.js";
import { onPage } from "../paginate.js";
import { type Position, windowBlock } from "../position.js";
import { compilePattern, type SearchHit, SearchRun } from "../search.js";
import { contextOf, goTo, hereOf, pageOf, windowOf } from "./reading.js";
import { backToOrigin } from "./search-prompt.js";
import type { AppState, Reading, SearchState } from "./state.js";

function runKey(search: SearchState): string {
	return [search.query, search.scope, search.originKey.start, search.originKey.from, search.direction].join("\u0000");
}

/** The search's run, started afresh when what it looks for changed. */
function withRun(reading: Reading): Reading {
	const search = reading.search;
	if (!search) return reading;
	const key = runKey(search);
	if (search.runFor === key) return reading;
	const pattern = compilePattern(search.query);
	const run = pattern
		? SearchRun.start(reading.opened.document, pattern, search.scope, search.originKey, search.direction)
		: undefined;
	return { ...reading, search: { ...search, run, runFor: key } };
}

/** Where a match takes the reader: the match itself, or for a note, the place the note belongs to. */
export function hitTarget(reading: Reading, run: SearchRun, hit: SearchHit): Position {
	if (run.scope === "notes") return noteTarget(reading.opened.document.piece(hit.piece), hit.piece, hit.item);
	return { piece: hit.piece, block: hit.item, offset: hit.from };
}

/** Answer the match asked for (typing, n, N) once the pieces up to it are searched. */
function answerSeek(reading: Reading, state: AppState): Reading {
	const search = reading.search;
	const seek = search?.seek;
	const run = search?.run;
	if (!search || !seek || !run) return reading;
	const result = run.find(seek.key, seek.direction, seek.inclusive);
	if (result.kind === "pending") return reading;
	const { seek: _answered, ...rest } = search;
	if (result.kind === "none") {
		const unanswered = { ...reading, search: { ...rest, notFound: true, wrapped: false } };
		// While typing, a query that matches nothing shows where the search started.
		return reading.mode === "search" ? backToOrigin(unanswered) : unanswered;
	}
	const found: Reading = {
		...reading,
		search: { ...rest, hit: result.hit, notFound: false, wrapped: result.wrapped },
	};
	const { view } = contextOf(state);
	const target = hitTarget(reading, run, result.hit);
	const block = windowBlock(reading.opened.document, windowOf(reading), target.piece, target.block);
	if (block !== undefined && onPage(pageOf(reading, view), block, target.offset)) return found;
	return goTo(found, target, seek.record ? hereOf(reading, view) : undefined);
}

function withCounter(reading: Reading, state: AppState): Reading {
	const { view } = contextOf(state);
	if (reading.pages.counts(reading.opened.document, view)) return reading;
	return { ...reading, pages: new PageCounter(reading.opened.document, view) };
}

export function settle(state: AppState): AppState {
	const reading = state.reading;
	if (!reading) return state;
	const settled = answerSeek(withRun(withCounter(reading, state)), state);
	return settled === reading ? state : { ...state, reading: settled };
}
