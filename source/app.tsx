// The app: holds the reader and library state, the one key handler, and the save effect.

import { dirname } from "node:path";
import { Box, useApp, useInput } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { StoryWindow } from "./core/document.js";
import { screenGeometry } from "./core/geometry.js";
import { type CommandId, resolveCommand } from "./core/keymap.js";
import { type LibraryRow, sortLibrary } from "./core/library-rows.js";
import { readMarks } from "./core/marks.js";
import type { PageCounter } from "./core/page-count.js";
import { pageAt } from "./core/paginate.js";
import { notesForPage } from "./core/panel-notes.js";
import { initialReaderState, readerReducer, recordsJump } from "./core/reader-state.js";
import { placeOf, restorePlace } from "./core/resume.js";
import { readPercent, statusParts } from "./core/status.js";
import type { Story } from "./core/story.js";
import { anchorToSource } from "./core/story.js";
import { jumpOutsideWindow, needsRecentre, remapAnchor } from "./core/window-moves.js";
import type { LibraryItem } from "./formats/library.js";
import type { OpenedStory } from "./formats/open-story.js";
import type { PositionSaver } from "./persistence/position-saver.js";
import type { ReadingStore } from "./persistence/reading-store.js";
import { HelpOverlay } from "./ui/components/help-overlay.js";
import { InfoOverlay } from "./ui/components/info-overlay.js";
import { LibraryView } from "./ui/components/library-view.js";
import { ListOverlay } from "./ui/components/list-overlay.js";
import { NotesOverlay } from "./ui/components/notes-overlay.js";
import { NotesPanel, panelLines } from "./ui/components/notes-panel.js";
import { PromptBar } from "./ui/components/prompt-bar.js";
import { ReadingPane } from "./ui/components/reading-pane.js";
import { StatusBar } from "./ui/components/status-bar.js";
import { TooSmall } from "./ui/components/too-small.js";
import { keyName } from "./ui/hooks/key-name.js";
import { useFinding } from "./ui/hooks/use-finding.js";
import { useKeyQueue } from "./ui/hooks/use-key-queue.js";
import { noteKeyPress, usePageCount } from "./ui/hooks/use-page-count.js";
import { type TerminalSize, useTerminalSize } from "./ui/hooks/use-terminal-size.js";

export type Start = { kind: "story"; opened: OpenedStory } | { kind: "library"; folder: string };

export interface AppProps {
	start: Start;
	store: ReadingStore;
	saver: PositionSaver;
	/** File access, injected so tests and the CLI decide where stories come from. */
	openStory: (path: string) => OpenedStory;
	scanLibrary: (folder: string) => LibraryItem[];
	size?: TerminalSize;
}

interface Reading {
	opened: OpenedStory;
	/** The part of the story around the reading position (all of it, for short stories). */
	window: StoryWindow;
}

/** Open at the saved place: the window around it, and the anchor found by offset and snippet. */
function resume(opened: OpenedStory, store: ReadingStore, message?: string) {
	const record = store.find(opened.fingerprint, opened.path);
	// Only the piece holding the place is read before the first screen; the window grows after it.
	const window = opened.document.windowAround(record?.sourceOffset ?? 0, 0);
	const anchor = record ? restorePlace(window.story, record) : { block: 0, offset: 0 };
	const state = initialReaderState(anchor, store.settings(), message, readMarks(record?.marks));
	return { reading: { opened, window }, state };
}

/**
 * The story as the info overlay shows it: a long text story is read in pieces, so its words are
 * the first piece's rate scaled to the file (as in the library) and its chapters come from the window.
 */
function storyForInfo({ opened, window }: Reading, counter: PageCounter | undefined): Story {
	const { document } = opened;
	if (document.cellCount === 1) return window.story;
	const first = document.cell(0);
	const scale = document.size / Math.max(1, first.blocks.at(-1)?.end ?? 1);
	const chapters = counter?.done ? String(counter.contents().length) : "still counting";
	const info = { ...window.story.info, stats: { ...window.story.info?.stats, Chapters: chapters } };
	return { ...window.story, wordCount: Math.round(first.wordCount * scale), info };
}

function libraryRows(items: LibraryItem[], store: ReadingStore): LibraryRow[] {
	return sortLibrary(
		items.map((item) => {
			const record = store.find(item.fingerprint, item.path);
			const row: LibraryRow = {
				path: item.path,
				title: item.title,
				words: item.words,
				percent: record?.percent ?? 0,
			};
			if (item.author) row.author = item.author;
			if (record) row.lastRead = record.lastRead;
			return row;
		}),
	);
}

export function App({ start, store, saver, openStory, scanLibrary, size }: AppProps) {
	const { exit } = useApp();
	const terminal = useTerminalSize(size);
	const [initial] = useState(() =>
		start.kind === "story" ? resume(start.opened, store, store.takeWarning()) : undefined,
	);
	const [reading, setReading] = useState<Reading | undefined>(initial?.reading);
	const opened = reading?.opened;
	const [folder, setFolder] = useState(start.kind === "library" ? start.folder : dirname(opened?.path ?? "."));
	const [screen, setScreen] = useState<"reader" | "library">(start.kind === "story" ? "reader" : "library");
	const [reader, dispatch] = useReducer(
		readerReducer,
		undefined,
		() => initial?.state ?? initialReaderState({ block: 0, offset: 0 }, store.settings()),
	);
	const [selected, setSelected] = useState(0);
	const [libraryMessage, setLibraryMessage] = useState<string | undefined>(() =>
		start.kind === "library" ? store.takeWarning() : undefined,
	);
	const rows = useMemo(
		() => (screen === "library" ? libraryRows(scanLibrary(folder), store) : []),
		[screen, folder, scanLibrary, store],
	);

	const geometry = screenGeometry(terminal.columns, terminal.rows, reader.panelOpen, reader.measure);
	const view = useMemo(
		() => ({ width: geometry.textWidth, height: geometry.textHeight }),
		[geometry.textWidth, geometry.textHeight],
	);
	const story = reading?.window.story;
	const page = useMemo(() => (story ? pageAt(story, reader.anchor, view) : undefined), [story, reader.anchor, view]);
	const counter = usePageCount(opened?.document, view, reader.mode === "contents");
	const setWindow = useCallback(
		(window: StoryWindow) => setReading((current) => (current ? { ...current, window } : current)),
		[],
	);
	const finding = useFinding({
		document: opened?.document,
		window: reading?.window,
		setWindow,
		page,
		view,
		narrow: geometry.narrow,
		counter,
		reader,
		dispatch,
	});

	// In a long story, keep the reading position in the middle piece of its window.
	useEffect(() => {
		if (!reading || !page) return;
		const { document } = reading.opened;
		if (!needsRecentre(document, reading.window, anchorToSource(reading.window.story, page.top))) return;
		const window = document.windowAround(anchorToSource(reading.window.story, page.top));
		setReading({ ...reading, window });
		dispatch({ type: "jump", anchor: remapAnchor(reading.window.story, window.story, page.top) });
	}, [reading, page]);

	// Save the place (debounced) whenever it moves; the CLI flushes on every exit path.
	useEffect(() => {
		if (!opened || !story || !page || screen !== "reader") return;
		saver.schedule(opened.fingerprint, {
			path: opened.path,
			title: story.title,
			...(story.author ? { author: story.author } : {}),
			...(opened.document.cellCount === 1 ? { words: story.wordCount } : {}),
			...placeOf(story, page.top),
			percent: readPercent(story, page),
			lastRead: new Date().toISOString(),
			...(Object.keys(reader.marks).length > 0 ? { marks: reader.marks } : {}),
		});
	}, [opened, story, page, screen, saver, reader.marks]);

	useEffect(() => {
		store.saveSettings({
			panelOpen: reader.panelOpen,
			measure: reader.measure,
		});
	}, [store, reader.panelOpen, reader.measure]);

	useEffect(() => {
		if (reader.quitting) {
			saver.flush();
			exit();
		}
	}, [reader.quitting, saver, exit]);

	const openPath = (path: string) => {
		saver.flush();
		try {
			const next = resume(openStory(path), store, store.takeWarning());
			setReading(next.reading);
			dispatch({ type: "load", state: next.state });
			setScreen("reader");
		} catch (error) {
			setLibraryMessage((error as Error).message);
		}
	};

	const runLibraryCommand = (command: CommandId) => {
		if (command === "app.quit") {
			saver.flush();
			exit();
		} else if (command === "list.down") setSelected((index) => Math.min(rows.length - 1, index + 1));
		else if (command === "list.up") setSelected((index) => Math.max(0, index - 1));
		else if (command === "list.open" && rows[selected]) openPath(rows[selected].path);
	};

	const onKey = (name: string, input: string) => {
		if (screen === "library") {
			const command = resolveCommand("library", name);
			if (command) runLibraryCommand(command);
			return;
		}
		if (!story) return;
		if (finding.handleKey(name, input)) return;
		const command = resolveCommand(reader.mode, name);
		if (reader.mode !== "read" && !command) {
			dispatch({ type: "close-overlay" });
			return;
		}
		if (command === "library.open") {
			saver.flush();
			setFolder(opened ? dirname(opened.path) : folder);
			setSelected(0);
			setScreen("library");
			return;
		}
		if (!command) return;
		const outside =
			reading && page ? jumpOutsideWindow(command, reading.opened.document, reading.window, page, view) : undefined;
		if (reading && outside) {
			setReading({ ...reading, window: outside.window });
			const from = recordsJump(command) && page ? { from: placeOf(story, page.top) } : {};
			dispatch({ type: "jump", anchor: outside.anchor, ...from });
		} else dispatch({ type: "command", command, context: { story, view, narrow: geometry.narrow } });
	};
	const queueKey = useKeyQueue(onKey, reader.mode === "search" || reader.mode === "goto");
	useInput((input, key) => {
		noteKeyPress();
		const name = keyName(input, key);
		if (name) queueKey(name, input);
	});

	if (geometry.tooSmall) return <TooSmall columns={terminal.columns} />;

	if (screen === "library" || !story || !page) {
		return (
			<LibraryView
				rows={rows}
				selected={selected}
				width={terminal.columns}
				height={terminal.rows}
				folder={folder}
				{...(libraryMessage ? { message: libraryMessage } : {})}
			/>
		);
	}

	const panel = notesForPage(story, page);
	const panelInner = Math.max(1, geometry.panelWidth - 4);
	const panelText = geometry.panelWidth > 0 ? panelLines(story, panel.notes, panelInner, panel.current) : [];
	const notesHint =
		geometry.panelWidth === 0 && panel.current && panel.notes.length > 0
			? `✎ ${panel.notes.length} ${panel.notes.length === 1 ? "note" : "notes"} (a)`
			: undefined;
	const parts = statusParts(
		story,
		page,
		counter && reading ? counter.pageNumber(reading.window, page) : { page: 1, total: 1, exact: false },
	);
	let body: React.ReactNode;
	if (reader.mode === "help") body = <HelpOverlay width={terminal.columns} height={geometry.textHeight} />;
	else if (reader.mode === "info" && reading)
		body = <InfoOverlay story={storyForInfo(reading, counter)} width={terminal.columns} height={geometry.textHeight} />;
	else if (finding.list)
		body = (
			<ListOverlay
				{...finding.list}
				selected={reader.listIndex}
				width={terminal.columns}
				height={geometry.textHeight}
			/>
		);
	else if (reader.mode === "notes")
		body = (
			<NotesOverlay
				lines={panelLines(story, panel.notes, Math.max(10, terminal.columns - 4), panel.current)}
				width={terminal.columns}
				height={geometry.textHeight}
				current={panel.current}
			/>
		);
	else
		body = (
			<Box flexDirection="row" height={geometry.textHeight}>
				<ReadingPane
					lines={page.lines}
					width={geometry.textWidth}
					height={geometry.textHeight}
					leftPad={geometry.leftPad}
					{...(finding.highlights ? { highlights: finding.highlights } : {})}
				/>
				{geometry.panelWidth > 0 ? (
					<Box flexGrow={1} justifyContent="flex-end">
						<NotesPanel
							lines={panelText}
							{...(finding.noteHighlights ? { highlights: finding.noteHighlights(panel.notes, panelText) } : {})}
							width={geometry.panelWidth}
							height={geometry.textHeight}
							scroll={reader.panelScroll}
							current={panel.current}
						/>
					</Box>
				) : null}
			</Box>
		);
	return (
		<Box flexDirection="column" width={terminal.columns} height={terminal.rows}>
			{body}
			{finding.prompt ? (
				<PromptBar {...finding.prompt} width={terminal.columns} />
			) : (
				<StatusBar
					parts={parts}
					width={terminal.columns}
					{...(reader.message ? { message: reader.message } : {})}
					{...(finding.status ? { info: finding.status } : {})}
					{...(notesHint ? { notesHint } : {})}
				/>
			)}
		</Box>
	);
}
