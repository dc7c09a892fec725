// Every command's handler, by id: a command of the keymap without one here does not compile.

import type { CommandId } from "../../keymap.js";
import type { Handler } from "../reading.js";
import { FIND_COMMANDS } from "./find.js";
import { LIBRARY_COMMANDS } from "./library.js";
import { LIST_COMMANDS } from "./lists.js";
import { MARK_COMMANDS } from "./marks.js";
import { MOVE_COMMANDS } from "./move.js";
import { NOTES_COMMANDS } from "./notes.js";
import { SERIES_COMMANDS } from "./series.js";
import { VIEW_COMMANDS } from "./view.js";

export const HANDLERS = {
	...MOVE_COMMANDS,
	...FIND_COMMANDS,
	...MARK_COMMANDS,
	...LIST_COMMANDS,
	...LIBRARY_COMMANDS,
	...VIEW_COMMANDS,
	...SERIES_COMMANDS,
	...NOTES_COMMANDS,
} satisfies Record<CommandId, Handler>;
