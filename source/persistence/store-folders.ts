// The state folder and device name a store opens with, from the environment and the settings, and the old folder moved first.

import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { readJson } from "./damaged-files.js";
import { deviceName, legacyDirectory, stateDirectory } from "./locations.js";
import { migrateLegacy, settingsMoved } from "./migrate-legacy.js";

export interface StoreOptions {
	/** The reading-state folder (else FIC_STATE_DIR, the `stateDir` setting…). */
	state?: string;
	/** This device's name (else FIC_DEVICE, the `device` setting, the host name). */
	device?: string;
	env?: NodeJS.ProcessEnv;
}

/** The `settings` object of a config.json's value (empty when there is none). */
export function settingsObject(config: unknown): Record<string, unknown> {
	const settings = config && typeof config === "object" ? (config as Record<string, unknown>).settings : undefined;
	return settings && typeof settings === "object" && !Array.isArray(settings)
		? (settings as Record<string, unknown>)
		: {};
}

/** Where this store keeps reading state, and the device it writes as; `chosen` is a settings folder given by hand. */
export function stateAndDevice(
	config: unknown,
	options: StoreOptions,
	chosen: string | undefined,
): { state: string; device: string } {
	const env = options.env ?? process.env;
	const settings = settingsObject(config);
	return {
		state: options.state ?? stateDirectory(settings.stateDir, env, chosen ?? env.FIC_CONFIG_DIR),
		device: options.device ?? deviceName(settings.device, env),
	};
}

/** Moves the fic-nodejs folder (when fic chose the folders itself and one is there); what to tell the user. */
export function moveLegacyFolder(config: string, options: StoreOptions): string | undefined {
	const legacy = legacyDirectory(options.env ?? process.env);
	if (!legacy || !existsSync(legacy)) return undefined;
	const settings = settingsMoved(readJson(join(legacy, "config.json")), readJson(join(config, "config.json")));
	const { state, device } = stateAndDevice(settings, options, undefined);
	return migrateLegacy(legacy, config, state, device);
}

/** What to say at the start about the state folder: it cannot be written, or the old folder was moved into it. */
export function stateProblem(state: string, moved: string | undefined): { problem?: string } {
	try {
		mkdirSync(state, { recursive: true });
		accessSync(state, constants.W_OK);
		return moved ? { problem: moved } : {};
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		return { problem: `Cannot save reading positions in ${state} (${reason}); reading goes on` };
	}
}
