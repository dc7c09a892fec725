// The side panel: the notes that belong to the page, wrapped, scrollable, with a border and title.

import { Box, Text } from "ink";
import type { Highlight } from "../../core/highlight.js";
import { wrapWithOffsets } from "../../core/layout.js";
import type { Note, Story } from "../../core/story.js";
import { fitCells } from "../../core/text-width.js";
import { useTheme } from "../theme.js";
import { MarkedText } from "./marked-text.js";

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

export function NotesPanel({ lines, width, height, scroll, current, highlights }: NotesPanelProps) {
	const theme = useTheme();
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
			{visible.map((line, index) => (
				<Text
					key={index}
					dimColor={!current}
					bold={line.kind === "label"}
					color={line.kind === "label" ? theme.accent : undefined}
				>
					{highlights?.[top + index]?.length ? (
						<MarkedText text={line.text} highlights={highlights[top + index]} />
					) : (
						line.text || " "
					)}
				</Text>
			))}
			{more ? <Text color={theme.dim}>{"↓ J for more"}</Text> : null}
		</Box>
	);
}
