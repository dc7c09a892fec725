// The one-line status bar: title · chapter · page N of M · percent · time left, or a message.

import { Box, Text } from "ink";
import type { StatusParts } from "../../core/status.js";
import { theme } from "../theme.js";

export interface StatusBarProps {
	parts: StatusParts;
	width: number;
	message?: string;
	/** Shown first in the usual style, e.g. "match 3 of 41" (the title and time left make room for it). */
	info?: string;
	/** Shown when the panel is hidden and the page has notes, e.g. "✎ 2 notes". */
	notesHint?: string;
}

export function statusLine(parts: StatusParts, notesHint?: string): string {
	return [parts.title, parts.chapter, parts.pages, parts.percent, parts.timeLeft, notesHint]
		.filter(Boolean)
		.join(" · ");
}

/** The info, then where the page is; the chapter title goes first when the line is too long. */
export function infoLine(parts: StatusParts, info: string, width: number): string {
	const full = [info, parts.chapter, parts.pages, parts.percent].filter(Boolean).join(" · ");
	return full.length + 2 <= width ? full : [info, parts.pages, parts.percent].join(" · ");
}

export function StatusBar({ parts, width, message, info, notesHint }: StatusBarProps) {
	const text = message
		? `${message}  ·  ${parts.pages} · ${parts.percent}`
		: info
			? infoLine(parts, info, width)
			: statusLine(parts, notesHint);
	return (
		<Box width={width} height={1}>
			<Text color={message ? theme.warning : theme.statusText} inverse={!message} wrap="truncate-end">
				{` ${text} `.padEnd(width)}
			</Text>
		</Box>
	);
}
