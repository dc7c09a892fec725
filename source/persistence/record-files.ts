// The state folder's stories/: each device writes only its own file of a story, and a story's record is all its files merged.

import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import type { ConfClass, ConfFile } from "./conf-loader.js";
import { readJson, readOrSetAside, type SetAside } from "./damaged-files.js";
import { mergeRecords } from "./merge-record.js";
import { isStoryRecord, type StoryRecord } from "./reading-store.js";
import { parseRecordFile, RECORD_NAME, recordFileName } from "./record-names.js";

/** A story's record as read from every file for it. */
export interface NameRead {
	record?: StoryRecord;
	/** The conflict copies merged into it: folded into this device's file, then removed. */
	copies: string[];
}

/** Why a file of the folder was skipped, shown once: `notes.txt (not fic's)`. */
export type Skipped = { file: string; why: string };

function readRecordFile(file: string): StoryRecord | string {
	let value: unknown;
	try {
		value = JSON.parse(readFileSync(file, "utf8"));
	} catch (error) {
		return (error as NodeJS.ErrnoException).code ?? "not JSON";
	}
	return isStoryRecord(value) ? value : "not a record";
}

export class RecordFiles {
	/** conf writes each file atomically (a temporary file, then a rename): a sync tool never sees half of one. */
	private readonly confFiles = new Map<string, ConfFile>();

	constructor(
		readonly folder: string,
		readonly device: string,
		private readonly setAside: (damaged: SetAside) => void,
		private readonly skip: (skipped: Skipped) => void,
		/** How this device's file is read: a damaged one is set aside (the reader will write it anew). */
		private readonly readOwn: typeof readOrSetAside = readOrSetAside,
	) {}

	/** The folder for a command that only reads (--json): no file renamed or written, a damaged one only skipped. */
	static readOnly(folder: string, device: string): RecordFiles {
		const ignore = () => undefined;
		return new RecordFiles(folder, device, ignore, ignore, (file) => ({ value: readJson(file) }));
	}

	private ownFileName(name: string): string {
		return recordFileName(name, this.device);
	}

	/**
	 * The folder's file names, by the record they belong to (only `only`'s, when given: a story is
	 * opened faster in a folder of thousands); other files are said (once, by the caller).
	 */
	private scan(only?: string): Map<string, string[]> {
		const byName = new Map<string, string[]>();
		let names = existsSync(this.folder) ? readdirSync(this.folder) : [];
		if (only !== undefined) names = names.filter((fileName) => fileName.startsWith(only));
		for (const fileName of names.sort()) {
			const parsed = parseRecordFile(fileName);
			if (parsed.kind === "foreign") this.skip({ file: fileName, why: "not fic's" });
			if (parsed.kind !== "device" && parsed.kind !== "conflict") continue;
			const files = byName.get(parsed.name) ?? [];
			files.push(fileName);
			byName.set(parsed.name, files);
		}
		return byName;
	}

	/** One story's files merged; this device's file first, so its path is the one kept. */
	private merge(name: string, fileNames: string[]): NameRead {
		const own = this.ownFileName(name);
		let record: StoryRecord | undefined;
		if (fileNames.includes(own)) {
			const { value, damaged } = this.readOwn(join(this.folder, own), `stories/${own}`);
			if (damaged) this.setAside(damaged);
			if (isStoryRecord(value)) record = value;
		}
		const copies: string[] = [];
		for (const fileName of fileNames) {
			if (fileName === own) continue;
			const read = readRecordFile(join(this.folder, fileName));
			if (typeof read === "string") {
				this.skip({ file: fileName, why: read });
				continue;
			}
			record = record ? mergeRecords(read, record) : read;
			if (parseRecordFile(fileName).kind === "conflict") copies.push(fileName);
		}
		return record ? { record, copies } : { copies };
	}

	/** The folder's modification time (0 when it is not there). */
	stamp(): number {
		try {
			return statSync(this.folder).mtimeMs;
		} catch {
			return 0;
		}
	}

	read(name: string): NameRead {
		if (!RECORD_NAME.test(name)) return { copies: [] };
		return this.merge(name, this.scan(name).get(name) ?? []);
	}

	all(): Array<{ name: string; record: StoryRecord }> {
		const entries: Array<{ name: string; record: StoryRecord }> = [];
		for (const [name, fileNames] of this.scan()) {
			const { record } = this.merge(name, fileNames);
			if (record) entries.push({ name, record });
		}
		return entries;
	}

	/** Writes this device's file: the record merged with what is in it (another window on this device may have saved). */
	write(Conf: ConfClass, name: string, record: StoryRecord): void {
		const own = readRecordFile(join(this.folder, this.ownFileName(name)));
		this.confFile(Conf, name).store = { ...mergeRecords(typeof own === "string" ? undefined : own, record) };
	}

	/** Conflict copies: their record goes into this device's file, and only then are they removed. */
	fold(Conf: ConfClass, name: string): void {
		const { record, copies } = this.read(name);
		if (!record || copies.length === 0) return;
		this.write(Conf, name, record);
		for (const copy of copies) unlinkSync(join(this.folder, copy));
	}

	private confFile(Conf: ConfClass, name: string): ConfFile {
		let file = this.confFiles.get(name);
		if (!file) {
			const configName = this.ownFileName(name).slice(0, -".json".length);
			file = new Conf<Record<string, unknown>>({ projectName: "fic", cwd: this.folder, configName });
			this.confFiles.set(name, file);
		}
		return file;
	}
}
