// The readable measure: how many columns the text may take, whatever the terminal width.

export const MIN_MEASURE = 20;
export const MAX_MEASURE = 200;
export const MEASURE_STEP = 4;
export const DEFAULT_MEASURE = 80;

export function clampMeasure(measure: number): number {
	return Math.min(MAX_MEASURE, Math.max(MIN_MEASURE, measure));
}
