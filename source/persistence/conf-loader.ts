// conf, loaded once and only when the store first needs it (just after the first screen).

import type Conf from "conf";

export type ConfClass = typeof Conf;
export type ConfFile = Conf<Record<string, unknown>>;

/**
 * conf (with its JSON-schema validator) costs more start-up time than the rest of the reader's
 * storage, so it is loaded just after the first screen: reads go straight to the JSON files conf
 * writes, and writes made before it arrives wait in the store's queue.
 */
let confClass: ConfClass | undefined;
let confLoading: Promise<ConfClass> | undefined;

export function loadConf(): Promise<ConfClass> {
	confLoading ??= import("conf").then((module) => {
		confClass = module.default;
		return confClass;
	});
	return confLoading;
}

/** conf once loaded, else undefined. */
export const loadedConf = (): ConfClass | undefined => confClass;
