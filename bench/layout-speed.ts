// In-process: how fast the background page count goes through a story (read, parse, lay out), in MB/s,
// beside wrap-ansi alone on the same text.
import { readFileSync } from "node:fs";
import wrapAnsi from "wrap-ansi";
import { PageCounter } from "../source/core/page-count.js";
import { openStory } from "../source/formats/open-story.js";

function countSpeed(path: string): number {
	const opened = openStory(path);
	const began = performance.now();
	let counter = new PageCounter(opened.document, { width: 80, height: 29 });
	while (!counter.done) counter = counter.advance(8);
	return opened.document.size / 2 ** 20 / ((performance.now() - began) / 1000);
}

/** wrap-ansi on the first `bytes` of the story's paragraphs. */
function wrapAnsiSpeed(path: string, bytes: number): number {
	const paragraphs = readFileSync(path, "utf8").slice(0, bytes).split("\n\n");
	const began = performance.now();
	for (const paragraph of paragraphs) wrapAnsi(paragraph, 80, { hard: true, trim: true });
	const size = paragraphs.reduce((sum, paragraph) => sum + Buffer.byteLength(paragraph), 0);
	return size / 2 ** 20 / ((performance.now() - began) / 1000);
}

const [english, chinese] = process.argv.slice(2) as [string, string];
process.stdout.write(
	JSON.stringify({
		english: countSpeed(english),
		chinese: countSpeed(chinese),
		wrapAnsiEnglish: wrapAnsiSpeed(english, 2 * 2 ** 20),
		wrapAnsiChinese: wrapAnsiSpeed(chinese, 2 ** 19),
	}),
);
