// The executable: keeps V8's compiled code of fic between runs (Node's compile cache), then starts
// the command line. Loaded first so that every chunk after it is read from the cache.

import { enableCompileCache, flushCompileCache } from "node:module";

enableCompileCache();
// Node writes the cache at exit; a reader whose terminal is closed under it may never get there.
setTimeout(flushCompileCache, 2000).unref();
await import("./cli.js");
