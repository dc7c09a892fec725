// Finding your way: search and n/N, go to a page or percent, the count before a command, Ctrl+G.

import { parseGoto, percentTarget } from "../../goto.js";
import type { CommandId } from "../../keymap.js";
import { onPage } from "../../paginate.js";
import { windowBlock } from "../../position.js";
import { cleared, goTo, type Handler, hereOf, pageOf, readerCommand, say, windowOf } from "../reading.js";
import { cancelSearch, confirmSearch, deleteInPrompt, openSearch, topKey } from "../search-prompt.js";
import type { Reading } from "../state.js";
import { deleteInFilter } from "./library.js";
import { goToPage } from "./move.js";

/** n and N: the next match in the search's direction (N the other way), from the current match if shown. */
function nextMatch(reverse: boolean): Handler {
	return readerCommand((reading, { view }) => {
		const current = reading.search;
		const fresh = cleared(reading);
		if (!current?.query) return say(fresh, "No search yet: / searches forward, ? backward");
		const forward = reverse !== (current.direction === "forward");
		const hit = current.hit;
		const document = reading.opened.document;
		const shownBlock = hit && windowBlock(document, windowOf(reading), hit.piece, hit.item);
		const fromHit =
			hit !== undefined &&
			(current.scope === "notes" || (shownBlock !== undefined && onPage(pageOf(reading, view), shownBlock, hit.from)));
		const key = fromHit ? { start: hit.start, from: hit.from } : topKey(reading, view);
		const seek = {
			key,
			direction: forward ? "forward" : "backward",
			inclusive: !fromHit && forward,
			record: true,
		} as const;
		return { ...fresh, search: { ...current, seek, highlight: true, showStatus: true } };
	});
}

function confirmGoto(reading: Reading, context: Parameters<typeof goToPage>[1]): Reading {
	const asked = parseGoto(reading.prompt);
	const closed: Reading = { ...cleared(reading), mode: "read", prompt: "" };
	if (!asked) return say(closed, "Go to: a page number, or a percent like 50%");
	if (asked.kind === "page") return goToPage(closed, context, asked.value);
	const here = hereOf(reading, context.view);
	return goTo(closed, percentTarget(reading.opened.document, asked.value, context.view), here);
}

export const FIND_COMMANDS = {
	"search.forward": readerCommand((reading, { view }) => openSearch(cleared(reading), "forward", view)),
	"search.backward": readerCommand((reading, { view }) => openSearch(cleared(reading), "backward", view)),
	"search.confirm": readerCommand((reading) => confirmSearch(cleared(reading))),
	"search.cancel": readerCommand((reading) => cancelSearch(cleared(reading))),
	"search.clear": readerCommand((reading) => {
		const fresh = cleared(reading);
		return fresh.search ? { ...fresh, search: { ...fresh.search, highlight: false, showStatus: false } } : fresh;
	}),
	"search.next": nextMatch(false),
	"search.prev": nextMatch(true),
	"prompt.delete": (state, key) =>
		state.screen === "library"
			? deleteInFilter(state)
			: readerCommand((reading) =>
					reading.prompt === "" && reading.mode === "search" ? cancelSearch(reading) : deleteInPrompt(reading),
				)(state, key),
	"goto.prompt": readerCommand((reading) => ({ ...cleared(reading), mode: "goto", prompt: "" })),
	"goto.confirm": readerCommand(confirmGoto),
	"goto.cancel": readerCommand((reading) => ({ ...cleared(reading), mode: "read", prompt: "" })),
	"goto.percent": readerCommand((reading, { view }) => {
		if (!reading.count) return say(cleared(reading), "Type a number first: 50% goes halfway");
		const target = percentTarget(reading.opened.document, Number(reading.count), view);
		return goTo(cleared(reading), target, hereOf(reading, view));
	}),
	"count.digit": readerCommand((reading, _context, key) => ({
		...reading,
		count: `${reading.count}${key.name}`.slice(-9),
		message: undefined,
	})),
	"where.show": readerCommand((reading) => ({ ...cleared(reading), where: true })),
} satisfies Partial<Record<CommandId, Handler>>;
