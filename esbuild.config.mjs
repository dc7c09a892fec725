// Bundles the CLI (dist/fic.js plus chunks loaded on demand: flags, the reader, formats). Bundling
// halves Ink's start-up; splitting keeps what a plain `fic FILE` or `fic --print` does not need unloaded.
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));

/** Ink loads its devtools bridge only when DEV=true and react-devtools-core is installed; readers have neither. */
export const noInkDevtools = {
	name: "no-ink-devtools",
	setup(builder) {
		builder.onResolve({ filter: /^\.\/devtools\.js$/ }, () => ({ path: "ink-devtools", namespace: "empty" }));
		builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export default undefined;" }));
	},
};

/** For a plugin that must act in every build: returns what to call when it has; the build fails otherwise. */
function mustApply(builder, failure) {
	let applied = false;
	builder.onStart(() => {
		applied = false;
	});
	builder.onEnd(() => {
		if (!applied) throw new Error(`${failure}; review the plugin`);
	});
	return () => {
		applied = true;
	};
}

/**
 * Yoga (Ink's layout engine) carries its WebAssembly as a base64 data: URL and, when `fetch` exists,
 * fetches that URL, which makes Node load its whole HTTP client (undici, about 25 ms of start-up)
 * to decode 90 KB. Its own fallback decodes the same bytes with atob; the build makes it take that.
 */
const yogaWithoutFetch = {
	name: "yoga-without-fetch",
	setup(builder) {
		const applied = mustApply(builder, "Yoga's loader was not found (renamed?)");
		builder.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, ({ path }) => {
			const source = readFileSync(path, "utf8");
			const check = '"function"!=typeof fetch';
			if (source.split(check).length !== 3) throw new Error(`${path} changed; review the plugin`);
			applied();
			return { contents: source.replaceAll(check, "true"), loader: "js" };
		});
	},
};

/**
 * Ink and wrap-ansi measure every line with string-width, whose first non-ASCII call compiles an
 * emoji pattern (about 40 ms). source/core/text-width.ts gives the same widths without it for
 * ordinary text and calls string-width for the rest; every other importer gets it instead.
 */
const textWidthForStringWidth = {
	name: "text-width-for-string-width",
	setup(builder) {
		const textWidth = fileURLToPath(new URL("source/core/text-width.ts", import.meta.url));
		const applied = mustApply(builder, "nothing imported string-width (has Ink changed?)");
		builder.onResolve({ filter: /^string-width$/ }, ({ importer }) => {
			if (importer === textWidth) return undefined;
			applied();
			return { path: textWidth };
		});
	},
};

/**
 * Ink draws each frame through its Output class, which splits every line into graphemes: most of a
 * page turn's time. source/ui/ink-output.ts draws the same frames faster; Ink's renderer gets it.
 */
export const fastInkOutput = {
	name: "fast-ink-output",
	setup(builder) {
		const output = fileURLToPath(new URL("source/ui/ink-output.ts", import.meta.url));
		const applied = mustApply(builder, "Ink's renderer no longer imports ./output.js");
		builder.onResolve({ filter: /^\.\/output\.js$/ }, ({ importer }) => {
			if (!/[\\/]ink[\\/]build[\\/]renderer\.js$/.test(importer)) return undefined;
			applied();
			return { path: output };
		});
	},
};

/**
 * Ink cleans every Text's string of escape codes on every frame, twice, with a tokenizer, even when
 * it holds only colour codes; source/ui/ink-sanitize.ts returns such text as it is and hands the rest
 * to Ink's own; Ink's squashTextNodes gets it.
 */
export const fastInkSanitize = {
	name: "fast-ink-sanitize",
	setup(builder) {
		const sanitize = fileURLToPath(new URL("source/ui/ink-sanitize.ts", import.meta.url));
		const applied = mustApply(builder, "Ink's squash-text-nodes no longer imports ./sanitize-ansi.js");
		builder.onResolve({ filter: /^\.\/sanitize-ansi\.js$/ }, ({ importer }) => {
			if (!/[\\/]ink[\\/]build[\\/]squash-text-nodes\.js$/.test(importer)) return undefined;
			applied();
			return { path: sanitize };
		});
	},
};

/**
 * Bundle `entry` into `outdir` (code split) or into one `outfile`; `output` may replace the plugins. The shebang caps V8's young
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
		plugins: [noInkDevtools, yogaWithoutFetch, textWidthForStringWidth, fastInkOutput, fastInkSanitize],
		...output,
		logLevel: "warning",
		define: { "process.env.NODE_ENV": '"production"', FIC_VERSION: JSON.stringify(version) },
		banner: {
			js: "#!/usr/bin/env -S node --max-semi-space-size=8\nimport {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);",
		},
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	rmSync("dist", { recursive: true, force: true });
	await bundle("source/fic.ts", {
		outdir: "dist",
		splitting: true,
		entryNames: "fic",
		chunkNames: "chunks/[name]-[hash]",
	});
}
