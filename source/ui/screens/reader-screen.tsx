// The reader's screen: the page with its notes panel, or an overlay or list over it, and the bottom line.

import { Box } from "ink";
import { useMemo } from "react";
import { noteLineHighlights } from "../../core/highlight.js";
import type { ReaderScreen as Model } from "../../core/reader/screen.js";
import { HelpOverlay } from "../components/help-overlay.js";
import { InfoOverlay } from "../components/info-overlay.js";
import { ListOverlay } from "../components/list-overlay.js";
import { NotesOverlay } from "../components/notes-overlay.js";
import { NotesPanel, panelLines } from "../components/notes-panel.js";
import { PromptBar } from "../components/prompt-bar.js";
import { ReadingPane } from "../components/reading-pane.js";
import { StatusBar } from "../components/status-bar.js";

function Page({ model }: { model: Model }) {
	const { geometry, story, page, panel } = model;
	const panelText = useMemo(
		() =>
			geometry.panelWidth > 0
				? panelLines(story, panel.notes, Math.max(1, geometry.panelWidth - 4), panel.current)
				: [],
		[story, panel, geometry.panelWidth],
	);
	const matches = model.noteMatches;
	const noteHighlights = matches
		? noteLineHighlights(panelText, (index) => (panel.notes[index] ? matches(panel.notes[index]) : []))
		: undefined;
	return (
		<Box flexDirection="row" height={geometry.textHeight}>
			<ReadingPane
				lines={page.lines}
				width={geometry.textWidth}
				height={geometry.textHeight}
				leftPad={geometry.leftPad}
				{...(model.highlights ? { highlights: model.highlights } : {})}
			/>
			{geometry.panelWidth > 0 ? (
				<Box flexGrow={1} justifyContent="flex-end">
					<NotesPanel
						lines={panelText}
						{...(noteHighlights ? { highlights: noteHighlights } : {})}
						width={geometry.panelWidth}
						height={geometry.textHeight}
						scroll={model.panelScroll}
						current={panel.current}
					/>
				</Box>
			) : null}
		</Box>
	);
}

function Body({ model, columns }: { model: Model; columns: number }) {
	const height = model.geometry.textHeight;
	if (model.help) return <HelpOverlay rows={model.help} width={columns} height={height} scroll={model.overlayScroll} />;
	if (model.overlay === "info" && model.infoStory)
		return <InfoOverlay story={model.infoStory} width={columns} height={height} scroll={model.overlayScroll} />;
	if (model.list) return <ListOverlay {...model.list} width={columns} height={height} />;
	if (model.overlay === "notes") {
		const { panel } = model;
		const lines = panelLines(model.story, panel.notes, Math.max(10, columns - 4), panel.current);
		return <NotesOverlay lines={lines} width={columns} height={height} current={panel.current} />;
	}
	return <Page model={model} />;
}

/** Under 90 columns the panel is hidden: the status bar says when the page has notes. */
function notesHint(model: Model): string | undefined {
	const { panel } = model;
	if (model.geometry.panelWidth > 0 || !panel.current || panel.notes.length === 0) return undefined;
	return `✎ ${panel.notes.length} ${panel.notes.length === 1 ? "note" : "notes"} (a)`;
}

export function ReaderScreen({ model, columns, rows }: { model: Model; columns: number; rows: number }) {
	const hint = notesHint(model);
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Body model={model} columns={columns} />
			{model.prompt ? (
				<PromptBar {...model.prompt} width={columns} />
			) : (
				<StatusBar
					parts={model.status}
					width={columns}
					{...(model.message ? { message: model.message } : {})}
					{...(model.info ? { info: model.info } : {})}
					{...(hint ? { notesHint: hint } : {})}
				/>
			)}
		</Box>
	);
}
