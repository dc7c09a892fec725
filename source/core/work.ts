// What an ongoing work carries from file to file: its source and identity, its series, its chapters' prints.

import { type ChapterPrint, chapterPrints } from "./chapter-news.js";
import { identityOf, normalizeSource } from "./identity.js";
import type { Series, Story, StoryInfo } from "./story.js";

export interface Work {
	/** The normalized source URL the file names. */
	source?: string;
	/** The record name the source gives (`ao3-123`), when the source names a work. */
	identity?: string;
	series?: Series;
	/** Each chapter's title and print: known for a story read whole. */
	chapters?: ChapterPrint[];
}

/** The work a story's info names; `whole`, the story when it is all of the file, gives its chapters. */
export function workOf(info: StoryInfo | undefined, whole?: Story): Work {
	const work: Work = {};
	const source = info?.sourceUrl ? normalizeSource(info.sourceUrl) : undefined;
	const identity = identityOf(source);
	if (source && identity) {
		work.source = source;
		work.identity = identity;
	}
	if (info?.series) work.series = info.series;
	if (whole) work.chapters = chapterPrints(whole);
	return work;
}
