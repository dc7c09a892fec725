// Loaded into fic with --import for the bench: how long each key takes inside fic, from the read
// of its bytes to the first write to the terminal after it. Added to $FIC_KEY_TRACE on exit, a line a run.
import { appendFileSync } from "node:fs";

const times = [];
let readAt;
const read = process.stdin.read.bind(process.stdin);
process.stdin.read = (...args) => {
	const chunk = read(...args);
	if (chunk !== null && readAt === undefined) readAt = performance.now();
	return chunk;
};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (...args) => {
	if (readAt !== undefined) {
		times.push(performance.now() - readAt);
		readAt = undefined;
	}
	return write(...args);
};
process.on("exit", () => appendFileSync(process.env.FIC_KEY_TRACE, `${JSON.stringify(times)}\n`));
