// fic's sanitizeAnsi against Ink's own: for random text among escape codes, both give the same string.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
// Ink's sanitizeAnsi is not among its exports: the test reaches it by path, as the build's plugin does.
import inkSanitize from "../../node_modules/ink/build/sanitize-ansi.js";
import ficSanitize from "../../source/ui/ink-sanitize.js";

const PIECES = [
	"a",
	"Lamp",
	" ",
	"’",
	"字",
	"e\u0301",
	"\u0301",
	"\u00ad",
	"\u0007",
	"\u0085",
	"\u007f",
	"😀",
	"\n",
	"\t",
	"\r",
	"\x1b[1m",
	"\x1b[22;31m",
	"\x1b[m",
	"\x1b[38:5:100m",
	"\x1b[2J",
	"\x1b[?25l",
	"\x1b[3",
	"\x1b]8;;https://example.org\x07",
	"\x1b",
	"[",
];

describe("fic's sanitizeAnsi", () => {
	it("cleans random text exactly as Ink's does", () => {
		const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join(""));
		fc.assert(
			fc.property(text, (sample) => {
				expect(ficSanitize(sample)).toBe(inkSanitize(sample));
			}),
			{ numRuns: 5000 },
		);
	});

	it("returns a styled page as it is, without Ink's tokenizer", () => {
		const page = "\x1b[1m\x1b[36mChapter 2\x1b[39m\x1b[22m\n“Lamp,” she said.\n\x1b[3mquiet\x1b[23m";
		expect(ficSanitize(page)).toBe(page);
		expect(inkSanitize(page)).toBe(page);
	});
});
