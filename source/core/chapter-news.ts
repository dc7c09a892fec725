// What changed in an ongoing work since the last read: each chapter's short text fingerprint, and
// which chapters are new or revised against the ones the reader had.

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Story } from "./story.js";

/** A chapter as the record keeps it: its title and 12 hex digits of its text's hash. */
export interface ChapterPrint {
	title: string;
	fingerprint: string;
}

export type ChapterState = "seen" | "new" | "revised";

export interface ChapterNews {
	/** One per chapter of the story as it is now. */
	states: ChapterState[];
	added: number;
	revised: number;
}

/**
 * Each chapter's story text (headings and notes left out, so a renumbered title or an edited
 * author's note is not a revision), hashed.
 */
export function chapterPrints(story: Story): ChapterPrint[] {
	return story.chapters.map((chapter) => {
		const text = story.blocks
			.slice(chapter.firstBlock, chapter.endBlock)
			.filter((block) => block.kind !== "heading")
			.map((block) => block.text)
			.join("\n");
		return { title: chapter.title, fingerprint: bytesToHex(sha256(utf8ToBytes(text))).slice(0, 12) };
	});
}

/** A title with its numbers left out: inserting a chapter renumbers AO3's `Chapter 3: Title`. */
const titleKey = (title: string) => title.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();

/**
 * Chapters whose text the reader had are seen, wherever they are now; of the others, one whose
 * title matches a chapter the reader had (in order) was revised, and the rest are new.
 */
export function compareChapters(seen: ChapterPrint[], now: ChapterPrint[]): ChapterNews {
	const used = new Set<number>();
	const states: ChapterState[] = now.map((chapter) => {
		const at = seen.findIndex((old, index) => !used.has(index) && old.fingerprint === chapter.fingerprint);
		if (at < 0) return "new";
		used.add(at);
		return "seen";
	});
	let after = -1;
	now.forEach((chapter, index) => {
		if (states[index] !== "new") return;
		const key = titleKey(chapter.title);
		const match = seen.findIndex((old, at) => at > after && !used.has(at) && titleKey(old.title) === key);
		if (match < 0) return;
		used.add(match);
		after = match;
		states[index] = "revised";
	});
	return {
		states,
		added: states.filter((state) => state === "new").length,
		revised: states.filter((state) => state === "revised").length,
	};
}

/** `2 new chapters`, `1 new chapter, updated`, `updated`; undefined when nothing changed. */
export function newsText(news: ChapterNews): string | undefined {
	const added = news.added > 0 ? `${news.added} new chapter${news.added === 1 ? "" : "s"}` : "";
	if (news.revised === 0) return added || undefined;
	return added ? `${added}, updated` : "updated";
}

/** What the status bar says on opening an update: `2 new chapters since you last read`. */
export function sinceText(news: ChapterNews): string | undefined {
	const updated = `${news.revised} ${news.revised === 1 ? "chapter" : "chapters"} updated`;
	const added = `${news.added} new chapter${news.added === 1 ? "" : "s"}`;
	if (news.added > 0) return `${added}${news.revised > 0 ? `, ${news.revised} updated` : ""} since you last read`;
	return news.revised > 0 ? `${updated} since you last read` : undefined;
}

/**
 * Where a reader who had read to the end of the chapters they had goes on: the first new chapter
 * after the one they were in (else the first new one), as an index into the chapters now.
 */
export function firstNewChapter(news: ChapterNews, current: number): number | undefined {
	const after = news.states.findIndex((state, index) => state === "new" && index > current);
	return after >= 0 ? after : news.states.indexOf("new") >= 0 ? news.states.indexOf("new") : undefined;
}
