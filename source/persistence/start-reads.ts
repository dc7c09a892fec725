// The store's files as read at the start: the first screen asks for the settings, the last story and a record more than once.

export class StartReads {
	private files: Map<string, unknown> | undefined = new Map();

	/** The file's value: read with `read` the first time during the start, every time afterwards. */
	read(file: string, read: (file: string) => unknown): unknown {
		if (!this.files) return read(file);
		if (!this.files.has(file)) this.files.set(file, read(file));
		return this.files.get(file);
	}

	remember(file: string, value: unknown): void {
		this.files?.set(file, value);
	}

	/** Once conf has arrived or this process writes, another fic window may have changed a file: read the disk. */
	forget(): void {
		this.files = undefined;
	}
}
