// The dependency rule: source/core is pure, importing nothing from UI, Node, storage or the later layers.

import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CORE = fileURLToPath(new URL("../../source/core/", import.meta.url));
const SOURCE = dirname(CORE.replace(/\/$/, ""));

/** Every module specifier a file names: static imports and re-exports, side-effect imports, import(), require(). */
function importsOf(code: string): string[] {
	const specifiers: string[] = [];
	const patterns = [
		/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*["']([^"']+)["']/g,
		/(?:^|[\s;])import\s*["']([^"']+)["']/g,
		/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
		/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
	];
	for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.push(match[1] as string);
	return specifiers;
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split("/")[0] as string]));
const FORBIDDEN_PACKAGES = ["react", "ink", "conf", "meow", "ink-testing-library"];

/** Why `specifier`, imported from `file` in core, breaks the rule; undefined when it is allowed. */
function violation(file: string, specifier: string): string | undefined {
	if (specifier.startsWith("node:")) return "a Node built-in";
	if (specifier.startsWith(".")) {
		const target = resolve(dirname(file), specifier);
		if (!target.startsWith(CORE)) return `outside core (${relative(SOURCE, target)})`;
		return undefined;
	}
	const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
	if (BUILTINS.has(name as string)) return "a Node built-in";
	if (FORBIDDEN_PACKAGES.includes(name as string) || /^(?:react|ink)-/.test(name as string))
		return "a UI or storage package";
	return undefined;
}

function coreFiles(): string[] {
	return readdirSync(CORE, { recursive: true, encoding: "utf8" })
		.filter((name) => /\.(?:ts|tsx|mts|js)$/.test(name))
		.map((name) => resolve(CORE, name));
}

describe("source/core imports", () => {
	const files = coreFiles();

	it("finds the core modules and their imports", () => {
		expect(files.length).toBeGreaterThan(5);
		const layout = files.find((file) => file.endsWith("/layout.ts")) as string;
		expect(importsOf(readFileSync(layout, "utf8"))).toEqual(
			expect.arrayContaining(["./text-width.js", "./fast-wrap.js", "./story.js"]),
		);
	});

	it.each([
		['import React from "react";', "react"],
		['import { Box, Text } from "ink";', "ink"],
		["import type { Key } from 'ink';", "ink"],
		['import Conf from "conf";', "conf"],
		['import { readFileSync } from "node:fs";', "node:fs"],
		['import * as path from "path";', "path"],
		['import "node:process";', "node:process"],
		['export { openStory } from "../formats/open-story.js";', "../formats/open-story.js"],
		['import type { ReadingStore } from "../persistence/reading-store.js";', "../persistence/reading-store.js"],
		['const theme = await import("../ui/theme.js");', "../ui/theme.js"],
		['import {\n\tStatusBar,\n} from "../ui/components/status-bar.js";', "../ui/components/status-bar.js"],
		['import { App } from "../app.js";', "../app.js"],
		['import Spinner from "ink-spinner";', "ink-spinner"],
	])("the checker flags %s", (code, specifier) => {
		const file = resolve(CORE, "example.ts");
		expect(importsOf(code)).toContain(specifier);
		expect(violation(file, specifier)).toBeDefined();
	});

	it.each(["./story.js", "./markers.js", "string-width", "wrap-ansi"])("the checker allows %s", (specifier) => {
		expect(violation(resolve(CORE, "example.ts"), specifier)).toBeUndefined();
	});

	it.each(files.map((file) => [relative(SOURCE, file), file]))("%s imports only pure modules", (_name, file) => {
		const code = readFileSync(file, "utf8");
		const bad = importsOf(code)
			.map((specifier) => ({ specifier, why: violation(file, specifier) }))
			.filter(({ why }) => why !== undefined);
		expect(bad).toEqual([]);
	});
});

describe("the shape of source/", () => {
	const files = readdirSync(SOURCE, { recursive: true, encoding: "utf8" })
		.filter((name) => /\.tsx?$/.test(name))
		.map((name) => resolve(SOURCE, name));
	const moduleOf = (file: string) => file.replace(/\.tsx?$/, "");
	const graph = new Map(
		files.map((file) => [
			moduleOf(file),
			importsOf(readFileSync(file, "utf8"))
				.filter((specifier) => specifier.startsWith("."))
				.map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, ""))),
		]),
	);

	/** Every cycle of imports, as the modules it passes through. */
	function cycles(edges: Map<string, string[]>): string[][] {
		const found: string[][] = [];
		const state = new Map<string, "open" | "done">();
		const path: string[] = [];
		const visit = (module: string) => {
			state.set(module, "open");
			path.push(module);
			for (const next of edges.get(module) ?? []) {
				if (state.get(next) === "open") found.push([...path.slice(path.indexOf(next)), next]);
				else if (!state.has(next)) visit(next);
			}
			path.pop();
			state.set(module, "done");
		};
		for (const module of edges.keys()) if (!state.has(module)) visit(module);
		return found;
	}

	it("has no import cycle", () => {
		expect(cycles(graph).map((cycle) => cycle.map((module) => relative(SOURCE, module)).join(" → "))).toEqual([]);
	});

	it("the cycle finder finds a cycle", () => {
		expect(
			cycles(
				new Map([
					["a", ["b"]],
					["b", ["c"]],
					["c", ["a"]],
					["d", ["a"]],
				]),
			),
		).toEqual([["a", "b", "c", "a"]]);
	});

	it("keeps app.tsx to 150 lines and every other module to 300, the keymap's data aside", () => {
		const lines = (file: string) => readFileSync(file, "utf8").split("\n").length;
		expect(lines(resolve(SOURCE, "app.tsx"))).toBeLessThanOrEqual(150);
		const long = files
			.filter((file) => !file.endsWith("/core/keymap.ts") && lines(file) > 300)
			.map((file) => relative(SOURCE, file));
		expect(long).toEqual([]);
	});
});
