// The page and the notes panel drawn as one styled Text each give the same frame, byte for byte, as
// one Ink <Text> per line and styled part (how fic drew them before), for random lines and themes.

import chalk from "chalk";
import fc from "fast-check";
import { Box, renderToString, Text } from "ink";
import { Fragment } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import wrapAnsi from "wrap-ansi";
import { type Highlight, lineParts } from "../../source/core/highlight.js";
import type { Line, LineRole } from "../../source/core/layout.js";
import { textWidth } from "../../source/core/text-width.js";
import { NotesPanel, type PanelLine } from "../../source/ui/components/notes-panel.js";
import { ReadingPane } from "../../source/ui/components/reading-pane.js";
import { type Theme, ThemeContext, themeFor } from "../../source/ui/theme.js";

// The test run turns colour off (FORCE_COLOR=0): with it off both would be plain text.
const level = chalk.level;
beforeAll(() => {
	chalk.level = 3;
});
afterAll(() => {
	chalk.level = level;
});

/** The reference: styled parts as one <Text> each, as fic's MarkedText drew them. */
function Parts({
	text,
	emphasis,
	highlights,
	theme,
}: {
	text: string;
	emphasis?: Array<[number, number]>;
	highlights?: Highlight[];
	theme: Theme;
}) {
	return lineParts(text, emphasis, highlights).map((part, index) =>
		part.match === "none" ? (
			<Text key={index} italic={part.italic}>
				{part.text}
			</Text>
		) : (
			<Text
				key={index}
				italic={part.italic}
				inverse
				bold={part.match === "current"}
				underline={part.match === "current"}
				color={part.match === "current" ? theme.currentMatch : theme.match}
			>
				{part.text}
			</Text>
		),
	);
}

/** The reference page: one <Text> per line inside the page's Text. */
function OldLine({ line, highlights, theme }: { line: Line; highlights: Highlight[] | undefined; theme: Theme }) {
	if (line.role === "break") return <Text color={theme.dim}>{line.text}</Text>;
	if (line.role === "note" && !highlights?.length)
		return (
			<Text color={theme.dim} dimColor={!theme.dim}>
				{line.text}
			</Text>
		);
	const heading = line.role === "heading";
	if (!line.emphasis && !highlights?.length)
		return (
			<Text bold={heading} color={heading ? theme.heading : theme.text}>
				{line.text || " "}
			</Text>
		);
	return (
		<Text bold={heading} color={heading ? theme.heading : theme.text}>
			<Parts
				text={line.text}
				{...(line.emphasis ? { emphasis: line.emphasis } : {})}
				{...(highlights ? { highlights } : {})}
				theme={theme}
			/>
		</Text>
	);
}

function OldPage({
	lines,
	highlights,
	theme,
	width,
	height,
}: {
	lines: Line[];
	highlights?: Highlight[][];
	theme: Theme;
	width: number;
	height: number;
}) {
	const gutter = highlights ? 1 : 0;
	const mark = (marks: Highlight[] | undefined) => (!marks?.length ? " " : marks.some((m) => m.current) ? "»" : "›");
	return (
		<Box width={width + 2} height={height} paddingLeft={2 - gutter} overflow="hidden">
			<Text>
				{lines.map((line, index) => (
					<Fragment key={index}>
						{index > 0 ? "\n" : ""}
						{gutter ? mark(highlights?.[index]) : ""}
						<OldLine line={line} highlights={highlights?.[index]} theme={theme} />
					</Fragment>
				))}
			</Text>
		</Box>
	);
}

const WORDS = [
	"the",
	"lamp",
	"“lit,”",
	"she",
	"said—",
	"雪",
	"café",
	"e\u0301",
	"soft\u00adhyphen",
	"tab\there",
	"  ",
	"’",
];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((words) => words.join(" "));
const ranges = (length: number) =>
	fc.array(
		fc.tuple(fc.nat(length), fc.nat(length)).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]),
		{ maxLength: 2 },
	);
const ROLES: LineRole[] = ["text", "quote", "heading", "break", "blank", "note"];
const line = text.chain((content) =>
	fc.record({
		text: fc.constant(content),
		role: fc.constantFrom(...ROLES),
		emphasis: fc.option(ranges(content.length), { nil: undefined }),
		highlights: fc.option(
			ranges(content.length).chain((spans) =>
				fc
					.tuple(...spans.map(() => fc.boolean()))
					.map((current) => spans.map(([start, end], index) => ({ start, end, current: current[index] ?? false }))),
			),
			{ nil: undefined },
		),
	}),
);
const THEMES: Theme[] = [
	themeFor(undefined, {}),
	themeFor({ base: "light", colours: {} }, {}),
	themeFor(undefined, { NO_COLOR: "1" }),
	themeFor({ base: "dark", colours: { text: "#abc", heading: "blueBright", dim: "grey", accent: "#870087" } }, {}),
];

/** Checks `check` for random lists of `items` (up to `most`), a theme, and a flag. */
function forEveryTheme<T>(
	items: fc.Arbitrary<T>,
	most: number,
	check: (drawn: T[], theme: Theme, flag: boolean) => void,
) {
	fc.assert(fc.property(fc.array(items, { maxLength: most }), fc.constantFrom(...THEMES), fc.boolean(), check), {
		numRuns: 400,
	});
}

describe("one styled Text for the page and for the panel", () => {
	it("draws the page as one Text per line and part would", () => {
		forEveryTheme(line, 10, (drawn, theme, searching) => {
			const lines: Line[] = drawn.map((entry, index) => ({
				block: index,
				start: 0,
				text: entry.text,
				role: entry.role,
				...(entry.emphasis?.length ? { emphasis: entry.emphasis } : {}),
			}));
			const highlights = searching ? drawn.map((entry) => entry.highlights ?? []) : undefined;
			const view = { width: 40, height: 12 };
			const ours = renderToString(
				<ThemeContext value={theme}>
					<ReadingPane
						lines={lines}
						width={view.width}
						height={view.height}
						leftPad={2}
						{...(highlights ? { highlights } : {})}
					/>
				</ThemeContext>,
				{ columns: 60 },
			);
			const reference = renderToString(
				<OldPage
					lines={lines}
					theme={theme}
					width={view.width}
					height={view.height}
					{...(highlights ? { highlights } : {})}
				/>,
				{
					columns: 60,
				},
			);
			expect(ours).toBe(reference);
		});
	});

	it("draws the panel's lines as one Text per line would", () => {
		// The panel's lines are wrapped to its inner width (panelLines does it): 30 - 2 borders - 2 padding,
		// tabs expanded as Ink expands them.
		const expanded = (line: string) => wrapAnsi(line, Number.POSITIVE_INFINITY, { trim: false });
		const fits = text.filter((candidate) => textWidth(expanded(candidate)) <= 26);
		const panelLine = fc.record({ text: fits, kind: fc.constantFrom<PanelLine["kind"]>("label", "body", "gap") });
		forEveryTheme(panelLine, 8, (lines, theme, current) => {
			const ours = renderToString(
				<ThemeContext value={theme}>
					<NotesPanel lines={lines} width={30} height={12} scroll={0} current={current} />
				</ThemeContext>,
				{ columns: 40 },
			);
			const reference = renderToString(
				<Box
					flexDirection="column"
					width={30}
					height={12}
					borderStyle="round"
					borderColor={theme.border}
					paddingX={1}
					overflow="hidden"
				>
					<Text color={theme.accent} bold wrap="truncate">
						{lines.length === 0 ? "No notes" : current ? "Author's notes" : "Earlier note"}
					</Text>
					{lines.map((entry, index) => (
						<Text
							key={index}
							dimColor={!current}
							bold={entry.kind === "label"}
							color={entry.kind === "label" ? theme.accent : undefined}
						>
							{entry.text || " "}
						</Text>
					))}
				</Box>,
				{ columns: 40 },
			);
			expect(ours).toBe(reference);
		});
	});
});
