// The terminal size: injected by tests, else Ink's window size (re-renders on resize).

import { useWindowSize } from "ink";

export interface TerminalSize {
	columns: number;
	rows: number;
}

export function useTerminalSize(injected?: TerminalSize): TerminalSize {
	const window = useWindowSize();
	return injected ?? { columns: window.columns, rows: window.rows };
}
