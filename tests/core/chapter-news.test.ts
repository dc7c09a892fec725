// Which chapters of an update are new or revised, and what the reader is told of them.

import { describe, expect, it } from "vitest";
import {
	type ChapterPrint,
	compareChapters,
	firstNewChapter,
	newsText,
	sinceText,
} from "../../source/core/chapter-news.js";

const chapter = (title: string, fingerprint: string): ChapterPrint => ({ title, fingerprint });
const TWO = [chapter("Chapter 1: Salt", "aaa"), chapter("Chapter 2: Lanterns", "bbb")];

describe("comparing chapters with the ones the reader had", () => {
	it("finds nothing new in the same chapters", () => {
		const news = compareChapters(TWO, TWO);
		expect(news).toEqual({ states: ["seen", "seen"], added: 0, revised: 0 });
		expect(newsText(news)).toBeUndefined();
		expect(sinceText(news)).toBeUndefined();
	});

	it("finds a chapter added at the end", () => {
		const news = compareChapters(TWO, [...TWO, chapter("Chapter 3: Bell", "ccc")]);
		expect(news.states).toEqual(["seen", "seen", "new"]);
		expect(newsText(news)).toBe("1 new chapter");
		expect(sinceText(news)).toBe("1 new chapter since you last read");
		expect(firstNewChapter(news, 1)).toBe(2);
	});

	it("knows chapters by their text when one is inserted before them and they are renumbered", () => {
		const now = [
			chapter("Chapter 1: Prologue", "ppp"),
			chapter("Chapter 2: Salt", "aaa"),
			chapter("Chapter 3: Lanterns", "bbb"),
			chapter("Chapter 4: Bell", "ccc"),
		];
		const news = compareChapters(TWO, now);
		expect(news.states).toEqual(["new", "seen", "seen", "new"]);
		expect(sinceText(news)).toBe("2 new chapters since you last read");
		// A reader who had finished chapter 2 (now the third) goes on at the new chapter after it.
		expect(firstNewChapter(news, 2)).toBe(3);
		expect(firstNewChapter(news, 3)).toBe(0);
	});

	it("calls a chapter whose text changed under the same title revised, even renumbered", () => {
		const now = [chapter("Chapter 1: Prologue", "ppp"), chapter("Chapter 2: Salt", "a2"), TWO[1] as ChapterPrint];
		const news = compareChapters(TWO, now);
		expect(news.states).toEqual(["new", "revised", "seen"]);
		expect(newsText(news)).toBe("1 new chapter, updated");
		expect(sinceText(news)).toBe("1 new chapter, 1 updated since you last read");
		expect(sinceText(compareChapters(TWO, [TWO[0] as ChapterPrint, chapter("Chapter 2: Lanterns", "b2")]))).toBe(
			"1 chapter updated since you last read",
		);
	});

	it("counts several new chapters, and none when chapters were only taken away", () => {
		const three = [...TWO, chapter("Chapter 3: Bell", "ccc"), chapter("Chapter 4: Drift", "ddd")];
		expect(newsText(compareChapters(TWO, three))).toBe("2 new chapters");
		expect(compareChapters(three, TWO)).toEqual({ states: ["seen", "seen"], added: 0, revised: 0 });
	});
});
