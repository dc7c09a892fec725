import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { isStandalone, standaloneWidth, textWidth } from "../../source/core/text-width.js";

const segmenter = new Intl.Segmenter();
const graphemes = (text: string) => Array.from(segmenter.segment(text)).length;

const standaloneCodes: number[] = [];
for (let code = 0; code < 0x10000; code++) if (isStandalone(code)) standaloneCodes.push(code);

describe("standalone characters", () => {
	it("cover the blocks stories are written in", () => {
		expect(standaloneCodes.length).toBeGreaterThan(40_000);
		for (const char of "é’“—…中あ한ｱ─│╭·↑▸✎") expect(isStandalone(char.charCodeAt(0))).toBe(true);
		for (const char of "\u0301\u200d\ufe0f\u1100\u3099\t\n\u001b⌚")
			expect(isStandalone(char.charCodeAt(0))).toBe(false);
	});

	it("each measures exactly as string-width measures it", () => {
		const wrong = standaloneCodes.filter((code) => standaloneWidth(code) !== stringWidth(String.fromCharCode(code)));
		expect(wrong.map((code) => code.toString(16))).toEqual([]);
	});

	it("each is a grapheme of its own whatever stands before or after it", () => {
		// Grapheme rules join a pair only through the second character (marks, joiners), the first
		// (prepend) or both (jamo, regional indicators): these three pairs cover every case.
		const joined = standaloneCodes.filter((code) => {
			const char = String.fromCharCode(code);
			return graphemes(`${char}a`) !== 2 || graphemes(`a${char}`) !== 2 || graphemes(char + char) !== 2;
		});
		expect(joined.map((code) => code.toString(16))).toEqual([]);
	});
});

describe("textWidth", () => {
	const samples = [
		"",
		"plain ASCII",
		"“You’re late,” she said—and it was…",
		"港口的雨下了一整夜，她一个一个地数着箱子",
		"╭────╮ │ page 3 of 9 · 12% │",
		"café naïve e\u0301 combining",
		"emoji ❄️ 👩‍👩‍👧 🇯🇵 👍🏽 ⌚",
		"한국어 and jamo \u1100\u1161",
		"\u001b[1mbold\u001b[22m “quoted”",
		"\u001b[36m\u001b[1mChapter 2\u001b[22m\u001b[39m \u001b[mreset\u001b[38;5;100m256\u001b[39m",
		"\u001b[3;1mcut short \u001b[3",
		"\u001b[?25l hidden cursor \u001b]8;;https://example.org\u0007link\u001b]8;;\u0007",
		"字\u001b[7m漢字\u001b[27m",
		"tab\tand\nnewline",
		"zero\u200bwidth\u00adsoft",
	];

	it("gives string-width's answer for every sample, with and without options", () => {
		for (const text of samples) {
			expect(textWidth(text), text).toBe(stringWidth(text));
			expect(textWidth(text, { countAnsiEscapeCodes: true }), text).toBe(
				stringWidth(text, { countAnsiEscapeCodes: true }),
			);
			expect(textWidth(text, { ambiguousIsNarrow: false }), text).toBe(stringWidth(text, { ambiguousIsNarrow: false }));
		}
	});

	it("gives string-width's answer for random text among colour codes", () => {
		const pieces = [
			"a",
			" ",
			"’",
			"字",
			"e\u0301",
			"😀",
			"\t",
			"\u001b[1m",
			"\u001b[22;31m",
			"\u001b[m",
			"\u001b[3",
			"\u001b[?7h",
			"[",
		];
		const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(""));
		fc.assert(
			fc.property(text, (sample) => textWidth(sample) === stringWidth(sample)),
			{ numRuns: 2000 },
		);
	});
});
