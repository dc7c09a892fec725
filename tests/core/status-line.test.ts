// The status bar's line in terminal cells: what is dropped first, CJK measured by width, cut to fit.

import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { statusText } from "../../source/core/status-line.js";
import { fitCells } from "../../source/core/text-width.js";

const parts = {
	title: "Salt and Static",
	chapter: "Chapter Two - Interference",
	pages: "page 5 of 14",
	percent: "33%",
	timeLeft: "4 min left in chapter",
};

describe("the status line", () => {
	it("keeps everything when it fits", () => {
		expect(statusText(parts, 200, { notesHint: "✎ 2 notes (a)" })).toBe(
			"Salt and Static · Chapter Two - Interference · page 5 of 14 · 33% · 4 min left in chapter · ✎ 2 notes (a)",
		);
	});

	it.each([60, 70, 80, 88])("keeps the notes hint, the page and the percent at %i columns", (room) => {
		const line = statusText(parts, room, { notesHint: "✎ 3 notes (a)" });
		expect(stringWidth(line)).toBeLessThanOrEqual(room);
		for (const part of ["✎ 3 notes (a)", "page 5 of 14", "33%"]) expect(line).toContain(part);
	});

	it("drops the time left first, then the title, then the chapter", () => {
		expect(statusText(parts, 80)).toBe("Salt and Static · Chapter Two - Interference · page 5 of 14 · 33%");
		expect(statusText(parts, 60)).toBe("Chapter Two - Interference · page 5 of 14 · 33%");
		expect(statusText(parts, 30)).toBe("page 5 of 14 · 33%");
	});

	it("measures CJK titles in cells, not characters", () => {
		const japanese = { ...parts, title: "雪の手紙", chapter: "第一章　冬の朝のこと、そして長い手紙" };
		// 19 characters but 38 cells: by length it would fit in 60, by width it does not.
		const line = statusText(japanese, 60);
		expect(stringWidth(line)).toBeLessThanOrEqual(60);
		expect(line).not.toContain("4 min left");
	});

	it("fits text to a number of cells, cutting with … and padding", () => {
		expect(fitCells("雪の手紙", 5)).toBe("雪の…");
		expect(stringWidth(fitCells("雪の手紙", 5))).toBe(5);
		expect(fitCells("abc", 5)).toBe("abc  ");
		expect(stringWidth(fitCells("長い長い長い題名", 9))).toBe(9);
	});
});
