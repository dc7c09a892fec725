// Ctrl+Z and SIGTSTP suspend the reader as less does: the terminal is handed back, and `fg` redraws the page.

/** Ink's own hand-over of the terminal (useApp().suspendTerminal): alternate screen, raw mode, cursor. */
type SuspendTerminal = (whileSuspended: () => Promise<void>) => Promise<void>;

let suspendTerminal: SuspendTerminal | undefined;
let suspended = false;

/** Called once by the running reader with Ink's suspendTerminal. */
export function registerTerminal(suspend: SuspendTerminal): void {
	suspendTerminal = suspend;
}

/**
 * Stops the process until the shell continues it (`fg`). SIGSTOP, not SIGTSTP: fic handles
 * SIGTSTP itself, and SIGSTOP cannot be caught, so the stop always happens.
 */
function stopUntilContinued(): Promise<void> {
	return new Promise((continued) => {
		// Ink unrefs the keyboard while the terminal is handed over, and a signal listener keeps
		// nothing alive: without a timer Node would find no work after SIGCONT and exit.
		const alive = setInterval(() => undefined, 60_000);
		process.once("SIGCONT", () => {
			clearInterval(alive);
			continued();
		});
		process.kill(process.pid, "SIGSTOP");
	});
}

/**
 * Suspends the reader: leaves the alternate screen, restores cooked mode and the cursor, stops;
 * once continued, re-enters raw mode and the alternate screen and redraws the whole page.
 * For the ctrl+z key (Ink gives it as input "z" with key.ctrl) and for SIGTSTP; safe to call twice.
 */
export async function suspendReader(): Promise<void> {
	if (!suspendTerminal || suspended) return;
	suspended = true;
	try {
		await suspendTerminal(stopUntilContinued);
	} finally {
		suspended = false;
	}
}

/** `kill -TSTP` (or a terminal's suspend key outside raw mode) suspends as Ctrl+Z does, instead of freezing mid-frame. */
export function suspendOnStopSignal(): void {
	process.on("SIGTSTP", () => void suspendReader());
}
