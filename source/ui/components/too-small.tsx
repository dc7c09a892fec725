// Shown instead of the reader when the terminal is smaller than fic can use.

import { Text } from "ink";
import { MIN_COLUMNS, MIN_ROWS } from "../../core/geometry.js";

export function TooSmall({ columns }: { columns: number }) {
	return (
		<Text wrap="truncate-end">
			{`Terminal too small (need ${MIN_COLUMNS}×${MIN_ROWS})`.slice(0, Math.max(1, columns))}
		</Text>
	);
}
