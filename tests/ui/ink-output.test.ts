// fic's frame buffer against Ink's own: for random writes, clips and transforms, both draw the same frame.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
// Ink's Output is not among its exports: the test reaches it by path, as the build's plugin does.
import InkOutput from "../../node_modules/ink/build/output.js";
import FicOutput from "../../source/ui/ink-output.js";

type Transformer = (line: string, index: number) => string;
type Step =
	| { kind: "write"; x: number; y: number; text: string; transformers: Transformer[] }
	| { kind: "clip"; x1?: number; x2?: number; y1?: number; y2?: number }
	| { kind: "unclip" };

/** Pieces of text as frames carry them: story text, marks, wide and combining characters, colour codes. */
const PIECES = [
	"a",
	"Lamp",
	" ",
	"  ",
	"’",
	"“quoted”",
	"—",
	"é",
	"e\u0301",
	"\u00ad",
	"\u200d",
	"字",
	"漢字",
	"😀",
	"👍🏽",
	"›",
	"│",
	"\n",
	"\t",
	"\r\n",
	"\x1b[31m",
	"\x1b[39m",
	"\x1b[1m",
	"\x1b[22m",
	"\x1b[2m",
	"\x1b[1;31m",
	"\x1b[0m",
	"\x1b[38;5;100m",
	"\x1b[48;2;1;2;3m",
	"\x1b[7m",
	"\x1b[27m",
	"\x1b[3m",
	"\x1b[23m",
	"\x1b[4m",
	"\x1b[24m",
	"\x1b[90m",
	"\x1b[38;2;28;28;28m",
	"\x1b[x",
	"\x1b]8;;https://example.org\x07",
	"\x1b]8;;\x07",
];

const TRANSFORMERS: Transformer[] = [
	(line) => `\x1b[2m${line}\x1b[22m`,
	(line) => `\x1b[33m${line}\x1b[39m`,
	(line, index) => (index % 2 === 0 ? line.toUpperCase() : line),
	(line) => `› ${line}`,
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(""));
const coordinate = fc.integer({ min: -4, max: 30 });
const maybe = fc.option(coordinate, { nil: undefined });
const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant("write" as const),
			x: coordinate,
			y: coordinate,
			text,
			transformers: fc.subarray(TRANSFORMERS),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({ kind: fc.constant("clip" as const), x1: maybe, x2: maybe, y1: maybe, y2: maybe }),
	},
	{ weight: 1, arbitrary: fc.constant({ kind: "unclip" as const }) },
);

interface OutputLike {
	write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
	clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
	unclip(): void;
	get(): { output: string; height: number };
}

function draw(output: OutputLike, steps: Step[]) {
	let open = 0;
	for (const step of steps) {
		if (step.kind === "write") output.write(step.x, step.y, step.text, { transformers: step.transformers });
		else if (step.kind === "clip") {
			const { kind: _, ...clip } = step;
			output.clip(clip);
			open++;
		} else if (open > 0) {
			output.unclip();
			open--;
		}
	}
	return output.get();
}

describe("fic's Ink output", () => {
	it("draws the same frame as Ink's for random writes, clips and transforms", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 30 }),
				fc.integer({ min: 1, max: 12 }),
				fc.array(step, { maxLength: 12 }),
				(width, height, steps) => {
					const ours = draw(new FicOutput({ width, height }), steps);
					const inks = draw(new InkOutput({ width, height }) as unknown as OutputLike, steps);
					expect(ours).toEqual(inks);
				},
			),
			{ numRuns: 3000 },
		);
	});

	it("draws a page of story text, clipped to its column, as Ink does", () => {
		const page = Array.from(
			{ length: 28 },
			(_, row) => `“Line ${row}” — she said, and the lamp’s light fell. ${"x".repeat(row)}`,
		);
		const frame = (output: OutputLike) => {
			output.clip({ x1: 2, x2: 70, y1: 0, y2: 29 });
			output.write(2, 0, page.join("\n"), { transformers: [] });
			output.unclip();
			output.write(0, 29, "page 1 of 9", { transformers: [TRANSFORMERS[0] as Transformer] });
			return output.get();
		};
		const ours = frame(new FicOutput({ width: 100, height: 30 }));
		expect(ours).toEqual(frame(new InkOutput({ width: 100, height: 30 }) as unknown as OutputLike));
		expect(ours.output.split("\n")[3]).toBe(`  ${page[3]}`);
	});
});
