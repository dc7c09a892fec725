// npm run bench: times fic against its references (a minimal Ink program and pager, less, wrap-ansi) and
// prints one table; the last run's table is saved in bench/RESULTS.md with the machine it ran on.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	readSync,
	rmSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, noInkDevtools } from "../esbuild.config.mjs";
import { resize, sendKey, start, stop, tags, until } from "./tmux.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "bench", "out");
mkdirSync(out, { recursive: true });
const node = process.execPath;
const fic = join(root, "dist", "fic.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** First screens vary most from run to run on a shared machine: they get more runs. */
const FIRST_SCREEN_RUNS = Math.max(RUNS, 9);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const quote = (value) => `'${String(value).replace(/'/g, "'\\''")}'`;

/** fic run as a user runs it: the executable, whose shebang picks Node and its memory flags. */
function ficCommand(file, config, env = "") {
	return `env -u CI ${env} PATH=${quote(dirname(node))}:"$PATH" FIC_CONFIG_DIR=${quote(config)} ${quote(fic)} ${quote(file)}`;
}

/**
 * Writes the stories in a child process. Every screen is timed from this process, which starts
 * tmux for each key and each read of the screen: a process holding tens of MB of story text forks
 * more slowly (measured: 200 MB more made a page turn of less 9 → 37 ms and fic's alike), which
 * would add the same to fic and its references and make every ratio look better than it is.
 */
function generateStories(stories) {
	const script = `import { writeStory } from ${JSON.stringify(join(root, "bench", "generate.mjs"))};
for (const [path, size, script] of ${JSON.stringify(stories)}) writeStory(path, size, script);`;
	execFileSync(node, ["--input-type=module", "-e", script], { stdio: "inherit" });
}

/** `length` bytes of `file` from `position` (the bench reads no whole story: see `generateStories`). */
function bytesOf(file, position, length) {
	const descriptor = openSync(file, "r");
	try {
		const bytes = Buffer.alloc(length);
		return bytes.subarray(0, readSync(descriptor, bytes, 0, length, position));
	} finally {
		closeSync(descriptor);
	}
}

/** A fresh config folder, optionally with a saved place at `fraction` of the file. */
function configAt(file, fraction) {
	const config = mkdtempSync(join(tmpdir(), "fic-bench-"));
	if (fraction !== undefined) {
		const size = statSync(file).size;
		const fingerprint = createHash("sha256")
			.update(bytesOf(file, 0, 16 * 1024))
			.digest("hex")
			.slice(0, 24);
		mkdirSync(join(config, "stories"), { recursive: true });
		const record = {
			path: file,
			title: "bench",
			sourceOffset: Math.floor(size * fraction),
			snippet: "",
			percent: fraction * 100,
			lastRead: new Date().toISOString(),
		};
		writeFileSync(join(config, "stories", `${fingerprint}.json`), JSON.stringify(record));
	}
	return config;
}

async function firstScreen(command, test) {
	const times = [];
	for (let run = 0; run < RUNS; run++) {
		const began = start(command);
		times.push(await until(test, began));
		stop();
	}
	return median(times);
}

/**
 * First screens of several programs, their runs taken in turns (one of each, then again), so that
 * a slow spell of a shared machine falls on all of them alike; medians of FIRST_SCREEN_RUNS.
 */
async function firstScreens(programs) {
	const times = programs.map(() => []);
	for (let run = 0; run < FIRST_SCREEN_RUNS; run++) {
		for (const [index, { command, test }] of programs.entries()) {
			const began = start(command);
			times[index].push(await until(test, began));
			stop();
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	return times.map(median);
}

const hasTag = (screen) => tags(screen).length > 0;

/** The times of `count` page turns in one run of `command`, from the key sent to a later paragraph shown. */
async function pageTurns(command, key, count) {
	const began = start(command);
	await until(hasTag, began);
	await new Promise((resolve) => setTimeout(resolve, 500));
	const times = [];
	for (let turn = 0; turn < count; turn++) {
		const before = Math.max(...tags());
		const sent = sendKey(key);
		times.push(await until((screen) => Math.max(...tags(screen)) > before, sent, 5000));
		await new Promise((resolve) => setTimeout(resolve, 30));
	}
	stop();
	return times;
}

/**
 * Page turns of several programs, 20 a run, their runs taken in turns (one of each, then again),
 * so that a machine that slows or speeds up meanwhile weighs on all alike: each one's median turn.
 */
async function pageTurnsInTurns(commands, rounds = 3) {
	const times = commands.map(() => []);
	for (let round = 0; round < rounds; round++)
		for (const [index, command] of commands.entries())
			times[index].push(...(await pageTurns(command(), "PageDown", 20)));
	return times.map(median);
}

async function main() {
	// On a busy machine the references slow too and a ratio looks better than it is: the load is reported.
	const loadAtStart = loadavg()[0];
	if (loadAtStart > 1)
		console.log(`the machine is busy (load average ${loadAtStart.toFixed(2)}): ratios will look better than they are`);
	console.log("building fic and the minimal Ink reference…");
	// Bundled as anyone would bundle Ink: fic's own start-up plugins would make the reference faster too.
	await bundle(join(root, "bench", "minimal-ink.jsx"), {
		outfile: join(out, "minimal-ink.mjs"),
		plugins: [noInkDevtools],
	});
	await bundle(join(root, "bench", "minimal-pager.jsx"), {
		outfile: join(out, "minimal-pager.mjs"),
		plugins: [noInkDevtools],
	});
	// No plugins: the wrap-ansi reference must measure with the real string-width, not fic's stand-in.
	await bundle(join(root, "bench", "layout-speed.ts"), { outfile: join(out, "layout-speed.mjs"), plugins: [] });
	console.log("generating stories…");
	const sizes = [0.1, 1, 10, 50];
	const stories = Object.fromEntries(sizes.map((size) => [size, join(out, `story-${size}mb.txt`)]));
	const chinese = join(out, "story-zh-10mb.txt");
	generateStories([...sizes.map((size) => [stories[size], size, "en"]), [chinese, 10, "zh"]]);
	const rows = [];
	const row = (what, value, reference, referenceName, target, ok) =>
		rows.push({ what, value, reference, referenceName, ratio: reference ? value / reference : undefined, target, ok });

	console.log("first screen…");
	// fic keeps its compiled code between runs (Node's compile cache), as it does for a reader: one
	// run first so that the timed ones start as every start after the first does.
	const warm = start(ficCommand(stories[0.1], configAt(stories[0.1])));
	await until(hasTag, warm);
	stop();
	const [minimal, ...firsts] = await firstScreens([
		{
			command: `${quote(node)} ${quote(join(out, "minimal-ink.mjs"))}`,
			test: (screen) => screen.includes("FIRSTPAGE-MARKER"),
		},
		...sizes.map((size) => ({ command: ficCommand(stories[size], configAt(stories[size])), test: hasTag })),
		// A first run after installing (or after /tmp was emptied) has no compiled code to reuse.
		{
			command: ficCommand(stories[0.1], configAt(stories[0.1]), "NODE_DISABLE_COMPILE_CACHE=1"),
			test: hasTag,
		},
	]);
	const ttfs = Object.fromEntries(sizes.map((size, index) => [size, firsts[index]]));
	const firstRun = firsts[sizes.length];
	for (const [what, value] of [
		...sizes.map((size) => [`first screen, ${size} MB`, ttfs[size]]),
		["first screen, 0.1 MB, no compile cache", firstRun],
	])
		row(what, value, minimal, "minimal Ink", "≤ 1.3× minimal Ink", value <= 1.3 * minimal);
	row("first screen 50 MB vs 0.1 MB", ttfs[50], ttfs[0.1], "fic on 0.1 MB", "≤ 1.25", ttfs[50] <= 1.25 * ttfs[0.1]);

	console.log("library…");
	// A folder of 3 stories and one of 2,000: the list must show as soon (at most twice the time).
	const folders = [3, 2000].map((count) => {
		const folder = join(out, `library-${count}`);
		mkdirSync(folder, { recursive: true });
		const text = readFileSync(stories[0.1], "utf8").slice(0, 20_000);
		for (let index = 0; index < count; index++)
			writeFileSync(join(folder, `story-${String(index).padStart(4, "0")}.txt`), `Story ${index}\n\n${text}`);
		return folder;
	});
	const [small, large] = await firstScreens(
		folders.map((folder) => ({
			command: ficCommand(folder, configAt(folder)),
			test: (screen) => screen.includes("story-0000.txt") || screen.includes("Story 0"),
		})),
	);
	row("library list, 2,000 stories vs 3", large, small, "3 stories", "≤ 2", large <= 2 * small);

	console.log("jumps and resume…");
	const big = stories[50];
	const lastTag = Math.max(...tags(bytesOf(big, statSync(big).size - 20_000, 20_000).toString("utf8")));
	const resume99 = await firstScreen(ficCommand(big, configAt(big, 0.99)), (screen) =>
		tags(screen).some((tag) => tag > lastTag * 0.97),
	);
	const resume50 = await firstScreen(ficCommand(big, configAt(big, 0.5)), (screen) =>
		tags(screen).some((tag) => tag > lastTag * 0.48),
	);
	const jumps = [];
	for (let run = 0; run < RUNS; run++) {
		const began = start(ficCommand(big, configAt(big)));
		await until(hasTag, began);
		jumps.push(await until((screen) => tags(screen).includes(lastTag), sendKey("G")));
		stop();
	}
	const jumpEnd = median(jumps);
	const bound = 1.25 * ttfs[0.1];
	row("resume at 99 %, 50 MB", resume99, ttfs[0.1], "first screen 0.1 MB", "≤ 1.25", resume99 <= bound);
	row("resume at 50 %, 50 MB", resume50, ttfs[0.1], "first screen 0.1 MB", "≤ 1.25", resume50 <= bound);
	row("G (to the end), 50 MB", jumpEnd, ttfs[0.1], "first screen 0.1 MB", "≤ 1.25", jumpEnd <= bound);

	console.log(`page turns… (this process: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB)`);
	const traced = (name) => {
		const file = join(out, `${name}.json`);
		return {
			file,
			env: `FIC_KEY_TRACE=${quote(file)} NODE_OPTIONS=--import=${quote(join(root, "bench", "key-trace.mjs"))}`,
		};
	};
	const traceStart = traced("turns-start");
	const traceEnd = traced("turns-end");
	const [less, pager, turnStart, turnEnd] = await pageTurnsInTurns([
		() => `LESS= less ${quote(big)}`,
		() => `${quote(node)} ${quote(join(out, "minimal-pager.mjs"))} ${quote(big)}`,
		() => ficCommand(big, configAt(big), traceStart.env),
		() => ficCommand(big, configAt(big, 0.98), traceEnd.env),
	]);
	for (const [what, turn] of [
		["page turn, 50 MB, start", turnStart],
		["page turn, 50 MB, last chapter", turnEnd],
	]) {
		row(what, turn, less, "less", "≤ 1.5× less", turn <= 1.5 * less);
		row(what, turn, pager, "minimal Ink pager", "≤ 1.15× pager", turn <= 1.15 * pager);
	}
	// Inside fic: from reading a key's bytes to the first write after it (bench/key-trace.mjs).
	for (const [what, trace] of [
		["key to write inside fic, start", traceStart],
		["key to write inside fic, last chapter", traceEnd],
	])
		row(
			what,
			median(
				readFileSync(trace.file, "utf8")
					.split("\n")
					.filter(Boolean)
					.flatMap((line) => JSON.parse(line)),
			),
			undefined,
			"",
			"(reported)",
			true,
		);

	console.log("resize…");
	const resizes = [];
	const began = start(ficCommand(big, configAt(big, 0.6)));
	await until(hasTag, began);
	await new Promise((resolve) => setTimeout(resolve, 500));
	for (let run = 0; run < RUNS; run++) {
		const top = tags()[0];
		const columns = run % 2 === 0 ? 70 : 100;
		const sent = resize(columns, 30);
		resizes.push(
			await until(
				(screen) =>
					tags(screen).includes(top) &&
					screen.split("\n").every((line) => line.length <= columns) &&
					screen.includes("page"),
				sent,
			),
		);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	stop();
	const resizeMs = median(resizes);
	row("resize, same passage, 50 MB", resizeMs, 100, "target 100 ms", "≤ 100 ms", resizeMs <= 100);

	console.log("layout speed and memory…");
	const speed = JSON.parse(
		execFileSync(node, [join(out, "layout-speed.mjs"), stories[10], chinese], {
			encoding: "utf8",
		}),
	);
	row(
		"page count, English, MB/s",
		speed.english,
		speed.wrapAnsiEnglish,
		"wrap-ansi alone",
		"≥ 15 MB/s",
		speed.english >= 15,
	);
	row(
		"page count, Chinese, MB/s",
		speed.chinese,
		speed.wrapAnsiChinese,
		"wrap-ansi alone",
		"≥ 15 MB/s",
		speed.chinese >= 15,
	);

	const rssFile = join(out, "rss.txt");
	const config = configAt(big);
	start(`/usr/bin/time -f %M -o ${quote(rssFile)} ${ficCommand(big, config)}`);
	await until(hasTag);
	sendKey("G");
	await until((screen) => /page \d+ of \d+/.test(screen), process.hrtime.bigint(), 60_000);
	sendKey("q");
	await until(() => {
		try {
			return readFileSync(rssFile, "utf8").trim().length > 0;
		} catch {
			return false;
		}
	});
	stop();
	const rssMb = Number(readFileSync(rssFile, "utf8").trim()) / 1024;
	const fileMb = statSync(big).size / 1024 / 1024;
	row("peak RSS, 50 MB story, MB", rssMb, 3 * fileMb + 120, "3 × file + 120 MB", "≤ 1", rssMb <= 3 * fileMb + 120);

	const load = `load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end`;
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${load}`;
	const format = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : "timeout");
	const table = [
		"| measure | fic | reference | ratio | target | met |",
		"|---|---|---|---|---|---|",
		...rows.map(
			(entry) =>
				`| ${entry.what} | ${format(entry.value)} | ${entry.reference === undefined ? "" : `${format(entry.reference)} (${entry.referenceName})`} | ${entry.ratio === undefined ? "" : entry.ratio.toFixed(2)} | ${entry.target} | ${entry.ok ? "yes" : "NO"} |`,
		),
	].join("\n");
	console.log(
		`\n${table}\n\nTimes in ms unless named; medians of ${RUNS} runs (first screens: ${FIRST_SCREEN_RUNS}, taken in turns with the reference; page turns: 3 runs of 20 each, in turns with less and the pager). Machine: ${machine}`,
	);
	writeFileSync(
		join(root, "bench", "RESULTS.md"),
		`# Benchmark results\n\nThe last run of \`npm run bench\` (${new Date().toISOString().slice(0, 10)}), on ${machine}.\nTimes in ms unless named; medians of ${RUNS} runs (first screens: ${FIRST_SCREEN_RUNS}, taken in turns with the reference; page turns: 3 runs of 20 each, in turns with less and the pager) in tmux at 100×30.\n\n${table}\n`,
	);
	rmSync(out, { recursive: true, force: true });
	if (rows.some((entry) => !entry.ok)) process.exitCode = 1;
}

await main();
