// The library's rows: stories joined with their reading records, newest read first.

export interface LibraryRow {
	path: string;
	title: string;
	author?: string;
	words: number;
	percent: number;
	lastRead?: string;
}

export function sortLibrary(rows: LibraryRow[]): LibraryRow[] {
	return [...rows].sort((a, b) => {
		if (a.lastRead && b.lastRead) return b.lastRead.localeCompare(a.lastRead);
		if (a.lastRead) return -1;
		if (b.lastRead) return 1;
		return a.title.localeCompare(b.title);
	});
}

export function progressBar(percent: number, cells: number): string {
	const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * cells);
	return "█".repeat(filled) + "░".repeat(cells - filled);
}

export function relativeTime(iso: string | undefined, now: Date): string {
	if (!iso) return "not started";
	const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
	if (days <= 0) return "today";
	if (days === 1) return "yesterday";
	if (days < 30) return `${days} days ago`;
	return new Date(iso).toISOString().slice(0, 10);
}
