// The keys of finding your way — search, n/N, contents, notes list, marks, jump list, go to, Ctrl+G —
// and the jumps they make (to any place of the document, through core/places.ts).

import { type Dispatch, useCallback, useMemo } from "react";
import type { StoryDocument, StoryWindow } from "../../core/document.js";
import { pageTarget, parseGoto, percentTarget, whereText } from "../../core/goto.js";
import { noteLineHighlights } from "../../core/highlight.js";
import { jumpBack, jumpForward, previousPlace } from "../../core/jump-list.js";
import { type CommandId, resolveCommand } from "../../core/keymap.js";
import { isMarkName, markNames } from "../../core/marks.js";
import type { PageCounter } from "../../core/page-count.js";
import type { Page, Viewport } from "../../core/paginate.js";
import { type Reached, reachPlace, windowBlock } from "../../core/places.js";
import type { ReaderAction, ReaderState } from "../../core/reader-state.js";
import { placeOf } from "../../core/resume.js";
import type { SearchKey } from "../../core/search.js";
import type { Note } from "../../core/story.js";
import type { PanelLine } from "../components/notes-panel.js";
import { useLists } from "./use-lists.js";
import { type Go, onPage, useSearch, type Where } from "./use-search.js";

export interface FindingInput {
	document: StoryDocument | undefined;
	window: StoryWindow | undefined;
	setWindow: (window: StoryWindow) => void;
	page: Page | undefined;
	view: Viewport;
	narrow: boolean;
	counter: PageCounter | undefined;
	reader: ReaderState;
	dispatch: Dispatch<ReaderAction>;
}

/** The text a key types at a prompt: letters, a paste, a space; nothing for named keys. */
function typed(name: string, input: string): string | undefined {
	if (name === "space") return " ";
	// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
	return name === input && !/[\u0000-\u001f\u007f]/.test(input) ? input : undefined;
}

export function useFinding({
	document,
	window,
	setWindow,
	page,
	view,
	narrow,
	counter,
	reader,
	dispatch,
}: FindingInput) {
	const where = useMemo((): Where | undefined => {
		if (!document || !window || !page) return undefined;
		return { document, window, page, here: placeOf(window.story, page.top) };
	}, [document, window, page]);

	const go: Go = useCallback(
		(reached, from) => {
			if (reached.window !== window) setWindow(reached.window);
			dispatch({ type: "jump", anchor: reached.anchor, ...(from ? { from } : {}) });
		},
		[window, setWindow, dispatch],
	);
	const search = useSearch(where, reader, dispatch, go);
	const lists = useLists(where, counter, reader, dispatch, go, view.height);

	/** `name`: the key's name in the keymap; `input`: what it types (a paste types many characters at once). */
	const handleKey = (name: string, input: string): boolean => {
		if (!where) return false;
		const { document: doc, window: win, page: shown, here } = where;
		const context = { story: win.story, view, narrow };
		const command = resolveCommand(reader.mode, name);
		const run = (id: CommandId, key?: string) =>
			dispatch({ type: "command", command: id, context, ...(key === undefined ? {} : { key }) });
		const message = (text: string) => dispatch({ type: "message", text });
		const jump = (reached: Reached) => go(reached, here);
		const goPage = (number: number) => {
			if (!counter) return;
			const target = pageTarget(counter, doc, win, shown, number, view);
			jump(target.reached);
			if (target.message) message(target.message);
		};

		switch (reader.mode) {
			case "search":
			case "goto": {
				if (command === "search.cancel" || (command === "prompt.delete" && reader.prompt === "")) {
					if (reader.search) go(reachPlace(doc, win, reader.search.origin));
					run("search.cancel");
				} else if (command === "goto.confirm") {
					const asked = parseGoto(reader.prompt);
					run("goto.cancel");
					if (!asked) message("Go to: a page number, or a percent like 50%");
					else if (asked.kind === "percent") jump(percentTarget(doc, win, asked.value, view));
					else goPage(asked.value);
				} else if (command === "prompt.delete") {
					run(command);
					const emptied = reader.mode === "search" && [...reader.prompt].length === 1;
					if (emptied && reader.search) go(reachPlace(doc, win, reader.search.origin));
				} else if (command) run(command);
				else {
					const text = typed(name, input);
					if (text) dispatch({ type: "prompt-input", text });
				}
				return true;
			}
			case "mark-set":
				if (isMarkName(name)) dispatch({ type: "set-mark", name, place: here });
				else if (command) run(command);
				else {
					dispatch({ type: "close-overlay" });
					message("A mark is a letter: m then a-z or A-Z");
				}
				return true;
			case "mark-jump": {
				dispatch({ type: "close-overlay" });
				const marks = markNames(reader.marks);
				if (command === "jump.previous") {
					const target = previousPlace(reader.jumps, here);
					if (target) jump(reachPlace(doc, win, target));
					else message("No jump to go back to yet");
				} else if (isMarkName(name)) {
					const mark = reader.marks[name];
					if (mark) jump(reachPlace(doc, win, mark));
					else message(`Mark ${name} is not set${marks ? ` (set: ${marks})` : ""}`);
				} else if (command) run(command);
				return true;
			}
			case "contents":
			case "notes-list":
				if (command === "search.forward" || command === "search.backward") {
					run(command);
					return true;
				}
				return lists.handle(command);
			case "notes":
				if (command !== "search.forward" && command !== "search.backward") return false;
				run(command);
				return true;
			case "read":
				break;
			default:
				return false;
		}

		switch (command) {
			case "search.forward":
			case "search.backward":
			case "search.clear":
			case "marks.set":
			case "marks.jump":
			case "goto.prompt":
			case "where.show":
				run(command);
				return true;
			case "count.digit":
				run(command, name);
				return true;
			case "search.next":
			case "search.prev": {
				const current = reader.search;
				if (!current?.query) {
					message("No search yet: / searches forward, ? backward");
					return true;
				}
				const forward = (command === "search.next") === (current.direction === "forward");
				// From the current match while it is on the page (or in the notes); else from the page.
				const hit = current.hit;
				const shownBlock = hit && windowBlock(doc, win, hit.cell, hit.item);
				const fromHit =
					hit !== undefined &&
					(current.scope === "notes" || (shownBlock !== undefined && onPage(shown, shownBlock, hit.from)));
				const topKey: SearchKey = { start: win.story.blocks[shown.top.block]?.start ?? 0, from: shown.top.offset };
				const key = fromHit ? { start: hit.start, from: hit.from } : topKey;
				const direction = forward ? "forward" : "backward";
				dispatch({ type: "search-seek", seek: { key, direction, inclusive: !fromHit && forward, record: true } });
				return true;
			}
			case "contents.open":
				lists.open("contents");
				return true;
			case "notes-list.open":
				lists.open("notes-list");
				return true;
			case "jump.back":
			case "jump.forward": {
				const moved = command === "jump.back" ? jumpBack(reader.jumps, here) : jumpForward(reader.jumps);
				if (!moved) {
					message(command === "jump.back" ? "No earlier jump" : "No later jump");
					return true;
				}
				dispatch({ type: "jumps", jumps: moved.list });
				go(reachPlace(doc, win, moved.target));
				return true;
			}
			case "goto.percent":
				if (reader.count) jump(percentTarget(doc, win, Number(reader.count), view));
				else message("Type a number first: 50% goes halfway");
				return true;
			case "story.first":
			case "story.last":
				if (!reader.count) return false;
				goPage(Number(reader.count));
				return true;
			default:
				return false;
		}
	};

	let status = search.status;
	if (reader.where && where)
		status = whereText(
			where.document,
			where.window,
			where.page,
			where.here,
			counter?.contents() ?? [],
			counter?.done ?? false,
		);
	if (reader.count) status = `${reader.count}: % goes to ${reader.count}%, g to page ${reader.count}`;
	else if (reader.mode === "mark-set") status = "m: type a letter to name this place";
	else if (reader.mode === "mark-jump") {
		const marks = markNames(reader.marks);
		status = `': type a mark's letter${marks ? ` (${marks})` : ""}, or ' to go back`;
	}
	const prompt =
		reader.mode === "search"
			? { prefix: reader.search?.direction === "backward" ? "?" : "/", text: reader.prompt, info: search.status }
			: reader.mode === "goto"
				? { prefix: ":", text: reader.prompt, info: "a page, or a percent like 50%" }
				: undefined;
	const { noteRanges } = search;
	/** Search matches in the notes panel's lines (a search of the notes). */
	const noteHighlights = noteRanges
		? (notes: Note[], lines: PanelLine[]) =>
				noteLineHighlights(lines, (index) => (notes[index] ? noteRanges(notes[index]) : []))
		: undefined;
	return { handleKey, highlights: search.highlights, noteHighlights, status, prompt, list: lists.list };
}
