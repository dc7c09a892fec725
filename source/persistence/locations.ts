// Where fic keeps its files: settings in the config folder, reading state in the state folder, and this device's name.

import { homedir, hostname } from "node:os";
import { isAbsolute, join } from "node:path";

/** The settings folder: $FIC_CONFIG_DIR, else $XDG_CONFIG_HOME/fic (~/.config/fic). */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
	if (env.FIC_CONFIG_DIR) return env.FIC_CONFIG_DIR;
	return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "fic");
}

/** The folder fic used before it followed XDG (conf's default name); none when FIC_CONFIG_DIR chose the folder. */
export function legacyDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.FIC_CONFIG_DIR) return undefined;
	return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "fic-nodejs");
}

/** A path from a setting: `~/Sync` is in the home folder, a relative one too. */
function settingPath(value: string): string {
	if (value === "~" || value.startsWith("~/")) return join(homedir(), value.slice(1));
	return isAbsolute(value) ? value : join(homedir(), value);
}

/**
 * The reading-state folder: $FIC_STATE_DIR, else the `stateDir` setting, else a settings folder
 * chosen by hand (FIC_CONFIG_DIR: one folder for everything, as before), else $XDG_STATE_HOME/fic.
 */
export function stateDirectory(
	setting: unknown,
	env: NodeJS.ProcessEnv = process.env,
	chosenConfig = env.FIC_CONFIG_DIR,
): string {
	if (env.FIC_STATE_DIR) return env.FIC_STATE_DIR;
	if (typeof setting === "string" && setting.trim() !== "") return settingPath(setting.trim());
	if (chosenConfig) return chosenConfig;
	return join(env.XDG_STATE_HOME || join(homedir(), ".local", "state"), "fic");
}

/** This device's name, written into its records: $FIC_DEVICE, else the `device` setting, else the host name. */
export function deviceName(setting: unknown, env: NodeJS.ProcessEnv = process.env): string {
	if (env.FIC_DEVICE?.trim()) return env.FIC_DEVICE.trim();
	if (typeof setting === "string" && setting.trim() !== "") return setting.trim();
	return hostname() || "this-device";
}
