// Where fic keeps its reading positions and settings.

import { homedir } from "node:os";
import { join } from "node:path";

/** Where fic keeps its file: $FIC_CONFIG_DIR, else conf's usual place under $XDG_CONFIG_HOME. */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
	if (env.FIC_CONFIG_DIR) return env.FIC_CONFIG_DIR;
	const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
	return join(base, "fic-nodejs");
}
