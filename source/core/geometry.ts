// Splits the terminal into reading pane, notes panel and status bar.

export const NARROW_COLUMNS = 90;
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;
const PANEL_GAP = 2;

export interface Geometry {
	tooSmall: boolean;
	/** Too narrow for the panel: notes are shown on demand over the text. */
	narrow: boolean;
	panelWidth: number;
	textWidth: number;
	textHeight: number;
	/** Columns before the text, centring it in the space the panel leaves. */
	leftPad: number;
}

export function screenGeometry(columns: number, rows: number, panelOpen: boolean, measure: number): Geometry {
	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
	const narrow = columns < NARROW_COLUMNS;
	const panelWidth = panelOpen && !narrow ? Math.min(40, Math.max(24, Math.round(columns / 3))) : 0;
	const available = Math.max(1, columns - panelWidth - (panelWidth > 0 ? PANEL_GAP : 0) - 2);
	const textWidth = Math.max(1, Math.min(available, measure));
	return {
		tooSmall,
		narrow,
		panelWidth,
		textWidth,
		textHeight: Math.max(1, rows - 1),
		leftPad: 1 + Math.floor((available - textWidth) / 2),
	};
}
