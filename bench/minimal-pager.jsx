// The reference for page turns: the smallest Ink pager, one Text of a page and a key handler, over
// the first 2 MB of the same story (wrapped once at start, greedily at spaces, to 98 columns).
import { openSync, readSync } from "node:fs";
import { render, Text, useInput } from "ink";
import { useState } from "react";

const ROWS = 29;
const bytes = Buffer.alloc(2 * 1024 * 1024);
const text = bytes.subarray(0, readSync(openSync(process.argv[2], "r"), bytes, 0, bytes.length, 0)).toString("utf8");
const lines = [];
for (const paragraph of text.split(/\n\s*\n/)) {
	let line = "";
	for (const word of paragraph.split(/\s+/)) {
		if (line && line.length + 1 + word.length > 98) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	lines.push(line, "");
}

function Pager() {
	const [top, setTop] = useState(0);
	useInput((input, key) => {
		if (key.pageDown || input === " ") setTop((current) => current + ROWS);
		if (input === "q") process.exit(0);
	});
	return <Text>{lines.slice(top, top + ROWS).join("\n")}</Text>;
}

render(<Pager />, { alternateScreen: true, interactive: true, maxFps: 120 });
