// The ReadingStore kept with conf, guarding the user's file: a damaged one is set aside, never lost.

import { accessSync, constants, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type Conf from "conf";
import { configDirectory } from "./config-directory.js";
import { readJson, readOrSetAside, type SetAside } from "./damaged-files.js";
import { MemoryStore } from "./memory-store.js";
import { mergeRecords, stampChanges } from "./merge-record.js";
import {
	DEFAULT_SETTINGS,
	isStoryRecord,
	pickRecord,
	type ReadingStore,
	type RecordKeys,
	readSettings,
	type Settings,
	type StoryRecord,
	savedSettings,
} from "./reading-store.js";
import { StartReads } from "./start-reads.js";

/** A short name and a reason for an error, for one-line messages. */
const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

type ConfFile = Conf<Record<string, unknown>>;
type ConfClass = typeof Conf;

/**
 * conf (with its JSON-schema validator) costs more start-up time than the rest of the reader's
 * storage, so it is loaded just after the first screen: reads go straight to the JSON files conf
 * writes, and writes made before it arrives wait in a queue (`settled()` says when they are on
 * disk) while reads see them from memory.
 */
let confClass: ConfClass | undefined;
let confLoading: Promise<ConfClass> | undefined;
function loadConf(): Promise<ConfClass> {
	confLoading ??= import("conf").then((module) => {
		confClass = module.default;
		return confClass;
	});
	return confLoading;
}

export class ConfStore implements ReadingStore {
	private warning: string | undefined;
	private failed = false;
	private readonly storyFiles = new Map<string, ConfFile>();
	private main: ConfFile | undefined;
	private readonly queue: Array<(Conf: ConfClass) => void> = [];
	private loaded: Promise<void> | undefined;
	/** Records and settings written but not yet on disk: reads see these first. */
	private readonly unsavedRecords = new Map<string, StoryRecord>();
	private readonly unsavedSettings = new Map<string, unknown>();
	/** Each story's record as this process last saved (or first read) it: what it changed is what it sends. */
	private readonly lastSent = new Map<string, StoryRecord>();
	/** Why the last write failed; cleared by one that succeeds. */
	private writeFailure: string | undefined;
	/** Full paths of damaged files set aside, for the line fic writes at exit. */
	private readonly keptAside: string[] = [];
	private readonly warningListeners = new Set<() => void>();
	private readonly startReads = new StartReads();

	private constructor(
		private readonly directory: string,
		config: { value: unknown; damaged?: SetAside },
	) {
		this.startReads.remember(join(directory, "config.json"), config.value);
		if (config.damaged) this.noteSetAside(config.damaged, "Reading positions damaged");
		// After the current task, in which the reader draws its first screen.
		setTimeout(() => void this.load(), 0);
	}

	/** Starts loading conf (once); queued writes go to disk when it arrives. */
	private load(): Promise<void> {
		this.startReads.forget();
		this.loaded ??= loadConf().then(
			(Conf) => this.drain(Conf),
			(error) => {
				if (this.queue.length > 0) this.writeFailure = reasonOf(error);
				this.fail(error);
			},
		);
		return this.loaded;
	}

	/** Open the store; when the folder cannot be used, reading goes on with an in-memory store. */
	static open(directory = configDirectory()): ReadingStore {
		try {
			mkdirSync(directory, { recursive: true });
			accessSync(directory, constants.W_OK);
			return new ConfStore(directory, readOrSetAside(join(directory, "config.json"), "config.json"));
		} catch (error) {
			return new MemoryStore(`Cannot use ${directory} (${reasonOf(error)}): reading positions will not be saved`);
		}
	}

	/** Resolves once conf is loaded, so later writes go to disk at once (tests wait for this). */
	static async ready(): Promise<void> {
		await loadConf();
	}

	settled(): Promise<void> {
		if (this.queue.length === 0 && !this.loaded) return Promise.resolve();
		return this.load().then(() => {
			if (confClass) this.drain(confClass);
		});
	}

	private drain(Conf: ConfClass): void {
		for (const write of this.queue.splice(0)) this.runWrite(write, Conf);
	}

	/** One write: a failure costs a warning (once) and is remembered until a later write succeeds. */
	private runWrite(write: (Conf: ConfClass) => void, Conf: ConfClass): void {
		try {
			write(Conf);
			this.writeFailure = undefined;
		} catch (error) {
			this.writeFailure = reasonOf(error);
			this.fail(error);
		}
	}

	private noteSetAside(damaged: SetAside, what: string): void {
		this.keptAside.push(damaged.path);
		this.warning ??= `${what}; kept as ${damaged.shown}`;
		this.announce();
	}

	/** Tells whoever shows warnings that one is waiting (a save failed while reading). */
	private announce(): void {
		for (const listener of this.warningListeners) listener();
	}

	onWarning(listener: () => void): () => void {
		this.warningListeners.add(listener);
		return () => this.warningListeners.delete(listener);
	}

	private write(action: (Conf: ConfClass) => void): void {
		this.startReads.forget();
		// Without conf, nothing can be saved: the warning says so, and writes are not kept.
		if (this.failed && !confClass) return;
		// Behind queued writes, never ahead of them.
		if (confClass && this.queue.length === 0) this.runWrite(action, confClass);
		else {
			this.queue.push(action);
			void this.load();
		}
	}

	private get storiesDirectory(): string {
		return join(this.directory, "stories");
	}

	private fail(error: unknown): void {
		if (this.failed) return;
		this.failed = true;
		if (!confClass) this.queue.length = 0;
		this.warning = `Cannot save reading positions (${reasonOf(error)}); reading goes on`;
		this.announce();
	}

	/** Run a call; a file that cannot be read or written costs a warning, never the reading. */
	private guard<T>(action: () => T, fallback: T): T {
		try {
			return action();
		} catch (error) {
			this.fail(error);
			return fallback;
		}
	}

	private mainFile(Conf: ConfClass): ConfFile {
		this.main ??= new Conf<Record<string, unknown>>({ projectName: "fic", cwd: this.directory, configName: "config" });
		return this.main;
	}

	/**
	 * Each story's record lives in a file of its own (stories/<fingerprint>.json), so two fic
	 * processes reading different stories never overwrite each other's place: conf rewrites a
	 * whole file on every set, and concurrent writers of one file lose updates.
	 */
	private storyFile(Conf: ConfClass, fingerprint: string): ConfFile {
		let file = this.storyFiles.get(fingerprint);
		if (!file) {
			file = new Conf<Record<string, unknown>>({
				projectName: "fic",
				cwd: this.storiesDirectory,
				configName: fingerprint,
			});
			this.storyFiles.set(fingerprint, file);
		}
		return file;
	}

	private readRecord(fingerprint: string): StoryRecord | undefined {
		const unsaved = this.unsavedRecords.get(fingerprint);
		if (unsaved) return unsaved;
		if (!/^[0-9a-z-]+$/.test(fingerprint)) return undefined;
		const file = join(this.storiesDirectory, `${fingerprint}.json`);
		if (!existsSync(file)) return undefined;
		const record = this.startReads.read(file, () => {
			const { value, damaged } = readOrSetAside(file, `stories/${fingerprint}.json`);
			if (damaged) this.noteSetAside(damaged, "Saved place damaged");
			return value;
		});
		if (!isStoryRecord(record)) return undefined;
		if (!this.lastSent.has(fingerprint)) this.lastSent.set(fingerprint, record);
		return record;
	}

	private configFile = (): unknown => this.startReads.read(join(this.directory, "config.json"), readJson);

	private setting(key: string): unknown {
		if (this.unsavedSettings.has(key)) return this.unsavedSettings.get(key);
		return (this.configFile() as Record<string, unknown> | null | undefined)?.[key]; // a string or null has no keys
	}

	find(keys: RecordKeys): StoryRecord | undefined {
		return pickRecord(
			keys,
			(name) => this.readRecord(name),
			() => this.all().map(({ record }) => record),
		);
	}

	/** Merged with the record on disk, which another fic window on the same story may have changed. */
	save(fingerprint: string, record: StoryRecord): void {
		const copy = stampChanges(record, this.lastSent.get(fingerprint), new Date().toISOString());
		this.lastSent.set(fingerprint, copy);
		this.unsavedRecords.set(fingerprint, copy);
		this.write((Conf) => {
			const onDisk = readJson(join(this.storiesDirectory, `${fingerprint}.json`));
			this.storyFile(Conf, fingerprint).store = { ...mergeRecords(isStoryRecord(onDisk) ? onDisk : undefined, copy) };
			if (this.unsavedRecords.get(fingerprint) === copy) this.unsavedRecords.delete(fingerprint);
		});
		this.setSetting("lastStory", copy.path);
	}

	opened(path: string): void {
		if (this.lastStoryPath() !== path) this.setSetting("lastStory", path);
	}

	/** Sets a key of config.json. */
	private setSetting(key: string, value: unknown): void {
		this.unsavedSettings.set(key, value);
		this.write((Conf) => {
			this.mainFile(Conf).set(key, value);
			if (this.unsavedSettings.get(key) === value) this.unsavedSettings.delete(key);
		});
	}

	all(): Array<{ fingerprint: string; record: StoryRecord }> {
		const names = this.guard(() => (existsSync(this.storiesDirectory) ? readdirSync(this.storiesDirectory) : []), []);
		const entries: Array<{ fingerprint: string; record: StoryRecord }> = [];
		for (const name of names) {
			const fingerprint = name.slice(0, -5);
			if (!name.endsWith(".json") || this.unsavedRecords.has(fingerprint)) continue;
			// A damaged record file is set aside when its story is next opened; the list skips it.
			const record = readJson(join(this.storiesDirectory, name));
			if (isStoryRecord(record)) entries.push({ fingerprint, record });
		}
		for (const [fingerprint, record] of this.unsavedRecords) entries.push({ fingerprint, record });
		return entries;
	}

	settings(): Settings {
		return readSettings(this.setting("settings") ?? DEFAULT_SETTINGS, this.configFile());
	}

	saveSettings(settings: Settings): void {
		const saved = savedSettings(settings);
		const current = savedSettings(this.settings());
		if (JSON.stringify(current) === JSON.stringify(saved)) return;
		this.setSetting("settings", saved);
	}

	lastStoryPath(): string | undefined {
		const value = this.setting("lastStory");
		return typeof value === "string" ? value : undefined;
	}

	unsaved(): string | undefined {
		return this.writeFailure;
	}

	/** Full paths of the damaged files set aside this run (the status bar has room only for short names). */
	setAside(): string[] {
		return [...this.keptAside];
	}

	takeWarning(): string | undefined {
		const warning = this.warning;
		this.warning = undefined;
		return warning;
	}
}
