// The error fic shows the user for bad input (one line, no stack trace), and how file-system errors are worded.

/** An error meant for the user: one line, no stack trace. */
export class StoryError extends Error {}

export function describeFsError(error: unknown, path: string): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === "ENOENT") return `no such file: ${path}`;
	if (code === "EACCES" || code === "EPERM") return `permission denied: ${path}`;
	if (code === "EISDIR") return `${path} is a directory, not a story file`;
	if (code === "ELOOP") return `too many symbolic links: ${path}`;
	return `cannot read ${path}: ${(error as Error).message}`;
}
