// Plain output for --print and --notes, made piece by piece: the story wrapped, the notes listed.

import { type JoinedPiece, joinedPieces } from "./joined-pieces.js";
import { layoutBlock } from "./layout.js";
import type { Story } from "./story.js";

/**
 * The story text wrapped to `width`, notes left out, a blank line between chapters; one chunk of
 * output per piece. Blank lines wait until a line of text follows them, so a chapter's trailing
 * blanks are dropped even when its end is only known in a later piece.
 */
export function* printStory(pieces: Iterable<Story>, width: number): Generator<string> {
	let waitingBlanks = 0;
	let printed = false;
	for (const { piece, chapterBase, continuesChapter } of joinedPieces(pieces)) {
		const out: string[] = [];
		piece.chapters.forEach((chapter, index) => {
			const startsChapter = !(index === 0 && continuesChapter);
			if (startsChapter && chapterBase + index > 0) waitingBlanks = 1;
			for (let block = chapter.firstBlock; block < chapter.endBlock; block++) {
				for (const line of layoutBlock(piece, block, width)) {
					const text = line.text.trimEnd();
					if (text === "") {
						waitingBlanks++;
						continue;
					}
					for (; waitingBlanks > 0; waitingBlanks--) out.push("\n");
					out.push(text, "\n");
					printed = true;
				}
			}
		});
		yield out.join("");
	}
	if (!printed) yield "\n";
}

function notePercent(story: Story, start: number): string {
	return story.sourceLength > 0 ? `${Math.floor((start / story.sourceLength) * 100)}%` : "0%";
}

/** The title of the joined story's chapter `chapter`, from the piece or from the chapter it goes on with. */
function chapterTitle(joined: JoinedPiece, chapter: number, continuedTitle: string): string {
	if (joined.continuesChapter && chapter === joined.chapterBase) return continuedTitle;
	return joined.piece.chapters[chapter - joined.chapterBase]?.title ?? "";
}

/** Every author's note with its kind, label, chapter and position; one chunk of output per piece. */
export function* printNotes(pieces: Iterable<Story>): Generator<string> {
	let printed = false;
	let lastTitle = "";
	for (const joined of joinedPieces(pieces)) {
		const out: string[] = [];
		for (const note of joined.piece.notes) {
			const chapter = chapterTitle(joined, note.chapter + joined.chapterBase, lastTitle);
			const text = note.text
				.split("\n")
				.map((line) => `    ${line}`)
				.join("\n");
			if (printed) out.push("\n\n");
			out.push(`[${note.kind}] ${note.label} · ${chapter} · ${notePercent(joined.first, note.start)}\n${text}`);
			printed = true;
		}
		lastTitle = chapterTitle(joined, joined.chapterBase + joined.piece.chapters.length - 1, lastTitle);
		yield out.join("");
	}
	yield printed ? "\n" : "No author's notes found.\n";
}
