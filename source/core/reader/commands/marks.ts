// Marks (m and ' with a letter), the jump list ('' Ctrl+O Ctrl+I), and the place another device reached (R).

import { jumpBack, jumpForward, previousPlace } from "../../jump-list.js";
import type { CommandId } from "../../keymap.js";
import { isMarkName, markNames, setMark } from "../../marks.js";
import { reachPlace } from "../../places.js";
import { type Context, cleared, goTo, type Handler, hereOf, readerCommand, say } from "../reading.js";
import type { KeyEvent, Reading } from "../state.js";

/** After m: a letter names the place at the top of the page. */
export function markKey(reading: Reading, { view }: Context, key: KeyEvent): Reading {
	const closed: Reading = { ...reading, mode: "read" };
	if (!isMarkName(key.name)) return say(closed, "A mark is a letter: m then a-z or A-Z");
	const marks = setMark(reading.marks, key.name, hereOf(reading, view));
	return { ...closed, marks, moved: true, message: `Mark ${key.name} set` };
}

/** After ': a letter goes to its mark (a jump). */
export function markJumpKey(reading: Reading, { view }: Context, key: KeyEvent): Reading {
	const closed: Reading = { ...reading, mode: "read" };
	if (!isMarkName(key.name)) return closed;
	const mark = reading.marks[key.name];
	if (!mark) {
		const set = markNames(reading.marks);
		return say(closed, `Mark ${key.name} is not set${set ? ` (set: ${set})` : ""}`);
	}
	return goTo(closed, reachPlace(reading.opened.document, mark), hereOf(reading, view));
}

function walkJumps(direction: "back" | "forward"): Handler {
	return readerCommand((reading, { view }) => {
		const fresh = cleared(reading);
		const moved = direction === "back" ? jumpBack(reading.jumps, hereOf(reading, view)) : jumpForward(reading.jumps);
		if (!moved) return say(fresh, direction === "back" ? "No earlier jump" : "No later jump");
		return { ...goTo(fresh, reachPlace(reading.opened.document, moved.target)), jumps: moved.list };
	});
}

export const MARK_COMMANDS = {
	"marks.set": readerCommand((reading) => ({ ...cleared(reading), mode: "mark-set", prompt: "" })),
	"marks.jump": readerCommand((reading) => ({ ...cleared(reading), mode: "mark-jump", prompt: "" })),
	"jump.back": walkJumps("back"),
	"jump.forward": walkJumps("forward"),
	"jump.previous": readerCommand((reading, { view }) => {
		const closed: Reading = { ...cleared(reading), mode: "read" };
		const here = hereOf(reading, view);
		const target = previousPlace(reading.jumps, here);
		if (!target) return say(closed, "No jump to go back to yet");
		return goTo(closed, reachPlace(reading.opened.document, target), here);
	}),
	"place.elsewhere": readerCommand((reading, { view }) => {
		const { elsewhere, ...rest } = cleared(reading);
		if (!elsewhere) return say(rest, "No other device has moved since this opened");
		return goTo(rest, reachPlace(reading.opened.document, elsewhere.place), hereOf(reading, view));
	}),
} satisfies Partial<Record<CommandId, Handler>>;
