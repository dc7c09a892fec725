// The side panel: the notes that belong to the page, wrapped, scrollable, with a border and title.

import { Box, Text } from "ink";
import { memo } from "react";
import wrapAnsi from "wrap-ansi";
import type { Highlight } from "../../core/highlight.js";
import { wrapWithOffsets } from "../../core/layout.js";
import type { Note, Story } from "../../core/story.js";
import { fitCells } from "../../core/text-width.js";
import { markedText } from "../marked-text.js";
import { type Styler, useStyler } from "../styled.js";
import { type Theme, useTheme } from "../theme.js";

const KIND_NAMES: Record<Note["kind"], string> = {
	head: "Before the chapter",
	tail: "After the chapter",
	inline: "In the text",
	chapter: "Chapter note",
	metadata: "Story info",
};

export interface PanelLine {
	text: string;
	kind: "label" | "body" | "gap";
	/** Body lines: which of the notes the line is from, and where it starts in that note's text. */
	note?: number;
	start?: number;
}

/** The panel's lines for some notes at an inner width (labels, then wrapped note text). */
export function panelLines(story: Story, notes: Note[], width: number, current: boolean): PanelLine[] {
	const lines: PanelLine[] = [];
	notes.forEach((note, index) => {
		if (lines.length > 0) lines.push({ text: "", kind: "gap" });
		const where = current ? KIND_NAMES[note.kind] : `From ${story.chapters[note.chapter]?.title ?? "earlier"}`;
		// Cut by cells with an ellipsis: a chapter title in CJK is two cells a character.
		lines.push({ text: fitCells(where, width).trimEnd(), kind: "label" });
		let offset = 0;
		for (const paragraph of note.text.split("\n")) {
			for (const piece of wrapWithOffsets(paragraph, width))
				lines.push({ text: piece.text, kind: "body", note: index, start: offset + piece.start });
			offset += paragraph.length + 1;
		}
	});
	return lines;
}

export interface NotesPanelProps {
	lines: PanelLine[];
	width: number;
	height: number;
	scroll: number;
	current: boolean;
	/** Search matches in the notes, per line of `lines`. */
	highlights?: Highlight[][];
}

/**
 * The visible lines as one string of styled lines: what one <Text> per line would draw (a line with
 * a tab has it expanded as Ink expands a Text's tabs, line by line).
 */
function bodyText(
	lines: PanelLine[],
	current: boolean,
	theme: Theme,
	styled: Styler,
	highlights: Highlight[][] | undefined,
): string {
	return lines
		.map((line, index) => {
			const marks = highlights?.[index];
			const text = marks?.length ? markedText(line.text, undefined, marks, theme, styled) : line.text || " ";
			const label = line.kind === "label";
			const drawn = styled(text, { dimColor: !current, bold: label, color: label ? theme.accent : undefined });
			return drawn.includes("\t") ? wrapAnsi(drawn, Number.POSITIVE_INFINITY, { trim: false }) : drawn;
		})
		.join("\n");
}

/** Drawn again only when its lines or place change: page after page of a chapter shows the same note. */
export const NotesPanel = memo(function NotesPanel({
	lines,
	width,
	height,
	scroll,
	current,
	highlights,
}: NotesPanelProps) {
	const theme = useTheme();
	const styled = useStyler();
	// Two border rows and the title row.
	const inner = Math.max(1, height - 3);
	const top = Math.max(0, Math.min(scroll, lines.length - inner));
	const visible = lines.slice(top, top + inner);
	const more = top + inner < lines.length;
	if (more) visible.pop();
	const title = lines.length === 0 ? "No notes" : current ? "Author's notes" : "Earlier note";
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={theme.border}
			paddingX={1}
			overflow="hidden"
		>
			<Text color={theme.accent} bold wrap="truncate">
				{title}
			</Text>
			{visible.length > 0 ? <Text>{bodyText(visible, current, theme, styled, highlights?.slice(top))}</Text> : null}
			{more ? <Text color={theme.dim}>{"↓ J for more"}</Text> : null}
		</Box>
	);
});
