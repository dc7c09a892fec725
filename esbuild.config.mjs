// Bundles the CLI into one file (dist/fic.js): about half the start-up time of unbundled Ink.
import { build } from "esbuild";

await build({
	entryPoints: ["source/cli.tsx"],
	bundle: true,
	platform: "node",
	format: "esm",
	target: "node22",
	minify: true,
	outfile: "dist/fic.js",
	logLevel: "warning",
	define: { "process.env.NODE_ENV": '"production"' },
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);",
	},
	plugins: [
		{
			// Ink loads its devtools bridge only when DEV=true and react-devtools-core is installed;
			// neither is true for readers, so the bridge is left out of the bundle.
			name: "no-ink-devtools",
			setup(builder) {
				builder.onResolve({ filter: /^\.\/devtools\.js$/ }, () => ({ path: "ink-devtools", namespace: "empty" }));
				builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export default undefined;" }));
			},
		},
	],
});
