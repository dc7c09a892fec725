// Loads a library the first time a story needs it, so start-up never pays for formats it does not read
// (iconv-lite and chardet for legacy encodings, yaml for front matter, htmlparser2 and fflate for downloads).

import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

export function lazily<T>(name: string): () => T {
	let module: T | undefined;
	return () => {
		module ??= load(name) as T;
		return module;
	};
}
