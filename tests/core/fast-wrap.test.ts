import { describe, expect, it } from "vitest";
import wrapAnsi from "wrap-ansi";
import { fastWrap } from "../../source/core/fast-wrap.js";

const FIXED = [
	"Every evening at the ninth bell, Maren Holt climbed the ninety-one steps of the harbour tower with a tin of oil.",
	"“You’re late,” said a voice behind her—though she didn’t turn. ‘The bell is early,’ she said – and it was…",
	"はなが北の小さな町に引っ越してきたのは、十二月のはじめのことだった。駅を出たとたん、まつげに雪がとまって、世界がまっ白に見えた。",
	"港口的雨下了一整夜，她一个一个地数着箱子，一个、两个、三个……直到天亮。",
	"Snow ❄️ fell on the 👩‍👩‍👧 family; 🇯🇵 flags flapped, 👍🏽 thumbs went up ✎ and café, naïve, Zoë.",
	`Before ${"abcdefghijklmnopqrstuvwxyz".repeat(40)} after the word.`,
	"double  spaces   here and  there ",
	"  leading spaces",
	"a",
	"x".repeat(80),
	"word ".repeat(50),
	"Nell wrote 雪の手紙 on the envelope, then 北村しずく underneath.",
	"e\u0301 combining and 한국어 hangul and ﻿zero\u200bwidth",
];

const PIECES = [
	"the",
	"harbour",
	"“light”",
	"—",
	"雪の手紙",
	"港口的雨",
	"❄️",
	"👍🏽",
	"café",
	"",
	"a",
	"x".repeat(45),
	"’s",
	"…",
];

/** Deterministic random paragraphs mixing scripts, emoji, long words and double spaces. */
function randomParagraph(seed: number): string {
	let state = seed;
	const next = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const words = Array.from({ length: 5 + Math.floor(next() * 60) }, () => PIECES[Math.floor(next() * PIECES.length)]);
	return words.join(" ");
}

const reference = (text: string, width: number) =>
	wrapAnsi(text, width, { hard: true, trim: true, wordWrap: true }).split("\n");

describe("fast wrapper against wrap-ansi (the reference)", () => {
	it.each([1, 2, 3, 5, 10, 30, 40, 80, 120, 200])("gives the same rows at width %i", (width) => {
		// Layout text is NFC already (the parsers normalise it); wrap-ansi normalises its input too.
		const texts = [...FIXED, ...Array.from({ length: 60 }, (_, index) => randomParagraph(index + width * 1000))].map(
			(text) => text.normalize("NFC"),
		);
		for (const text of texts) {
			const rows = fastWrap(text, width);
			expect(
				rows.map((row) => row.text),
				text,
			).toEqual(reference(text, width));
			for (const row of rows) expect(text.startsWith(row.text, row.start)).toBe(true);
		}
	});
});
