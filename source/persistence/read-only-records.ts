// The reader's records for a command that only reads (--json): nothing is made, moved or renamed, and
// an old fic-nodejs folder that no reader has moved yet is read where it is.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { readJson } from "./damaged-files.js";
import { configDirectory, legacyDirectory } from "./locations.js";
import { mergeRecords } from "./merge-record.js";
import { settingsMoved } from "./migrate-legacy.js";
import { pickRecord, type ReadingStore, type StoryRecord } from "./reading-store.js";
import { RecordFiles } from "./record-files.js";
import { stateAndDevice } from "./store-folders.js";

export type RecordFinder = Pick<ReadingStore, "find">;

/** The state folder's records, and the old folder's (a move cut short leaves records in both: merged). */
export function readOnlyRecords(env: NodeJS.ProcessEnv = process.env): RecordFinder {
	const config = readJson(join(configDirectory(env), "config.json"));
	const legacy = legacyDirectory(env);
	const unmoved = legacy !== undefined && existsSync(legacy) ? legacy : undefined;
	// Until it is moved, the old folder's settings (a stateDir) say where the state folder is, as the move would.
	const settings = unmoved ? settingsMoved(readJson(join(unmoved, "config.json")), config) : config;
	const { state, device } = stateAndDevice(settings, { env }, undefined);
	const folders = [state, ...(unmoved ? [unmoved] : [])].map((folder) =>
		RecordFiles.readOnly(join(folder, "stories"), device),
	);
	const named = (name: string) =>
		folders
			.map((files) => files.read(name).record)
			.reduce<StoryRecord | undefined>(
				(merged, record) => (merged && record ? mergeRecords(record, merged) : (merged ?? record)),
				undefined,
			);
	return {
		find: (keys) => pickRecord(keys, named, () => folders.flatMap((files) => files.all().map(({ record }) => record))),
	};
}
