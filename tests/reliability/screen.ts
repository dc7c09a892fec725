// The reader in tmux for the reliability tests: reading the status bar and the page, quitting, exit codes.

import { expect, type TestContext } from "vitest";
import { lastRow, type Size, Terminal, type TerminalOptions } from "../e2e/tmux.js";

/** A frame counts as drawn once it has not changed for this long. */
export const STABLE_MS = 150;
/** Longer than the 400 ms save debounce (the brief's "within half a second"), with room to spare. */
export const PAST_DEBOUNCE_MS = 600;
/** Under 90 columns there is no notes panel, so every row of the page is story text. */
export const READING_SIZE = { columns: 80, rows: 24 };

const STATUS = /(?:^|·)\s*page (\d+) of ~?(\d+)/;
const PANEL_EDGE = /[│╭╮╰╯]/;

/**
 * A tmux terminal closed when its test ends, so tests can run concurrently (most of their time
 * is spent waiting for frames) without one test's cleanup closing another's terminal.
 */
export function openTerminal(context: TestContext, size: Size = READING_SIZE, options: TerminalOptions = {}) {
	const term = new Terminal(size, options);
	context.onTestFinished(() => term.close());
	return term;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((done) => setTimeout(done, ms));
}

/** The page number in the status bar (the last row), or undefined when there is no status bar. */
export function pageNumber(screen: string): number | undefined {
	const match = STATUS.exec(lastRow(screen));
	return match ? Number(match[1]) : undefined;
}

/** The rows of the reading pane: the screen without the status bar, cut at the notes panel. */
export function textRows(screen: string): string[] {
	return screen
		.split("\n")
		.slice(0, -1)
		.map((row) => (row.split(PANEL_EDGE)[0] ?? "").trim());
}

/** The first row of text on the page: where the reading position is (pages start at it, as in less). */
export function topText(screen: string): string {
	return textRows(screen).find((row) => row !== "") ?? "";
}

/** Waits for the reader's status bar (optionally a given page) and a frame that has settled. */
export function waitForReader(term: Terminal, test: (page: number) => boolean = () => true): Promise<string> {
	return term.waitFor(
		(screen) => {
			const page = pageNumber(screen);
			return page !== undefined && test(page);
		},
		{ stableMs: STABLE_MS },
	);
}

/** Presses Space and waits until the status bar shows the next page. */
export async function nextPage(term: Terminal): Promise<string> {
	const before = pageNumber(term.capture());
	if (before === undefined) throw new Error(`no status bar before paging:\n${term.capture()}`);
	term.sendKeys("Space");
	return waitForReader(term, (page) => page === before + 1);
}

/** Waits until the shell has the terminal back: its prompt at the bottom, the alternate screen left. */
export async function waitForShell(term: Terminal, timeout?: number): Promise<string> {
	const screen = await term.waitForPrompt(timeout);
	expect(term.format("#{alternate_on}"), "the alternate screen should be left").toBe("0");
	return screen;
}

let asked = 0;
/** The exit status of the last command in the pane's shell (call once the prompt is back). */
export async function lastExitStatus(term: Terminal): Promise<number> {
	const tag = `exit-${++asked}`;
	term.type(`echo "${tag}=$?"`);
	const screen = await term.waitFor(new RegExp(`${tag}=(\\d+)`));
	return Number(new RegExp(`${tag}=(\\d+)`).exec(screen)?.[1]);
}

/** Quits fic with q and waits for the shell; returns fic's exit status. */
export async function quitReader(term: Terminal): Promise<number> {
	term.sendKeys("q");
	await waitForShell(term);
	return lastExitStatus(term);
}

/** Shell quoting for a path typed into the pane. */
export function quote(path: string): string {
	return `'${path.replaceAll("'", `'\\''`)}'`;
}

/** fic open on `story` in a fresh terminal at the reading size, `turns` pages in; returns the page shown. */
export async function openPagesIn(
	context: TestContext,
	story: string,
	turns: number,
): Promise<{ term: Terminal; pid: number; page: string }> {
	const term = openTerminal(context);
	const pid = await term.open(quote(story));
	let page = await waitForReader(term, (number) => number === 1);
	for (let turn = 0; turn < turns; turn++) page = await nextPage(term);
	return { term, pid, page };
}
