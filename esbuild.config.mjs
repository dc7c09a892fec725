// Bundles the CLI (dist/fic.js plus chunks loaded on demand: flags, the reader, formats). Bundling
// halves Ink's start-up; splitting keeps what a plain `fic FILE` or `fic --print` does not need unloaded.
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));

/** Ink loads its devtools bridge only when DEV=true and react-devtools-core is installed; readers have neither. */
const noInkDevtools = {
	name: "no-ink-devtools",
	setup(builder) {
		builder.onResolve({ filter: /^\.\/devtools\.js$/ }, () => ({ path: "ink-devtools", namespace: "empty" }));
		builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export default undefined;" }));
	},
};

/**
 * Bundle `entry` into `outdir` (code split) or into one `outfile`. The shebang caps V8's young
 * generation: with Node's default, counting the pages of a 50 MB story peaks at about 260 MB of
 * memory; with 8 MB semi-spaces at about 160 MB, and no slower.
 */
export function bundle(entry, output) {
	return build({
		entryPoints: [entry],
		bundle: true,
		platform: "node",
		format: "esm",
		target: "node22",
		minify: true,
		jsx: "automatic",
		...output,
		logLevel: "warning",
		define: { "process.env.NODE_ENV": '"production"', FIC_VERSION: JSON.stringify(version) },
		banner: {
			js: "#!/usr/bin/env -S node --max-semi-space-size=8\nimport {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);",
		},
		plugins: [noInkDevtools],
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	rmSync("dist", { recursive: true, force: true });
	await bundle("source/cli.tsx", {
		outdir: "dist",
		splitting: true,
		entryNames: "fic",
		chunkNames: "chunks/[name]-[hash]",
	});
}
