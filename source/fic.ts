// The executable: keeps V8's compiled code of fic between runs (Node's compile cache), then starts
// the command line. Loaded first so that every chunk after it is read from the cache.

import module from "node:module";

// Node 22.0 has no compile cache; fic runs the same without it.
if (module.enableCompileCache && module.flushCompileCache) {
	module.enableCompileCache();
	// Node writes the cache at exit; a reader whose terminal is closed under it may never get there.
	setTimeout(module.flushCompileCache, 2000).unref();
}
await import("./cli.js");
