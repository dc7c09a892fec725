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

/** Turns the cache on, unless Node is too old for it (before 22.10), told not to, or has done it already. */
function keepCompiledCode(env: NodeJS.ProcessEnv): void {
	if (typeof module.enableCompileCache !== "function" || typeof module.flushCompileCache !== "function") return;
	if (env.NODE_DISABLE_COMPILE_CACHE) return;
	if (!env.NODE_COMPILE_CACHE) {
		const folder = cacheFolder();
		if (!folder) return;
		module.enableCompileCache(folder);
	}
	// Node writes the cache at exit; a reader whose terminal is closed under it may never get there.
	setTimeout(() => module.flushCompileCache(), 2000).unref();
}

keepCompiledCode(process.env);
await import("./cli.js");
