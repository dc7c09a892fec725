// The one-line status bar: title · chapter · page N of M · percent · time left, or a message.

import { Box, Text } from "ink";
import type { StatusParts } from "../../core/status.js";
import { statusText } from "../../core/status-line.js";
import { fitCells } from "../../core/text-width.js";
import { useTheme } from "../theme.js";

export interface StatusBarProps {
	parts: StatusParts;
	width: number;
	message?: string;
	/** Shown first in the usual style, e.g. "match 3 of 41" (the title and time left make room for it). */
	info?: string;
	/** Shown when the panel is hidden and the page has notes, e.g. "✎ 2 notes". */
	notesHint?: string;
}

export function StatusBar({ parts, width, message, info, notesHint }: StatusBarProps) {
	const theme = useTheme();
	const room = Math.max(1, width - 2);
	const text = message
		? `${message}  ·  ${parts.pages} · ${parts.percent}`
		: statusText(parts, room, { ...(info ? { info } : {}), ...(notesHint ? { notesHint } : {}) });
	return (
		<Box width={width} height={1}>
			<Text color={message ? theme.warning : theme.statusText} inverse={!message} wrap="truncate-end">
				{` ${fitCells(text, room)} `}
			</Text>
		</Box>
	);
}
