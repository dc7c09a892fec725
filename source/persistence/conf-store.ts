// The ReadingStore kept with conf, guarding the user's file: a damaged one is set aside, never lost.

import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type ConfClass, type ConfFile, loadConf, loadedConf } from "./conf-loader.js";
import { DAMAGED, type KeptAside, readJson, readOrSetAside, type SetAside } from "./damaged-files.js";
import { configDirectory } from "./locations.js";
import { MemoryStore } from "./memory-store.js";
import { stampChanges } from "./merge-record.js";
import {
	DEFAULT_SETTINGS,
	pickRecord,
	type ReadingStore,
	type RecordKeys,
	readSettings,
	type Settings,
	type StoryRecord,
	savedSettings,
} from "./reading-store.js";
import { type NameRead, RecordFiles, type Skipped } from "./record-files.js";
import { StartReads } from "./start-reads.js";
import { moveLegacyFolder, type StoreOptions, settingsObject, stateAndDevice, stateProblem } from "./store-folders.js";

/** A short name and a reason for an error, for one-line messages. */
const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

export class ConfStore implements ReadingStore {
	private warning: string | undefined;
	private failed = false;
	private main: ConfFile | undefined;
	private readonly queue: Array<{ target: string; action: (Conf: ConfClass) => void }> = [];
	private loaded: Promise<void> | undefined;
	/** Records and settings written but not yet on disk: reads see these first. */
	private readonly unsavedRecords = new Map<string, StoryRecord>();
	private readonly unsavedSettings = new Map<string, unknown>();
	/** Each story's record as this process last saved (or first read) it: what it changed is what it sends. */
	private readonly lastSent = new Map<string, StoryRecord>();
	/** Why the last write to each folder (config, state) failed; cleared by one that succeeds. */
	private readonly failures = new Map<string, string>();
	/** Damaged files set aside (full path, what they held), for the lines fic writes at exit. */
	private readonly keptAside: KeptAside[] = [];
	private readonly warningListeners = new Set<() => void>();
	private readonly startReads = new StartReads();
	/** Files of the state folder already said to be skipped (each is said once). */
	private readonly skipped = new Set<string>();
	private readonly records: RecordFiles;

	private constructor(
		private readonly directory: string,
		config: { value: unknown; damaged?: SetAside },
		private readonly state: { folder: string; device: string; problem?: string },
	) {
		this.startReads.remember(join(directory, "config.json"), config.value);
		this.records = new RecordFiles(
			join(state.folder, "stories"),
			state.device,
			(damaged) => this.noteSetAside(damaged, "place"),
			(skipped) => this.noteSkipped(skipped),
		);
		if (config.damaged) this.noteSetAside(config.damaged, "settings");
		if (state.problem) this.warning ??= state.problem;
		// After the current task, in which the reader draws its first screen.
		setTimeout(() => void this.load(), 0);
	}

	/** Starts loading conf (once); queued writes go to disk when it arrives. */
	private load(): Promise<void> {
		this.startReads.forget();
		this.loaded ??= loadConf().then(
			(Conf) => this.drain(Conf),
			(error) => {
				for (const { target } of this.queue) this.failures.set(target, reasonOf(error));
				this.fail(error);
			},
		);
		return this.loaded;
	}

	/**
	 * Settings in `chosen` (else the config folder), reading state in the state folder. An unusable
	 * settings folder gives an in-memory store; an unwritable state folder is still read, and said.
	 */
	static open(chosen?: string, options: StoreOptions = {}): ReadingStore {
		const directory = chosen ?? configDirectory(options.env);
		try {
			mkdirSync(directory, { recursive: true });
			accessSync(directory, constants.W_OK);
			const moved = chosen ? undefined : moveLegacyFolder(directory, options);
			const config = readOrSetAside(join(directory, "config.json"), "config.json");
			const { state, device } = stateAndDevice(config.value, options, chosen);
			return new ConfStore(directory, config, { folder: state, device, ...stateProblem(state, moved) });
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
			const Conf = loadedConf();
			if (Conf) this.drain(Conf);
		});
	}

	private drain(Conf: ConfClass): void {
		for (const { target, action } of this.queue.splice(0)) this.runWrite(target, action, Conf);
	}

	/** One write: a failure costs a warning (once) and is remembered until a later write succeeds. */
	private runWrite(target: string, write: (Conf: ConfClass) => void, Conf: ConfClass): void {
		try {
			write(Conf);
			this.failures.delete(target);
		} catch (error) {
			this.failures.set(target, reasonOf(error));
			this.fail(error);
		}
	}

	/** A file of the state folder that is not a record fic can read: said once, never touched. */
	private noteSkipped({ file, why }: Skipped): void {
		if (this.skipped.has(file)) return;
		this.skipped.add(file);
		this.warning ??= `Skipped stories/${file} in ${this.state.folder} (${why})`;
		this.announce();
	}

	private noteSetAside(damaged: SetAside, held: keyof typeof DAMAGED): void {
		this.keptAside.push({ path: damaged.path, held: DAMAGED[held].held });
		this.warning ??= `${DAMAGED[held].said}; kept as ${damaged.shown}`;
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

	private write(target: string, action: (Conf: ConfClass) => void): void {
		this.startReads.forget();
		// Without conf, nothing can be saved: the warning says so, and writes are not kept.
		if (this.failed && !loadedConf()) return;
		// Behind queued writes, never ahead of them.
		const Conf = loadedConf();
		if (Conf && this.queue.length === 0) this.runWrite(target, action, Conf);
		else {
			this.queue.push({ target, action });
			void this.load();
		}
	}

	private fail(error: unknown): void {
		if (this.failed) return;
		this.failed = true;
		if (!loadedConf()) this.queue.length = 0;
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
	 * A story's record: this device's file and every other device's (and conflict copies), merged.
	 * Conflict copies are folded into this device's file and then removed.
	 */
	private readRecord(name: string): StoryRecord | undefined {
		const unsaved = this.unsavedRecords.get(name);
		if (unsaved) return unsaved;
		const { record, copies } = this.startReads.read(`record:${name}`, () => this.records.read(name)) as NameRead;
		if (!record) return undefined;
		if (copies.length > 0) this.write("state", (Conf) => this.records.fold(Conf, name));
		if (!this.lastSent.has(name)) this.lastSent.set(name, record);
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

	/** Into this device's file, merged with it (another fic window on this device may have changed it). */
	save(name: string, record: StoryRecord): void {
		const copy = stampChanges(record, this.lastSent.get(name), new Date().toISOString(), this.state.device);
		this.lastSent.set(name, copy);
		this.unsavedRecords.set(name, copy);
		this.write("state", (Conf) => {
			// A state folder that went away (a network drive) is not made again on the local disk.
			if (!existsSync(this.state.folder))
				throw Object.assign(new Error(`${this.state.folder} is gone`), { code: "ENOENT" });
			this.records.write(Conf, name, copy);
			if (this.unsavedRecords.get(name) === copy) this.unsavedRecords.delete(name);
		});
		this.setSetting("lastStory", copy.path);
	}

	opened(path: string): void {
		if (this.lastStoryPath() !== path) this.setSetting("lastStory", path);
	}

	/** Sets a key of config.json. */
	private setSetting(key: string, value: unknown): void {
		this.unsavedSettings.set(key, value);
		this.write("config", (Conf) => {
			this.mainFile(Conf).set(key, value);
			if (this.unsavedSettings.get(key) === value) this.unsavedSettings.delete(key);
		});
	}

	all(): Array<{ name: string; record: StoryRecord }> {
		const entries = this.guard(() => this.records.all(), []).filter(({ name }) => !this.unsavedRecords.has(name));
		for (const [name, record] of this.unsavedRecords) entries.push({ name, record });
		return entries;
	}

	settings(): Settings {
		return readSettings(this.setting("settings") ?? DEFAULT_SETTINGS, this.configFile());
	}

	/** The reader's settings, over the ones it does not know (stateDir, device, a newer fic's). */
	saveSettings(settings: Settings): void {
		const saved = savedSettings(settings);
		if (JSON.stringify(savedSettings(this.settings())) === JSON.stringify(saved)) return;
		this.setSetting("settings", { ...settingsObject({ settings: this.setting("settings") }), ...saved });
	}

	lastStoryPath(): string | undefined {
		const value = this.setting("lastStory");
		return typeof value === "string" ? value : undefined;
	}

	unsaved(): string | undefined {
		return this.failures.values().next().value;
	}

	deviceName(): string {
		return this.state.device;
	}

	stateStamp(): number {
		return this.records.stamp();
	}

	/** The damaged files set aside this run, with their full paths (the status bar has room only for short names). */
	setAside(): KeptAside[] {
		return [...this.keptAside];
	}

	takeWarning(): string | undefined {
		const warning = this.warning;
		this.warning = undefined;
		return warning;
	}
}
