// The error fic shows the user for bad input (one line, no stack trace), and how file-system errors are worded.

/** An error meant for the user: one line, no stack trace. */
export class StoryError extends Error {}

export function describeFsError(error: unknown, path: string): string {
	const code = (error as NodeJS.ErrnoException).code;
	// U+FFFD stands for bytes that are not UTF-8: argv came that way, or the file is named in another encoding.
	if (code === "ENOENT" && path.includes("\uFFFD"))
		return `no such file: ${path} (� marks bytes of the name that are not UTF-8; no file here has such a name)`;
	if (code === "ENOENT") return `no such file: ${path}`;
	if (code === "EACCES" || code === "EPERM") return `permission denied: ${path}`;
	if (code === "EISDIR") return `${path} is a directory, not a story file`;
	if (code === "ELOOP") return `too many symbolic links: ${path}`;
	return `cannot read ${path}: ${(error as Error).message}`;
}
