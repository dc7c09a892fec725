// The settings as config.json holds them, read once without the store: for --help and --keys.

import { join } from "node:path";
import { readJson } from "./damaged-files.js";
import { configDirectory } from "./locations.js";
import { readSettings, type Settings } from "./reading-store.js";

export function settingsOnDisk(directory = configDirectory()): Settings {
	const file = readJson(join(directory, "config.json"));
	const saved = file && typeof file === "object" ? (file as Record<string, unknown>).settings : undefined;
	return readSettings(saved, file);
}
