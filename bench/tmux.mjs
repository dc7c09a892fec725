// Times what a person sees: commands run in a real tmux pane, the screen read with capture-pane.
import { execFileSync } from "node:child_process";

const socket = `fic-bench-${process.pid}`;

export function tmux(...args) {
	return execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
}

export function capture() {
	try {
		return tmux("capture-pane", "-p", "-t", "bench");
	} catch {
		return "";
	}
}

export function start(command, columns = 100, rows = 30) {
	try {
		tmux("kill-server");
	} catch {}
	const began = process.hrtime.bigint();
	tmux("new-session", "-d", "-s", "bench", "-x", String(columns), "-y", String(rows), `${command}; sleep 60`);
	return began;
}

/** Ends the session and waits (up to 3 s) until its program has exited, so it cannot slow the next. */
export function stop() {
	let pid;
	try {
		pid = Number(paneProcess());
		tmux("kill-server");
	} catch {}
	const deadline = Date.now() + 3000;
	while (pid && Date.now() < deadline) {
		try {
			process.kill(pid, 0);
		} catch {
			return;
		}
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Milliseconds from `since` until the screen satisfies `test`; Infinity after the timeout. The screen
 * is read every 5 ms, as ../shared/bench/ttfs.sh reads it: reading it more often takes CPU from the
 * program being timed (on two cores, a 3 ms poll added a tenth to fic's first screen).
 */
export async function until(test, since = process.hrtime.bigint(), timeoutMs = 20_000) {
	for (;;) {
		const elapsed = Number(process.hrtime.bigint() - since) / 1e6;
		if (test(capture())) return Number(process.hrtime.bigint() - since) / 1e6;
		if (elapsed > timeoutMs) return Number.POSITIVE_INFINITY;
		await sleep(5);
	}
}

export function sendKey(key) {
	const sent = process.hrtime.bigint();
	tmux("send-keys", "-t", "bench", key);
	return sent;
}

export function resize(columns, rows) {
	const sent = process.hrtime.bigint();
	tmux("resize-window", "-t", "bench", "-x", String(columns), "-y", String(rows));
	return sent;
}

/** The paragraph tags on screen, as numbers. */
export function tags(screen = capture()) {
	return [...screen.matchAll(/\[P(\d{7})\]/g)].map((match) => Number(match[1]));
}

export function paneProcess() {
	const shell = tmux("display", "-p", "-t", "bench", "#{pane_pid}").trim();
	try {
		return execFileSync("pgrep", ["-P", shell], { encoding: "utf8" }).trim().split("\n")[0];
	} catch {
		return undefined;
	}
}
