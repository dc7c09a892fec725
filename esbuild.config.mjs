// Bundles the CLI into one file (dist/fic.js): about half the start-up time of unbundled Ink.
import { build } from "esbuild";

/** Ink loads its devtools bridge only when DEV=true and react-devtools-core is installed; readers have neither. */
const noInkDevtools = {
	name: "no-ink-devtools",
	setup(builder) {
		builder.onResolve({ filter: /^\.\/devtools\.js$/ }, () => ({ path: "ink-devtools", namespace: "empty" }));
		builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export default undefined;" }));
	},
};

export function bundle(entry, outfile) {
	return build({
		entryPoints: [entry],
		bundle: true,
		platform: "node",
		format: "esm",
		target: "node22",
		minify: true,
		jsx: "automatic",
		outfile,
		logLevel: "warning",
		define: { "process.env.NODE_ENV": '"production"' },
		banner: {
			js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);",
		},
		plugins: [noInkDevtools],
	});
}

if (import.meta.url === `file://${process.argv[1]}`) await bundle("source/cli.tsx", "dist/fic.js");
