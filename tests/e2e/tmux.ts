// A real terminal for end-to-end tests: a private tmux server running a shell in which fic is typed.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");
/** The built CLI; FIC_E2E_CLI points the tests at another build (e.g. one kept apart from a rebuild). */
export const FIC = process.env.FIC_E2E_CLI ? resolve(process.env.FIC_E2E_CLI) : join(REPO, "dist/fic.js");
/** The prompt of the shell in the pane: seeing it at the bottom means the shell has the terminal. */
export const PROMPT = "e2e$ ";
const POLL_MS = 20;
const DEFAULT_TIMEOUT_MS = 10_000;

export interface Size {
	columns: number;
	rows: number;
}

export type Expectation = string | RegExp | ((screen: string) => boolean);

function sleep(ms: number): Promise<void> {
	return new Promise((done) => setTimeout(done, ms));
}

function matches(screen: string, expected: Expectation): boolean {
	if (typeof expected === "string") return screen.includes(expected);
	if (expected instanceof RegExp) return expected.test(screen);
	return expected(screen);
}

/** Fails early, with the fix, when the machine cannot run these tests. */
export function checkPrerequisites(): void {
	try {
		execFileSync("tmux", ["-V"], { stdio: "pipe" });
	} catch {
		throw new Error("tmux is needed for the end-to-end tests (apt-get install tmux)");
	}
	if (!existsSync(FIC)) throw new Error(`${FIC} is missing: run npm run build first`);
}

export interface TerminalOptions {
	configDir?: string;
	env?: Record<string, string | undefined>;
}

/**
 * One tmux server (its own socket, in its own temp dir) with one window running bash. `fic` in
 * that shell is a wrapper that records its pid and runs dist/fic.js on this Node with CI unset
 * and the reading positions kept in `configDir`.
 */
export class Terminal {
	readonly dir: string;
	readonly configDir: string;
	private readonly socket: string;
	private readonly pidFile: string;
	private readonly env: NodeJS.ProcessEnv;
	/** Every fic started here, so closing can wait for them to finish writing their positions. */
	private readonly pids: number[] = [];

	/**
	 * `configDir` lets a second terminal read the positions saved by a first one; `env` sets more
	 * variables for fic (FIC_STATE_DIR, FIC_DEVICE…), and one set to undefined is unset.
	 */
	constructor(size: Size, options: TerminalOptions = {}) {
		this.dir = mkdtempSync(join(tmpdir(), "fic-e2e-"));
		this.configDir = options.configDir ?? join(this.dir, "config");
		this.pidFile = join(this.dir, "fic.pid");
		this.socket = `fic-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
		const wrapper = join(this.dir, "fic");
		const variables = Object.entries({ FIC_CONFIG_DIR: this.configDir, ...options.env })
			.map(([name, value]) => (value === undefined ? `-u ${name}` : `${name}='${value}'`))
			.join(" ");
		writeFileSync(
			wrapper,
			[
				"#!/bin/sh",
				`echo $$ > '${this.pidFile}'`,
				`exec env -u CI ${variables} '${process.execPath}' '${FIC}' "$@"`,
				"",
			].join("\n"),
			{ mode: 0o755 },
		);
		const bashrc = join(this.dir, "bashrc");
		writeFileSync(bashrc, `PS1='${PROMPT}'\nPATH='${this.dir}':"$PATH"\nunset HISTFILE\n`);
		// The server and everything in it start from this environment, not vitest's: no CI (Ink
		// would not be interactive), no COLUMNS/LINES (the size is the pane's), no shell history.
		const env: NodeJS.ProcessEnv = {};
		for (const [key, value] of Object.entries(process.env)) {
			if (/^(CI|COLUMNS|LINES|NODE_ENV|TMUX|TMUX_PANE|VITEST.*|HISTFILE)$/.test(key)) continue;
			env[key] = value;
		}
		env.TMUX_TMPDIR = this.dir;
		env.TERM = env.TERM || "xterm-256color";
		this.env = env;
		this.tmux(
			"-f",
			"/dev/null",
			"new-session",
			"-d",
			"-s",
			"e2e",
			"-x",
			String(size.columns),
			"-y",
			String(size.rows),
			"-c",
			REPO,
			`bash --noprofile --rcfile '${bashrc}'`,
		);
		// resize-window switches its window to a manual size by itself (checked on tmux 3.3a); this also
		// keeps the size when someone attaches to watch (tmux -L <socket> attach) with a bigger terminal.
		this.tmux("set-option", "-g", "window-size", "manual");
	}

	tmux(...args: string[]): string {
		return execFileSync("tmux", ["-L", this.socket, ...args], {
			env: this.env,
			encoding: "utf8",
			stdio: ["ignore", "pipe", "pipe"],
		});
	}

	/** What the pane shows now, as plain text, one string per row. */
	lines(): string[] {
		return this.tmux("capture-pane", "-p", "-t", "e2e").replace(/\n$/, "").split("\n");
	}

	capture(): string {
		return this.lines().join("\n");
	}

	/** A tmux format for the pane, e.g. #{alternate_on} or #{pane_current_command}. */
	format(format: string): string {
		return this.tmux("display-message", "-p", "-t", "e2e", format).trim();
	}

	/** Keys as tmux names them ("Space", "Enter", "q", "PageDown"). */
	sendKeys(...keys: string[]): void {
		this.tmux("send-keys", "-t", "e2e", ...keys);
	}

	/** Types a line into the shell, as a person would. */
	type(line: string): void {
		this.tmux("send-keys", "-t", "e2e", "-l", line);
		this.sendKeys("Enter");
	}

	resize(size: Size): void {
		this.tmux("resize-window", "-t", "e2e", "-x", String(size.columns), "-y", String(size.rows));
	}

	size(): Size {
		const [columns, rows] = this.format("#{window_width} #{window_height}").split(" ").map(Number);
		return { columns: columns ?? 0, rows: rows ?? 0 };
	}

	/**
	 * Polls the screen until it matches and has stayed the same for `stableMs` (so a frame that tmux
	 * has only half drawn is not taken for the result); returns that screen, or fails showing the last.
	 */
	async waitFor(expected: Expectation, options: { timeout?: number; stableMs?: number } = {}): Promise<string> {
		const { timeout = DEFAULT_TIMEOUT_MS, stableMs = 0 } = options;
		const deadline = Date.now() + timeout;
		let screen = this.capture();
		let since = Date.now();
		for (;;) {
			if (matches(screen, expected) && Date.now() - since >= stableMs) return screen;
			if (Date.now() > deadline) break;
			await sleep(POLL_MS);
			const next = this.capture();
			if (next !== screen) since = Date.now();
			screen = next;
		}
		throw new Error(`timed out after ${timeout} ms waiting for ${String(expected)}; the screen was:\n${screen}`);
	}

	/** Polls any condition (not the screen) until it holds. */
	async until(what: string, condition: () => boolean, timeout = DEFAULT_TIMEOUT_MS): Promise<void> {
		const deadline = Date.now() + timeout;
		while (!condition()) {
			if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
			await sleep(POLL_MS);
		}
	}

	/** Waits for the shell's prompt on the last non-empty row. */
	async waitForPrompt(timeout = DEFAULT_TIMEOUT_MS): Promise<string> {
		return this.waitFor((screen) => lastRow(screen) === PROMPT.trim(), { timeout });
	}

	/** Types `fic ARGS` at the prompt; returns once the wrapper has recorded fic's pid. */
	async open(args: string): Promise<number> {
		rmSync(this.pidFile, { force: true });
		await this.waitForPrompt();
		this.type(`fic ${args}`);
		await this.until(
			"fic has started",
			() => existsSync(this.pidFile) && readFileSync(this.pidFile, "utf8").endsWith("\n"),
		);
		const pid = Number(readFileSync(this.pidFile, "utf8").trim());
		this.pids.push(pid);
		return pid;
	}

	/** Closes the terminal, as closing its window would (fic gets SIGHUP), and waits for fic to exit. */
	async hangUp(): Promise<void> {
		try {
			this.tmux("kill-server");
		} catch {
			// already gone
		}
		await this.until("every fic has exited", () => !this.pids.some(isAlive));
	}

	/** Hangs up and removes the temp dir. */
	async close(): Promise<void> {
		try {
			await this.hangUp();
		} finally {
			rmSync(this.dir, { recursive: true, force: true, maxRetries: 5 });
		}
	}
}

/** The last row with text on it, trimmed. */
export function lastRow(screen: string): string {
	const rows = screen.split("\n").filter((row) => row.trim() !== "");
	return rows.at(-1)?.trim() ?? "";
}

/** Whether a process is running: a zombie (exited, not yet reaped by init) counts as gone. */
export function isAlive(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
		return state !== "Z" && state !== "X";
	} catch {
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	}
}
