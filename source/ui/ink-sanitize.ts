// Ink's sanitizeAnsi with a shortcut: text of standalone characters, newlines and SGR colour codes
// is already clean (Ink's own returns it unchanged), so only other text goes through Ink's tokenizer.
// Ink runs it over every Text on every frame, twice (to measure and to draw); the build hands this
// module to Ink in its place (esbuild.config.mjs); tests/ui/ink-sanitize.test.ts checks both agree.

// By path on purpose: Ink does not export it, and the build bundles it from this very file (as it
// bundles ink-output's counterpart); tests/ui/ink-sanitize.test.ts fails if the path goes away.
import inkSanitize from "../../node_modules/ink/build/sanitize-ansi.js";
import { sgrEnd, standaloneWidth } from "../core/text-width.js";

/** Whether `text` is only standalone printing characters, newlines and SGR codes. */
function isClean(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 0x1b) {
			const end = sgrEnd(text, index);
			if (end < 0) return false;
			index = end - 1;
		} else if (code !== 0x0a && standaloneWidth(code) < 1) return false;
	}
	return true;
}

export default function sanitizeAnsi(text: string): string {
	return isClean(text) ? text : inkSanitize(text);
}
