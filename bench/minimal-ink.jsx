// The reference for start-up time: the smallest bundled Ink program that prints one screen, a
// terminal's worth of plain text (29 rows of 90 columns under a marker line).
import { render, Text } from "ink";

const WORDS = "the harbour light was low and she counted every crate twice before the tide turned".split(" ");
const rows = Array.from({ length: 29 }, (_, row) => {
	let line = "";
	for (let word = row; line.length < 84; word++) line += `${WORDS[word % WORDS.length]} `;
	return line.trimEnd();
});
const instance = render(<Text>{["FIRSTPAGE-MARKER minimal Ink screen", ...rows].join("\n")}</Text>, {
	alternateScreen: true,
	interactive: true,
});
setTimeout(() => instance.unmount(), 30_000);
