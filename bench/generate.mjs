// Deterministic benchmark stories: tagged paragraphs ([P0000123]), chapters, notes, curly quotes, CJK.
import { writeFileSync } from "node:fs";

const ENGLISH =
	"the a of and to in was he she it that rain city night bridge “lantern” whisper shadow glove cape harbor tower clock river laughed walked turned waited—listened remembered wondered promised it’s don’t quietly again".split(
		" ",
	);
const CHINESE =
	"港口的雨下了一整夜她一个地数着箱子直到天亮灯塔光在雾里慢慢转动像是寻找什么人想起父亲说过话不为船点还回家路上".split(
		"",
	);

function random(seed) {
	let state = seed;
	return () => {
		state = (state * 16807) % 2147483647;
		return state / 2147483647;
	};
}

/**
 * About `megabytes` MB of story. Every paragraph starts with a unique tag so a harness can tell
 * which paragraphs are on screen; a chapter every 300 paragraphs, with head and tail notes now and then.
 * `script` "en" writes English with curly quotes and dashes, "zh" Chinese.
 */
export function generateStory(megabytes, script = "en", seed = 11) {
	const next = random(seed);
	const target = Math.floor(megabytes * 1024 * 1024);
	const out = ["A/N: A generated benchmark story. Nothing here is canon.\n\n", "~~~\n\n"];
	let size = 0;
	for (let index = 0; size < target; index++) {
		let text = "";
		if (index % 300 === 0) {
			text += `Chapter ${index / 300 + 1}: The Long Night\n\n`;
			if (next() < 0.3) text += `A/N: Thanks for reading chapter ${index / 300}!\n\n`;
		}
		const words = 20 + Math.floor(next() * 100);
		let body = "";
		if (script === "zh")
			for (let count = 0; count < words * 2; count++) body += CHINESE[Math.floor(next() * CHINESE.length)];
		else body = Array.from({ length: words }, () => ENGLISH[Math.floor(next() * ENGLISH.length)]).join(" ");
		text += `[P${String(index).padStart(7, "0")}] ${body}${script === "zh" ? "。" : "."}\n\n`;
		if (next() < 0.02) text += "* * *\n\n";
		out.push(text);
		size += Buffer.byteLength(text);
	}
	out.push("* * *\n\nA/N: The end. Review and tell me what you think!\n");
	return out.join("");
}

export function writeStory(path, megabytes, script = "en") {
	writeFileSync(path, generateStory(megabytes, script));
	return path;
}
