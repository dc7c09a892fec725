// What fic --keys prints: every command with its id, keys and description, in the form config.json's
// "keys" takes, so it can be copied into the file and edited (entries left as printed change nothing).

import type { Keymap } from "./key-bindings.js";
import { COMMANDS, type CommandId } from "./keymap.js";

export function keysListing(keymap: Keymap): string {
	const ids = Object.keys(COMMANDS) as CommandId[];
	const width = Math.max(...ids.map((id) => id.length)) + 3;
	const lines = ids.map((id, index) => {
		const keys = keymap.commandKeys(id).map((key) => JSON.stringify(key));
		const description = JSON.stringify(COMMANDS[id].description);
		const comma = index < ids.length - 1 ? "," : "";
		const name = `${JSON.stringify(id)}:`.padEnd(width);
		return `    ${name} {"keys": [${keys.join(", ")}], "description": ${description}}${comma}`;
	});
	return `{\n  "keys": {\n${lines.join("\n")}\n  }\n}\n`;
}
