// The side panel: the notes that belong to the page, wrapped, scrollable, with a border and title.

import { Box, Text } from "ink";
import { wrapWithOffsets } from "../../core/layout.js";
import type { Note, Story } from "../../core/story.js";
import { theme } from "../theme.js";

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
}

/** The panel's lines for some notes at an inner width (labels, then wrapped note text). */
export function panelLines(story: Story, notes: Note[], width: number, current: boolean): PanelLine[] {
	const lines: PanelLine[] = [];
	for (const note of notes) {
		if (lines.length > 0) lines.push({ text: "", kind: "gap" });
		const where = current ? KIND_NAMES[note.kind] : `From ${story.chapters[note.chapter]?.title ?? "earlier"}`;
		lines.push({ text: where.slice(0, width), kind: "label" });
		for (const paragraph of note.text.split("\n")) {
			for (const piece of wrapWithOffsets(paragraph, width)) lines.push({ text: piece.text, kind: "body" });
		}
	}
	return lines;
}

export interface NotesPanelProps {
	lines: PanelLine[];
	width: number;
	height: number;
	scroll: number;
	current: boolean;
}

export function NotesPanel({ lines, width, height, scroll, current }: NotesPanelProps) {
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
					{line.text || " "}
				</Text>
			))}
			{more ? <Text color={theme.dim}>{"↓ J for more"}</Text> : null}
		</Box>
	);
}
