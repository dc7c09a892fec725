// The search behind the prompt: runs it over the document in slices, goes to the match asked for,
// and derives the page's highlights and the status text (`match 3 of 41`).

import { type Dispatch, useEffect, useMemo } from "react";
import type { StoryDocument, StoryWindow } from "../../core/document.js";
import { type Highlight, lineHighlights, type Range } from "../../core/highlight.js";
import { noteTarget } from "../../core/outline.js";
import type { Page } from "../../core/paginate.js";
import { type CellAnchor, cellBlock, type Reached, reachCell, reachPlace, windowBlock } from "../../core/places.js";
import type { ReaderAction, ReaderState } from "../../core/reader-state.js";
import type { SavedPlace } from "../../core/resume.js";
import { compilePattern, type SearchHit, SearchRun } from "../../core/search.js";
import type { Note } from "../../core/story.js";
import { useStepping } from "./use-stepping.js";

export interface Where {
	document: StoryDocument;
	window: StoryWindow;
	page: Page;
	/** The place at the top of the page (what a jump leaves). */
	here: SavedPlace;
}

export type Go = (reached: Reached, from?: SavedPlace) => void;

/** Where a match takes the reader: the match itself, or for a note, the place the note belongs to. */
export function hitTarget(document: StoryDocument, run: SearchRun, hit: SearchHit): CellAnchor {
	if (run.scope === "notes") return noteTarget(document.cell(hit.cell), hit.cell, hit.item);
	return { cell: hit.cell, block: hit.item, offset: hit.from };
}

/** Whether a place of the window's story is shown on the page. */
export function onPage(page: Page, block: number, offset: number): boolean {
	return page.lines.some(
		(line, index) =>
			line.block === block &&
			line.role !== "blank" &&
			line.start <= offset &&
			(page.lines[index + 1]?.block !== block || (page.lines[index + 1]?.start ?? 0) > offset),
	);
}

function percent(share: number): string {
	return `${Math.floor(share * 100)}%`;
}

export function useSearch(where: Where | undefined, reader: ReaderState, dispatch: Dispatch<ReaderAction>, go: Go) {
	const search = reader.search;
	const document = where?.document;
	const query = search?.query ?? "";
	const scope = search?.scope ?? "story";
	const originStart = search?.originKey.start ?? 0;
	const originFrom = search?.originKey.from ?? 0;
	const direction = search?.direction ?? "forward";
	const run = useMemo(() => {
		const pattern = compilePattern(query);
		if (!document || !pattern) return undefined;
		return new SearchRun(document, pattern, scope, { start: originStart, from: originFrom }, direction);
	}, [document, query, scope, originStart, originFrom, direction]);
	const slices = useStepping(run);

	// Answer the match asked for (typing, n, N) once the pieces up to it are searched.
	const seek = search?.seek;
	// biome-ignore lint/correctness/useExhaustiveDependencies: the run fills in as it is stepped; `slices` says when
	useEffect(() => {
		if (!seek || !run || !where) return;
		const result = run.find(seek.key, seek.direction, seek.inclusive);
		if (result.kind === "pending") return;
		if (result.kind === "none") {
			dispatch({ type: "search-found" });
			// While typing, a query that matches nothing shows where the search started.
			if (reader.mode === "search" && search) go(reachPlace(where.document, where.window, search.origin));
			return;
		}
		dispatch({ type: "search-found", hit: result.hit, wrapped: result.wrapped });
		const target = hitTarget(where.document, run, result.hit);
		const block = windowBlock(where.document, where.window, target.cell, target.block);
		if (block !== undefined && onPage(where.page, block, target.offset)) return;
		go(reachCell(where.document, where.window, target), seek.record ? where.here : undefined);
	}, [seek, run, where, dispatch, go, slices, reader.mode, search]);

	// biome-ignore lint/correctness/useExhaustiveDependencies: hits arrive as pieces are searched; `slices` says when
	const highlights = useMemo((): Highlight[][] | undefined => {
		if (!run || !where || !search?.highlight || run.scope !== "story") return undefined;
		const current = search.hit;
		return lineHighlights(where.page.lines, (block): Range[] => {
			const at = cellBlock(where.document, where.window, block);
			return (run.hitsIn(at.cell) ?? [])
				.filter((hit) => hit.item === at.block)
				.map((hit) => ({
					from: hit.from,
					to: hit.to,
					current: current?.cell === hit.cell && current.item === hit.item && current.from === hit.from,
				}));
		});
	}, [run, where, search?.highlight, search?.hit, slices]);

	/** The matches in a note (a search of the notes), for the panel. */
	const noteRanges =
		run?.scope === "notes" && where && search?.highlight
			? (note: Note): Range[] =>
					(run.hitsIn(where.document.cellOf(note.start)) ?? [])
						.filter((hit) => hit.start === note.start)
						.map((hit) => ({
							from: hit.from,
							to: hit.to,
							current: search.hit?.start === hit.start && search.hit.from === hit.from,
						}))
			: undefined;

	let status: string | undefined;
	if (search && (search.showStatus || reader.mode === "search") && search.query) {
		const searching = run && !run.done ? ` · searching ${percent(run.progress)}` : "";
		const notes = search.scope === "notes" ? " in the notes" : "";
		if (search.seek) status = `searching${notes} ${percent(run?.progress ?? 0)}`;
		else if (search.notFound) status = `not found${notes}: ${search.query}`;
		else if (search.hit && run) {
			const number = run.numberOf(search.hit);
			const counted = number === undefined ? `match ? of ${run.total}+` : `match ${number} of ${run.total}`;
			const wrapped = search.wrapped ? "wrapped round · " : "";
			status = `${wrapped}${counted}${notes}${searching}`;
		}
	}
	return { run, highlights, noteRanges, status };
}
