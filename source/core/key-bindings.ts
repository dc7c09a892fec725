// The keys in force: the keymap's layers with the user's `keys` setting over them. A bad entry (an
// unknown command or key name, a key bound twice in one mode) keeps its defaults and is named once.

import { isKeyName, typesText } from "./key-names.js";
import { COMMANDS, type CommandId, type CommandInfo, LAYERS, type Layer, MODE_LAYERS, type Mode } from "./keymap.js";

/** The keys setting as the file holds it: command id → key names, not yet checked against the keymap. */
export type UserKeys = Readonly<Record<string, readonly string[]>>;

/** A command's keys in one mode, for the help, --help and --keys. */
export interface Binding extends CommandInfo {
	command: CommandId;
	keys: readonly string[];
}

export interface Keymap {
	/** The command a key runs in a mode (undefined: the key types, names a mark, or closes an overlay). */
	resolve(mode: Mode, key: string): CommandId | undefined;
	/** Each command a mode reads with the keys that run it there, in the order of the mode's layers. */
	bindings(mode: Mode): Binding[];
	/** A command's keys as the keys setting takes them: every key it has in any layer. */
	commandKeys(command: CommandId): string[];
	/** One line per bad entry of the setting, each naming the entry. */
	problems: readonly string[];
}

type Layers = Record<Layer, Partial<Record<CommandId, readonly string[]>>>;

/** The layers a prompt reads: a key that types text is never a command there. */
const TYPING_LAYERS = new Set(
	(Object.values(MODE_LAYERS) as Array<readonly Layer[]>).filter((layers) => layers.includes("prompt")).flat(),
);

function keysIn(layers: Layers, command: CommandId): string[] {
	const keys = new Set<string>();
	for (const layer of Object.values(layers)) for (const key of layer[command] ?? []) keys.add(key);
	return [...keys];
}

const sameKeys = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;

/**
 * A user's keys for a command in one layer: in a layer a prompt reads, keys that type text are
 * left out, and if that leaves none of several, the layer keeps its own (Ctrl+C still quits).
 */
function keysForLayer(layer: Layer, wanted: readonly string[], own: readonly string[]): readonly string[] {
	if (!TYPING_LAYERS.has(layer)) return wanted;
	const fit = wanted.filter((key) => !typesText(key));
	return fit.length === 0 && wanted.length > 0 ? own : fit;
}

function applied(entries: Map<CommandId, readonly string[]>): Layers {
	const layers = {} as Layers;
	for (const [name, layer] of Object.entries(LAYERS) as Array<[Layer, Layers[Layer]]>) {
		const copy: Layers[Layer] = {};
		for (const [command, own] of Object.entries(layer) as Array<[CommandId, readonly string[]]>) {
			const wanted = entries.get(command);
			copy[command] = wanted ? keysForLayer(name, wanted, own) : own;
		}
		layers[name] = copy;
	}
	return layers;
}

/** Entries whose keys meet another command's in some mode: each with the first clash found. */
function clashes(layers: Layers, entries: Map<CommandId, readonly string[]>): Map<CommandId, string> {
	const found = new Map<CommandId, string>();
	for (const [mode, modeLayers] of Object.entries(MODE_LAYERS) as Array<[Mode, readonly Layer[]]>) {
		const seen = new Map<string, CommandId>();
		for (const layer of modeLayers)
			for (const [command, keys] of Object.entries(layers[layer]) as Array<[CommandId, readonly string[]]>)
				for (const key of keys) {
					const other = seen.get(key);
					if (other === undefined) seen.set(key, command);
					else if (other !== command && (entries.has(command) || entries.has(other))) {
						const why = `${key} would run both ${other} and ${command} in ${mode}`;
						for (const culprit of [command, other])
							if (entries.has(culprit) && !found.has(culprit)) found.set(culprit, why);
					}
				}
	}
	return found;
}

/** A command bound only in layers a prompt reads (where keys that type text cannot be commands). */
const onlyAtPrompts = (command: CommandId) =>
	(Object.entries(LAYERS) as Array<[Layer, Layers[Layer]]>).every(
		([layer, bound]) => !bound[command] || TYPING_LAYERS.has(layer),
	);

/** The entries that can apply, and a line for each that cannot. */
function checkedEntries(user: UserKeys): { entries: Map<CommandId, readonly string[]>; problems: string[] } {
	const entries = new Map<CommandId, readonly string[]>();
	const problems: string[] = [];
	for (const [id, keys] of Object.entries(user)) {
		if (!Object.hasOwn(COMMANDS, id)) {
			problems.push(`keys: "${id}" is not a command (fic --keys lists them)`);
			continue;
		}
		const command = id as CommandId;
		const unknown = keys.find((key) => !isKeyName(key));
		if (unknown !== undefined) problems.push(`keys "${id}": "${unknown}" is not a key name`);
		else if (keys.length > 0 && keys.every(typesText) && onlyAtPrompts(command))
			problems.push(`keys "${id}": ${keys.join(" ")} would be typed at the prompt`);
		// Copied unchanged from fic --keys, an entry changes nothing (its keys differ by layer).
		else if (!sameKeys(keys, keysIn(LAYERS, command))) entries.set(command, [...new Set(keys)]);
	}
	return { entries, problems };
}

function buildKeymap(layers: Layers, problems: readonly string[]): Keymap {
	const index = new Map<string, CommandId>();
	const bindings = new Map<Mode, Binding[]>();
	for (const [mode, modeLayers] of Object.entries(MODE_LAYERS) as Array<[Mode, readonly Layer[]]>)
		for (const layer of modeLayers)
			for (const [command, keys] of Object.entries(layers[layer]) as Array<[CommandId, readonly string[]]>)
				for (const key of keys) if (!index.has(`${mode} ${key}`)) index.set(`${mode} ${key}`, command);
	const resolve = (mode: Mode, key: string) => index.get(`${mode} ${key}`);
	return {
		resolve,
		problems,
		commandKeys: (command) => keysIn(layers, command),
		bindings(mode) {
			let list = bindings.get(mode);
			if (!list) {
				const byCommand = new Map<CommandId, Binding>();
				for (const layer of MODE_LAYERS[mode])
					for (const [command, keys] of Object.entries(layers[layer]) as Array<[CommandId, readonly string[]]>) {
						const live = keys.filter((key) => resolve(mode, key) === command);
						const known = byCommand.get(command);
						if (known) known.keys = [...known.keys, ...live.filter((key) => !known.keys.includes(key))];
						else byCommand.set(command, { command, keys: live, ...(COMMANDS[command] as CommandInfo) });
					}
				list = [...byCommand.values()];
				bindings.set(mode, list);
			}
			return list;
		},
	};
}

/** The keymap with the user's keys over it (pure; entries that cannot apply keep their defaults). */
export function mergeKeys(user: UserKeys): Keymap {
	const { entries, problems } = checkedEntries(user);
	for (;;) {
		const layers = applied(entries);
		const clashing = clashes(layers, entries);
		if (clashing.size === 0) return buildKeymap(layers, problems);
		for (const [command, why] of clashing) {
			entries.delete(command);
			problems.push(`keys "${command}": ${why}`);
		}
	}
}

export const DEFAULT_KEYMAP = mergeKeys({});

const merged = new WeakMap<UserKeys, Keymap>();

/** The keymap for a keys setting, merged once per setting value. */
export function keymapOf(user: UserKeys | undefined): Keymap {
	if (!user) return DEFAULT_KEYMAP;
	let keymap = merged.get(user);
	if (!keymap) {
		keymap = mergeKeys(user);
		merged.set(user, keymap);
	}
	return keymap;
}

/** Everything wrong in config.json's keys, theme and notes: the entries of the wrong shape, then the keys that cannot be bound. */
export function preferenceProblems(preferences: { problems?: readonly string[]; keys?: UserKeys }): string[] {
	return [...(preferences.problems ?? []), ...keymapOf(preferences.keys).problems];
}
