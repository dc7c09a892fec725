// Warming up: once the first story is open, the pages after the first are drawn into an Ink of their
// own that writes nowhere, so the JIT has compiled the code that draws a page before the first key
// needs it (on the bench the first twenty page turns cost about a sixth less). A key stops it.

import { PassThrough, Writable } from "node:stream";
import { render } from "ink";
import { HANDLERS } from "../core/reader/commands/index.js";
import { readerScreen } from "../core/reader/screen.js";
import { settle } from "../core/reader/settle.js";
import type { AppState } from "../core/reader/state.js";
import { ReaderScreen } from "./screens/reader-screen.js";
import { type Theme, ThemeContext } from "./theme.js";

/** Pages drawn, one a macrotask with room for keys between. */
export const WARM_UP_PAGES = 40;
const PAUSE_MS = 2;

export interface WarmUp {
	stop: () => void;
	/** How many pages were drawn, once it has ended (all of them, the story's end, or a stop). */
	done: Promise<number>;
}

/** Draws the pages after the state's, as the reader would draw them, into a terminal of the same size. */
export function warmUp(state: AppState, theme: Theme): WarmUp {
	const { columns, rows } = state.terminal;
	const nowhere = Object.assign(new Writable({ write: (_chunk, _encoding, written) => written() }), { columns, rows });
	let current = state;
	const nextPage = () => {
		const next = settle(HANDLERS["page.next"](current, { name: "pagedown" }));
		const reading = next.reading;
		if (!reading || reading.position === current.reading?.position) return undefined;
		current = next;
		return (
			<ThemeContext value={theme}>
				<ReaderScreen model={readerScreen(next, reading)} columns={columns} rows={rows} />
			</ThemeContext>
		);
	};
	let drawn = 0;
	let timer: NodeJS.Timeout | undefined;
	let ink: ReturnType<typeof render> | undefined;
	let finish: (pages: number) => void = () => {};
	const done = new Promise<number>((resolve) => {
		finish = resolve;
	});
	const stop = () => {
		clearTimeout(timer);
		ink?.unmount();
		finish(drawn);
	};
	const draw = () => {
		const page = drawn < WARM_UP_PAGES ? nextPage() : undefined;
		if (!page) return stop();
		if (ink) ink.rerender(page);
		else
			ink = render(page, {
				stdout: nowhere as unknown as NodeJS.WriteStream,
				stdin: new PassThrough() as unknown as NodeJS.ReadStream,
				interactive: true,
				patchConsole: false,
				exitOnCtrlC: false,
				maxFps: 1000,
			});
		drawn++;
		timer = setTimeout(draw, PAUSE_MS);
	};
	timer = setTimeout(draw, 0);
	return { stop, done };
}
