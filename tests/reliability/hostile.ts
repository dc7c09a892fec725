// Shared by the hostile-input tests: run the built CLI on raw bytes, scan output for terminal hazards, write stories.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestContext } from "vitest";
import { type Category, type Outcome, recordOutcome } from "./ledger.js";

/** The built CLI; FIC_E2E_CLI points these tests at another build, as it does the tmux tests. */
export const CLI = process.env.FIC_E2E_CLI
	? resolve(process.env.FIC_E2E_CLI)
	: resolve(import.meta.dirname, "../../dist/fic.js");
export const REPO = resolve(import.meta.dirname, "../..");

export interface Run {
	status: number | null;
	signal: NodeJS.Signals | null;
	/** The exact bytes fic wrote, so nothing is lost to decoding before it is checked. */
	stdout: Buffer;
	stderr: string;
}

export interface RunOptions {
	/** Where fic keeps reading positions (FIC_CONFIG_DIR). */
	configDir: string;
	/** Bytes on standard input; without it, standard input is an empty pipe. */
	input?: Buffer | string;
	timeout?: number;
	/** In a session of its own, so there is no controlling terminal (/dev/tty) either. */
	detached?: boolean;
	/** More environment variables. */
	env?: NodeJS.ProcessEnv;
}

/**
 * The built CLI on this Node, outside any terminal: stdin, stdout and stderr are pipes, and the
 * output is kept as raw bytes. Asynchronous, so the cases of a file can run side by side.
 */
export function runFic(args: string[], options: RunOptions): Promise<Run> {
	const command = [process.execPath, CLI, ...args];
	// setsid(1) starts a new session, leaving the child without a controlling terminal.
	if (options.detached) command.unshift("setsid");
	return runCommand(command, options);
}

/** Any command, with fic's reading positions kept in `options.configDir`. */
export function runCommand(command: string[], options: RunOptions): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(command[0] as string, command.slice(1), {
			env: { ...process.env, ...options.env, FIC_CONFIG_DIR: options.configDir },
		});
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
		const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 30_000);
		child.on("error", reject);
		child.on("close", (status, signal) => {
			clearTimeout(timer);
			resolve({
				status,
				signal,
				stdout: Buffer.concat(stdout),
				stderr: Buffer.concat(stderr).toString("utf8"),
			});
		});
		// fic may exit before reading all of its input (a refused file): that is not an error here.
		child.stdin.on("error", () => {});
		child.stdin.end(options.input ?? "");
	});
}

/**
 * A crash, as opposed to a refusal: killed by a signal, a stack trace, fic's own "internal" or
 * "unexpected" error, or an exit status fic never uses on purpose (0 ok, 1 bad input, 2 usage).
 */
export function crashed(run: Run): boolean {
	return (
		run.signal !== null ||
		run.status === null ||
		![0, 1, 2].includes(run.status) ||
		/^\s+at\s/m.test(run.stderr) ||
		/internal error|unexpected error/i.test(run.stderr)
	);
}

/** A refusal as fic promises it: the given status and exactly one line on stderr, nothing else. */
export function refusedInOneLine(run: Run, status: number): boolean {
	const lines = run.stderr.trimEnd().split("\n");
	return run.status === status && lines.length === 1 && lines[0]?.startsWith("fic: ") === true;
}

const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/**
 * Everything in `bytes` that could drive a terminal: C0 controls other than newline (ESC, BEL,
 * backspace, CR…), DEL, C1 controls whether as a stray byte or as U+0080–U+009F, and bidi
 * overrides and isolates. Bytes 0x80–0x9F are fine inside a valid UTF-8 sequence (␛ is E2 90 9B),
 * so the bytes are walked as UTF-8 by hand rather than searched.
 */
export function terminalHazards(bytes: Uint8Array): string[] {
	const found = new Set<string>();
	let index = 0;
	while (index < bytes.length) {
		const byte = bytes[index] as number;
		if (byte < 0x80) {
			if ((byte < 0x20 && byte !== 0x0a) || byte === 0x7f) found.add(`control 0x${hex(byte)}`);
			index++;
			continue;
		}
		const length =
			byte >= 0xf0 && byte < 0xf5 ? 4 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xc2 && byte < 0xe0 ? 2 : 0;
		let valid = length > 0 && index + length <= bytes.length;
		for (let next = 1; valid && next < length; next++) valid = ((bytes[index + next] as number) & 0xc0) === 0x80;
		if (!valid) {
			found.add(`stray byte 0x${hex(byte)}`);
			index++;
			continue;
		}
		const point = Buffer.from(bytes.subarray(index, index + length))
			.toString("utf8")
			.codePointAt(0) as number;
		if (point >= 0x80 && point <= 0x9f) found.add(`C1 U+${hex(point, 4)}`);
		if (BIDI.has(point)) found.add(`bidi U+${hex(point, 4)}`);
		index += length;
	}
	return [...found];
}

function hex(value: number, digits = 2): string {
	return value.toString(16).toUpperCase().padStart(digits, "0");
}

/** Typical UTF-8-read-as-Windows-1252 (or Latin-1) debris: “ becomes â€œ, é becomes Ã©. */
export const MOJIBAKE = /â€|Ã[\u0080-\u00ff]|Â[\u00a0-\u00bf]|ï»¿/;

export interface Scratch {
	dir: string;
	/** A config folder inside it, for FIC_CONFIG_DIR. */
	config: string;
	/** Write a file into it; returns its path. */
	file: (name: string, content: string | Buffer) => string;
	remove: () => void;
}

export function scratch(prefix: string): Scratch {
	const dir = mkdtempSync(join(tmpdir(), `fic-${prefix}-`));
	return {
		dir,
		config: join(dir, "config"),
		file: (name, content) => {
			const path = join(dir, name);
			writeFileSync(path, content);
			return path;
		},
		remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }),
	};
}

const KEEPERS = ["keeper", "ferryman", "archivist", "cartographer", "lamplighter", "tidewatcher", "net mender"];
const DEEDS = ["mended", "counted", "folded", "carried", "weighed", "sorted", "dried", "rewound"];
const THINGS = ["the nets", "the charts", "the lantern wicks", "the ledgers", "the oars", "the letters", "the rope"];
const PLACES = [
	"by the harbour wall",
	"under the lamp room",
	"at the end of the pier",
	"in the boathouse",
	"on the wet shingle",
	"beside the signal mast",
];

/** One sentence with a number that occurs nowhere else, so a screen row tells where in the story it is. */
export function sentence(entry: number): string {
	const pick = <T>(list: T[], salt: number) => list[(entry * salt + salt) % list.length] as T;
	return `In entry ${String(entry).padStart(4, "0")} the ${pick(KEEPERS, 3)} ${pick(DEEDS, 5)} ${pick(THINGS, 7)} ${pick(PLACES, 11)}.`;
}

/**
 * A plain-text story (original filler prose): `chapters` chapters of `paragraphs` paragraphs of
 * four numbered sentences each; numbering starts at `firstEntry`.
 */
export function storyText(chapters = 3, paragraphs = 24, firstEntry = 1): string {
	const out: string[] = [];
	let entry = firstEntry;
	for (let chapter = 1; chapter <= chapters; chapter++) {
		out.push(`Chapter ${chapter}: The ${["Ferry", "Lamp Room", "Ledger", "Signal", "Shingle"][chapter % 5]}`);
		for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
			const sentences: string[] = [];
			for (let count = 0; count < 4; count++) sentences.push(sentence(entry++));
			out.push(sentences.join(" "));
		}
	}
	return `${out.join("\n\n")}\n`;
}

/** The entry numbers a piece of text shows, in order (a wrapped "entry" may end a line). */
export function entries(text: string): number[] {
	return [...text.matchAll(/entry\s+(\d{4})/g)].map((match) => Number(match[1]));
}

/**
 * Waits until a store's writes are on disk. The conf store queues writes until conf has loaded
 * (just after it opens; `settled()`); a store without that method writes at once.
 */
export async function settle(store: object): Promise<void> {
	await (store as { settled?: () => Promise<void> }).settled?.();
}

/**
 * A ledger entry for a case that may never get to record itself: when fic stops answering (the
 * screen a tmux test waits for never comes), the test fails on a timeout before its own
 * recordOutcome call, so the case is recorded as crashed when the test ends unrecorded.
 */
export function ledgerCase(context: TestContext, category: Category, name: string): (outcome?: Outcome) => void {
	let recorded = false;
	context.onTestFinished(() => {
		if (!recorded) recordOutcome(category, name, { crashed: true });
	});
	return (outcome = {}) => {
		recorded = true;
		recordOutcome(category, name, outcome);
	};
}
