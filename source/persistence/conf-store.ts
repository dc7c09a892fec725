// The ReadingStore kept with conf, guarding the user's file: a damaged one is set aside, never lost.

import { existsSync, readFileSync, renameSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import Conf from "conf";
import { MemoryStore } from "./memory-store.js";
import {
	DEFAULT_SETTINGS,
	findRecord,
	isStoryRecord,
	type ReadingStore,
	readSettings,
	type Settings,
	type StoryRecord,
} from "./reading-store.js";

/** Where fic keeps its file: $FIC_CONFIG_DIR, else conf's usual place under $XDG_CONFIG_HOME. */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
	if (env.FIC_CONFIG_DIR) return env.FIC_CONFIG_DIR;
	const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
	return join(base, "fic-nodejs");
}

function timestamp(): string {
	return new Date().toISOString().replace(/[:.]/g, "-");
}

/** If config.json is empty or not a JSON object, rename it aside; returns a message saying so. */
function setAsideIfDamaged(file: string): string | undefined {
	if (!existsSync(file)) return undefined;
	let damaged = false;
	try {
		const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
		damaged = !parsed || typeof parsed !== "object" || Array.isArray(parsed);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code) return undefined; // unreadable: leave it for conf to report
		damaged = true;
	}
	if (!damaged) return undefined;
	const backup = `${file}.corrupt-${timestamp()}`;
	renameSync(file, backup);
	return `The reading-positions file was damaged; it was kept as ${backup} and fic started fresh`;
}

export class ConfStore implements ReadingStore {
	private warning: string | undefined;
	private writeFailed = false;

	private constructor(
		private readonly conf: Conf<Record<string, unknown>>,
		warning: string | undefined,
	) {
		this.warning = warning;
	}

	/** Open the store; when the folder cannot be used, reading goes on with an in-memory store. */
	static open(directory = configDirectory()): ReadingStore {
		try {
			const warning = setAsideIfDamaged(join(directory, "config.json"));
			const conf = new Conf<Record<string, unknown>>({
				projectName: "fic",
				cwd: directory,
				configName: "config",
			});
			return new ConfStore(conf, warning);
		} catch (error) {
			const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
			return new MemoryStore(`Cannot use ${directory} (${reason}): reading positions will not be saved`);
		}
	}

	/** Read a key; a file that became unreadable while open counts as empty, with a warning. */
	private read(key: string): unknown {
		try {
			return this.conf.get(key);
		} catch (error) {
			this.fail(error);
			return undefined;
		}
	}

	private fail(error: unknown): void {
		if (this.writeFailed) return;
		this.writeFailed = true;
		const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		this.warning = `Cannot save reading positions (${reason}); reading goes on`;
	}

	private records(): Record<string, unknown> {
		const value = this.read("stories");
		return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
	}

	private write(key: string, value: unknown): void {
		try {
			this.conf.set(key, value);
		} catch (error) {
			this.fail(error);
		}
	}

	find(fingerprint: string, path: string): StoryRecord | undefined {
		return findRecord(this.records(), fingerprint, path);
	}

	save(fingerprint: string, record: StoryRecord): void {
		// One key per story, so a write touches only that story's record.
		this.write(`stories.${fingerprint}`, record);
		this.write("lastStory", record.path);
	}

	all(): Array<{ fingerprint: string; record: StoryRecord }> {
		return Object.entries(this.records())
			.filter((entry): entry is [string, StoryRecord] => isStoryRecord(entry[1]))
			.map(([fingerprint, record]) => ({ fingerprint, record }));
	}

	settings(): Settings {
		return readSettings(this.read("settings") ?? DEFAULT_SETTINGS);
	}

	saveSettings(settings: Settings): void {
		this.write("settings", settings);
	}

	lastStoryPath(): string | undefined {
		const value = this.read("lastStory");
		return typeof value === "string" ? value : undefined;
	}

	takeWarning(): string | undefined {
		const warning = this.warning;
		this.warning = undefined;
		return warning;
	}
}
