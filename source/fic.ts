// The executable: keeps V8's compiled code of fic between runs (Node's compile cache), then starts
// the command line. Loaded first so that every chunk after it is read from the cache.

import { mkdirSync } from "node:fs";
import module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Node's own folder for the cache, made here one level at a time: Node makes it with a recursive
 * mkdir that never returns where folders cannot be made but parents exist (a TMPDIR under /proc).
 */
function cacheFolder(): string | undefined {
	const folder = join(tmpdir(), "node-compile-cache");
	try {
		mkdirSync(folder);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
	}
	return folder;
}

// Node 22.0 has no compile cache, and NODE_COMPILE_CACHE means Node has already turned it on.
const folder =
	typeof module.enableCompileCache === "function" && !process.env.NODE_COMPILE_CACHE ? cacheFolder() : undefined;
if (folder) {
	module.enableCompileCache(folder);
	// Node writes the cache at exit; a reader whose terminal is closed under it may never get there.
	setTimeout(module.flushCompileCache, 2000).unref();
}
await import("./cli.js");
