// FanFicFare's TXT: title page, TABLE OF CONTENTS, tab-indented chapter titles, `**Label:**` + `>` notes, `End file.`

import { isHeading, isSceneBreak } from "../core/markers.js";
import type { NoteKind } from "../core/story.js";
import type { StoryMeta, Unit } from "../core/units.js";
import { noteUnit, withoutNewMark } from "./html-units.js";
import { stripEmphasis } from "./markdown.js";
import { applyLabel, splitLabel } from "./story-info.js";

interface Line {
	text: string;
	start: number;
	end: number;
}

const CONTENTS = /^TABLE OF CONTENTS\s*$/;
const END_FILE = /^End file\.\s*$/;
/** `Chapter<TAB>10` or `Chapter 10` alone on its line, the chapter's title right under it. */
const LABEL_AND_NUMBER = /^(?:Chapter|Part|Book)[\t ]+\d+\s*$/;
/** `Chapter<TAB>71. Title`: FanFicFare's tab between the label and the number, the title on the line. */
const LABEL_TAB_NUMBER = /^(?:Chapter|Part|Book)\t+\d+\S*(?:\s+\S.*)?$/;
const NOTE_LABEL = /^\*\*([^*]{1,60}?):?\*\*:?\s*(.*)$/;

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	for (let start = 0; start <= text.length; ) {
		let end = text.indexOf("\n", start);
		if (end < 0) end = text.length;
		lines.push({ text: text.slice(start, end), start, end });
		start = end + 1;
	}
	return lines;
}

/** The start of a FanFicFare TXT: a title, `by Author`, then a TABLE OF CONTENTS or tab-indented chapters. */
export function looksLikeFanFicFareTxt(text: string, ending = text.slice(-256)): boolean {
	const head = text.slice(0, 16_384);
	const opening = head
		.split("\n")
		.map((line) => line.trim())
		.filter(Boolean)
		.slice(0, 3);
	const byline = opening.slice(1).some((line) => /^by\s+\S/.test(line));
	const chapters = /^\t+\S/m.test(head);
	return byline && (/^TABLE OF CONTENTS\s*$/m.test(head) || (chapters && /End file\.\s*$/.test(ending)));
}

/** Joined, unescaped text of hard-wrapped lines, with html2text's `_em_`/`**strong**` as emphasis. */
function paragraphText(lines: string[]): { text: string; emphasis: Array<[number, number]> } {
	const joined = lines
		.map((line) => line.trim())
		.join(" ")
		.replace(/ {2,}/g, " ")
		// html2text leaves the space a bold run ended with inside it (`**Thanks. **`): move it out.
		.replace(/ +\*\*(?= |$)/g, "**")
		.replace(/(^| )\*\* +(?=\S)/g, "$1**")
		.normalize("NFC");
	// html2text escapes Markdown characters; escaped * and _ must not read as emphasis.
	const guarded = joined
		.replace(/\\([*_])/g, (_match, char: string) => (char === "*" ? "\ue001" : "\ue002"))
		.replace(/\\([\\`{}[\]()#+\-.!>])/g, "$1");
	const { text, emphasis } = stripEmphasis(guarded);
	return { text: text.replace(/\ue001/g, "*").replace(/\ue002/g, "_"), emphasis };
}

interface Group {
	lines: Line[];
}

/** Blank-line separated groups; a `>` alone inside a quote also separates its paragraphs. */
function groupsOf(lines: Line[]): Group[] {
	const groups: Group[] = [];
	let current: Line[] = [];
	const flush = () => {
		if (current.length > 0) groups.push({ lines: current });
		current = [];
	};
	for (const line of lines) {
		if (line.text.trim() === "" || /^\s*>\s*$/.test(line.text)) flush();
		else current.push(line);
	}
	flush();
	return groups;
}

const isQuoted = (line: Line) => /^\s*>/.test(line.text);

/** One chapter's body: story paragraphs, quotes and breaks; `**Label:**` with the quote after it is a note. */
function chapterBody(lines: Line[]): Unit[] {
	const units: Unit[] = [];
	let note: { label: string; parts: string[]; start: number; end: number; kind: NoteKind } | undefined;
	let storySoFar = false;
	const closeNote = () => {
		if (note && note.parts.length > 0) units.push(noteUnit(note.label, note.parts, note.start, note.end, note.kind));
		note = undefined;
	};
	const groups = groupsOf(lines);
	groups.forEach((group, index) => {
		const first = group.lines[0] as Line;
		const last = group.lines.at(-1) as Line;
		// A `**Label:**` line opens a note only with the quote FanFicFare writes under it; else it is bold text.
		const next = groups[index + 1];
		const label = next?.lines.every(isQuoted) ? NOTE_LABEL.exec(first.text.trim()) : null;
		if (label) {
			closeNote();
			const kind: NoteKind = storySoFar ? "tail" : "head";
			note = { label: (label[1] as string).trim(), parts: [], start: first.start, end: last.end, kind };
			const rest = [label[2] as string, ...group.lines.slice(1).map((line) => line.text.replace(/^\s*>\s?/, ""))];
			const text = paragraphText(rest.filter((piece) => piece.trim() !== "")).text;
			if (text) note.parts.push(text);
			return;
		}
		const quoted = group.lines.every(isQuoted);
		const { text, emphasis } = paragraphText(group.lines.map((line) => line.text.replace(/^\s*>\s?/, "")));
		if (quoted && note) {
			note.parts.push(text);
			note.end = last.end;
			return;
		}
		closeNote();
		if (text === "") return;
		const unit: Unit = {
			kind: isSceneBreak(text) ? "scene-break" : isHeading(text) ? "heading" : "paragraph",
			text,
			start: first.start,
			end: last.end,
		};
		// The author's own heading under FanFicFare's chapter title: it does not start another chapter.
		if (unit.kind === "heading") unit.inChapter = true;
		if (unit.kind === "paragraph") {
			if (emphasis.length > 0) unit.emphasis = emphasis;
			if (quoted) unit.quote = true;
			storySoFar = true;
		}
		units.push(unit);
	});
	closeNote();
	return units;
}

/** Title page: title, `by Author`, then `Label: value` entries (wrapped values continue on the next lines). */
function readTitlePage(lines: Line[], meta: StoryMeta): void {
	const filled = lines.filter((line) => line.text.trim() !== "");
	const [title, byline] = filled;
	if (title) meta.title = title.text.trim();
	const author = byline ? /^by\s+(.+)$/.exec(byline.text.trim()) : null;
	if (author) meta.author = (author[1] as string).trim();
	let entry: { label: string; value: string } | undefined;
	const commit = () => {
		if (entry) applyLabel(meta, entry.label, entry.value);
		entry = undefined;
	};
	for (const line of lines.slice(lines.indexOf(byline ?? (title as Line)) + 1)) {
		const text = line.text.trim();
		const pair = splitLabel(text);
		if (text === "") commit();
		else if (pair) {
			commit();
			entry = pair;
		} else if (entry) entry.value = `${entry.value} ${text}`.trim();
	}
	commit();
}

/** Units and meta of a FanFicFare TXT file's sanitised text. */
export function fanficfareTxtUnits(text: string): { units: Unit[]; meta: StoryMeta } {
	const meta: StoryMeta = { info: { format: "FanFicFare TXT" } };
	let lines = splitLines(text);
	const endAt = lines.findLastIndex((line) => END_FILE.test(line.text.trim()));
	if (endAt >= 0) lines = lines.slice(0, endAt);
	const contentsAt = lines.findIndex((line) => CONTENTS.test(line.text.trim()));
	const firstTab = lines.findIndex((line, index) => index > contentsAt && /^\t+\S/.test(line.text));
	const frontEnd = contentsAt >= 0 ? contentsAt : firstTab >= 0 ? firstTab : lines.length;
	readTitlePage(lines.slice(0, frontEnd), meta);

	const bodyStart = firstTab >= 0 ? firstTab : frontEnd;
	const contents =
		contentsAt >= 0
			? lines
					.slice(contentsAt + 1, bodyStart)
					.map((line) => line.text.trim())
					.filter(Boolean)
			: [];
	// With a table of contents, only its titles start chapters (a tab-indented story line does not).
	const indented = (line: Line) => /^(?:\t| {4,})\S/.test(line.text);
	const byContents = lines.some((line) => indented(line) && contents.includes(line.text.trim()));
	const isChapterLine = (line: Line) =>
		byContents ? indented(line) && contents.includes(line.text.trim()) : /^\t+\S/.test(line.text);

	const units: Unit[] = [];
	let body: Line[] = [];
	const rest = lines.slice(bodyStart);
	for (let index = 0; index < rest.length; index++) {
		const line = rest[index] as Line;
		const below = rest[index + 1];
		const titleBelow = LABEL_AND_NUMBER.test(line.text) && below?.text.trim() ? below : undefined;
		if (isChapterLine(line) || titleBelow || LABEL_TAB_NUMBER.test(line.text)) {
			units.push(...chapterBody(body));
			body = [];
			const end = titleBelow ?? line;
			const text = end === line ? line.text.trim() : `${line.text.trim().replace(/\s+/, " ")} ${end.text.trim()}`;
			units.push({ kind: "heading", text: withoutNewMark(text), start: line.start, end: end.end });
			if (end !== line) index++;
		} else body.push(line);
	}
	units.push(...chapterBody(body));
	return { units, meta };
}
