// A ReadingStore in memory: for tests, and the fallback when the config folder cannot be written.

import { deviceName } from "./locations.js";
import {
	DEFAULT_SETTINGS,
	isStoryRecord,
	pickRecord,
	type ReadingStore,
	type RecordKeys,
	type Settings,
	type StoryRecord,
} from "./reading-store.js";

export class MemoryStore implements ReadingStore {
	private records: Record<string, StoryRecord> = {};
	private currentSettings: Settings = { ...DEFAULT_SETTINGS };
	private lastPath: string | undefined;

	constructor(private warning?: string) {}

	find(keys: RecordKeys): StoryRecord | undefined {
		const records = this.records;
		return pickRecord(
			keys,
			(name) => (Object.hasOwn(records, name) ? records[name] : undefined),
			() => Object.values(records),
		);
	}

	save(name: string, record: StoryRecord): void {
		this.records[name] = record;
		this.lastPath = record.path;
	}

	all(): Array<{ name: string; record: StoryRecord }> {
		return Object.entries(this.records)
			.filter(([, record]) => isStoryRecord(record))
			.map(([name, record]) => ({ name, record }));
	}

	settings(): Settings {
		return { ...this.currentSettings };
	}

	saveSettings(settings: Settings): void {
		this.currentSettings = { ...settings };
	}

	lastStoryPath(): string | undefined {
		return this.lastPath;
	}

	opened(path: string): void {
		this.lastPath = path;
	}

	settled(): Promise<void> {
		return Promise.resolve();
	}

	/** Nothing was ever promised to disk: the warning at start said positions will not be saved. */
	unsaved(): string | undefined {
		return undefined;
	}

	/** Its only warning is the one given at start. */
	onWarning(_listener: () => void): () => void {
		return () => undefined;
	}

	/** Nothing on disk ever changes under it. */
	stateStamp(): number {
		return 0;
	}

	deviceName(): string {
		return deviceName(undefined);
	}

	takeWarning(): string | undefined {
		const warning = this.warning;
		this.warning = undefined;
		return warning;
	}
}
