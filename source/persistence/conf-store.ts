// The ReadingStore kept with conf, guarding the user's file: a damaged one is set aside, never lost.

import { existsSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import Conf from "conf";
import { MemoryStore } from "./memory-store.js";
import {
	DEFAULT_SETTINGS,
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
	private failed = false;
	private readonly storyFiles = new Map<string, Conf<Record<string, unknown>>>();

	private constructor(
		private readonly directory: string,
		private readonly conf: Conf<Record<string, unknown>>,
		warning: string | undefined,
	) {
		this.warning = warning;
	}

	/** Open the store; when the folder cannot be used, reading goes on with an in-memory store. */
	static open(directory = configDirectory()): ReadingStore {
		try {
			const warning = setAsideIfDamaged(join(directory, "config.json"));
			const conf = new Conf<Record<string, unknown>>({ projectName: "fic", cwd: directory, configName: "config" });
			return new ConfStore(directory, conf, warning);
		} catch (error) {
			const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
			return new MemoryStore(`Cannot use ${directory} (${reason}): reading positions will not be saved`);
		}
	}

	private get storiesDirectory(): string {
		return join(this.directory, "stories");
	}

	private fail(error: unknown): void {
		if (this.failed) return;
		this.failed = true;
		const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		this.warning = `Cannot save reading positions (${reason}); reading goes on`;
	}

	/** Run a conf call; a file that cannot be read or written costs a warning, never the reading. */
	private guard<T>(action: () => T, fallback: T): T {
		try {
			return action();
		} catch (error) {
			this.fail(error);
			return fallback;
		}
	}

	/**
	 * Each story's record lives in a file of its own (stories/<fingerprint>.json), so two fic
	 * processes reading different stories never overwrite each other's place: conf rewrites a
	 * whole file on every set, and concurrent writers of one file lose updates.
	 */
	private storyFile(fingerprint: string): Conf<Record<string, unknown>> {
		let file = this.storyFiles.get(fingerprint);
		if (!file) {
			const warning = setAsideIfDamaged(join(this.storiesDirectory, `${fingerprint}.json`));
			if (warning) this.warning ??= warning;
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
		if (!/^[0-9a-f]+$/.test(fingerprint) || !existsSync(join(this.storiesDirectory, `${fingerprint}.json`)))
			return undefined;
		const record = this.guard(() => this.storyFile(fingerprint).store, {});
		return isStoryRecord(record) ? record : undefined;
	}

	find(fingerprint: string, path: string): StoryRecord | undefined {
		const direct = this.readRecord(fingerprint);
		if (direct) return direct;
		let best: StoryRecord | undefined;
		for (const { record } of this.all())
			if (record.path === path && (!best || record.lastRead > best.lastRead)) best = record;
		return best;
	}

	save(fingerprint: string, record: StoryRecord): void {
		this.guard(() => {
			this.storyFile(fingerprint).store = { ...record };
		}, undefined);
		this.guard(() => this.conf.set("lastStory", record.path), undefined);
	}

	all(): Array<{ fingerprint: string; record: StoryRecord }> {
		const names = this.guard(() => (existsSync(this.storiesDirectory) ? readdirSync(this.storiesDirectory) : []), []);
		const entries: Array<{ fingerprint: string; record: StoryRecord }> = [];
		for (const name of names) {
			if (!name.endsWith(".json")) continue;
			try {
				const record: unknown = JSON.parse(readFileSync(join(this.storiesDirectory, name), "utf8"));
				if (isStoryRecord(record)) entries.push({ fingerprint: name.slice(0, -5), record });
			} catch {
				// A damaged record file is set aside when its story is next opened; the list skips it.
			}
		}
		return entries;
	}

	settings(): Settings {
		return readSettings(this.guard(() => this.conf.get("settings"), undefined) ?? DEFAULT_SETTINGS);
	}

	saveSettings(settings: Settings): void {
		this.guard(() => this.conf.set("settings", settings), undefined);
	}

	lastStoryPath(): string | undefined {
		const value = this.guard(() => this.conf.get("lastStory"), undefined);
		return typeof value === "string" ? value : undefined;
	}

	takeWarning(): string | undefined {
		const warning = this.warning;
		this.warning = undefined;
		return warning;
	}
}
