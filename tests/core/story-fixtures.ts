// Deterministic story texts for the core invariant suites: scripts, widths and shapes real stories have.

import { readdirSync, readFileSync } from "node:fs";
import type { Story } from "../../source/core/story.js";
import { parseStory } from "../../source/formats/open-story.js";

/** A small seeded PRNG (mulberry32), so every generated text is the same on every run. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS =
	"the harbour light was burning low and she counted every crate twice because the manifest said forty fog gulls argued over nets while tide turned slowly under grey boards ferry goat lantern keeper map river willow stone".split(
		" ",
	);

export function asciiParagraph(next: () => number, words: number): string {
	const out: string[] = [];
	for (let index = 0; index < words; index++) {
		let word = WORDS[Math.floor(next() * WORDS.length)] as string;
		if (index === 0) word = word[0]?.toUpperCase() + word.slice(1);
		if (next() < 0.08) word += ",";
		out.push(word);
	}
	return `${out.join(" ")}.`;
}

export const SAMPLES = {
	ascii:
		"Every evening at the ninth bell, Maren Holt climbed the ninety-one steps of the harbour tower with a tin of oil in one hand and a box of matches in the other; the lantern at the top was older than the town charter.",
	curly:
		"“You’re late,” said a voice behind her—though she didn’t turn. ‘The bell is early,’ she said – and it was… “There’s a difference.” ‘Is there?’ he asked—“I don’t think so.”",
	japanese:
		"はなが北の小さな町に引っ越してきたのは、十二月のはじめのことだった。　駅を出たとたん、まつげに雪がとまって、世界がまっ白に見えた。「雪さんへ」と書いて、はなは手紙をたたんだ。　となりには榊さんというおじいさんがひとりで住んでいた。榊さんはあまりしゃべらない人で、毎朝だまって家の前の雪をかいていた。",
	chinese:
		"港口的雨下了一整夜，她一个一个地数着箱子，一个、两个、三个……直到天亮。灯塔的光在雾里慢慢转动，像是在寻找什么人。她想起父亲说过的话：“灯不是为船点的，是为还在回家路上的人点的。”",
	mixedCjk:
		"Nell wrote 雪の手紙 on the envelope, then 北村しずく underneath, then 港口的雨下了一整夜 in her careful hand.",
	emoji:
		"Snow ❄️ fell on the 👩‍👩‍👧 family; 🇯🇵 flags flapped, 👍🏽 thumbs went up, the 🐈 cat slept, and the ✉️ letter waited by the 🌙 moon. 🏳️‍🌈 🧑🏿‍🚀 🫶 ✨",
	emojiRun: `x${"❄️🐈👍🏽".repeat(80)} end`,
	cjkRun: `a${"雪の手紙".repeat(120)}`,
	tabs: "\tShe paused.\tThen,\tafter a while,\tshe went on\t\twith tabs between the words\tand at the end\t",
	longWord: `Before the word ${Array.from({ length: 5000 }, (_, index) => "abcdefghijklmnopqrstuvwxyz"[index % 26]).join("")} after the word.`,
	nbsp: "The marker\u00a0✎ sits after a no-break space, and so do 10\u00a0km, Mr.\u00a0Holt and the rest of this sentence that goes on.",
} as const;

export type SampleName = keyof typeof SAMPLES;

/** A story with one paragraph per sample, separated by blank lines (plain text). */
export function sampleStory(names: SampleName[] = Object.keys(SAMPLES) as SampleName[]): Story {
	return parseStory(names.map((name) => SAMPLES[name]).join("\n\n"), "samples.txt").story;
}

/** A multi-chapter plain-text story mixing every script and shape, deterministic for a seed. */
export function multiChapterText(seed = 7): string {
	const next = random(seed);
	const parts: string[] = ["The Harbour Light", "by Test Writer", "A/N: a head note for the whole story.", "~~~"];
	parts.push("Chapter 1: Plain Words");
	for (let index = 0; index < 14; index++) {
		parts.push(asciiParagraph(next, 10 + Math.floor(next() * 160)));
		if (index === 6) parts.push("* * *");
	}
	parts.push("Chapter 2: Curly Things", SAMPLES.curly, SAMPLES.tabs);
	for (let index = 0; index < 6; index++) parts.push(asciiParagraph(next, 5 + Math.floor(next() * 60)));
	parts.push("~~~", "a/n: a tail note for chapter two.", "Thanks for reading!");
	parts.push(
		"Chapter 3: 雪",
		SAMPLES.japanese,
		SAMPLES.chinese,
		SAMPLES.mixedCjk,
		SAMPLES.cjkRun,
		"＊＊＊",
		SAMPLES.japanese,
	);
	parts.push("Chapter 4: Pictures", SAMPLES.emoji, SAMPLES.emojiRun, SAMPLES.longWord, SAMPLES.nbsp);
	parts.push("Chapter 5: Short", "One line.");
	parts.push("Chapter 6: A Wall of Text", asciiParagraph(next, 2600));
	parts.push("Epilogue", asciiParagraph(next, 40), SAMPLES.ascii);
	return parts.join("\n\n");
}

export function multiChapterStory(seed = 7): Story {
	return parseStory(multiChapterText(seed), "harbour.txt").story;
}

const STORIES_DIR = new URL("../../stories/", import.meta.url);

/** The bundled sample stories, parsed from their text. */
export function bundledStories(): Array<{ name: string; text: string; story: Story }> {
	return readdirSync(STORIES_DIR)
		.sort()
		.map((name) => {
			const text = readFileSync(new URL(name, STORIES_DIR), "utf8");
			return { name, text, story: parseStory(text, name).story };
		});
}
