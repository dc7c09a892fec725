// The conventions of a Unix command: a man page that renders and lists every flag and key, completion
// for bash, zsh and fish that real shells load and answer, and fic --keys in the form config.json takes.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPTIONS } from "../../source/cli-options.js";
import { DEFAULT_KEYMAP } from "../../source/core/key-bindings.js";
import { helpRows } from "../../source/core/reader/overlay-lines.js";

const CLI = resolve("dist/fic.js");
let scratch: string;
beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), "fic-unix-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
	const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...env } });
	return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}
const fic = (...args: string[]) => run(process.execPath, [CLI, ...args], { FIC_CONFIG_DIR: join(scratch, "config") });

describe("the man page", () => {
	/** The page as text: man's overstrikes (a character, a backspace, a character) taken out. */
	const rendered = () =>
		run("man", ["./fic.1"], { MANWIDTH: "120" }).stdout.replace(new RegExp(`.${String.fromCharCode(8)}`, "gu"), "");

	it("renders with man, and groff finds nothing to warn about", () => {
		const man = run("man", ["./fic.1"], { MANWIDTH: "100" });
		expect(man.status).toBe(0);
		expect(man.stdout).toContain("NAME");
		const groff = run("groff", ["-man", "-ww", "-z", "fic.1"]);
		expect(groff.stderr).toBe("");
	});

	it("is named in package.json's man and files, with the package's version", () => {
		const pkg = JSON.parse(readFileSync("package.json", "utf8"));
		expect(pkg.man).toBe("./fic.1");
		expect(pkg.files).toContain("fic.1");
		expect(readFileSync("fic.1", "utf8").split("\n")[0]).toContain(`"fic ${pkg.version}"`);
	});

	it("has every flag, every reading key, the files and the environment", () => {
		const text = rendered();
		for (const option of OPTIONS) {
			expect(text, option.name).toContain(option.name);
			if (option.short) expect(text, option.short).toContain(option.short);
		}
		for (const row of helpRows(DEFAULT_KEYMAP))
			expect(text, row.description).toMatch(
				new RegExp(
					`${row.keys.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+${row.description.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
				),
			);
		for (const name of [
			"FILES",
			"ENVIRONMENT",
			"config.json",
			"FIC_CONFIG_DIR",
			"XDG_CONFIG_HOME",
			"FIC_STATE_DIR",
			"XDG_STATE_HOME",
			"FIC_DEVICE",
			"NO_COLOR",
			"NODE_COMPILE_CACHE",
		])
			expect(text, name).toContain(name);
	});
});

describe("fic --completion", () => {
	it("refuses a shell it has no script for, in one line and status 2", () => {
		const result = fic("--completion", "csh");
		expect(result.status).toBe(2);
		expect(result.stderr.split("\n")[0]).toBe("fic: --completion needs bash, zsh or fish, not csh");
	});

	it("bash: completes options, a shell after --completion, and files", () => {
		const script = join(scratch, "fic.bash");
		writeFileSync(script, fic("--completion", "bash").stdout);
		const answer = (words: string) =>
			run("bash", [
				"-c",
				`source '${script}'; COMP_WORDS=(${words}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _fic; echo "\${COMPREPLY[*]}"`,
			]).stdout.trim();
		expect(answer("fic --comp")).toBe("--completion");
		expect(answer("fic --no")).toBe("--notes --notes-debug");
		expect(answer("fic --completion z")).toBe("zsh");
		expect(answer("fic stories/lantern")).toBe("stories/lantern-keeper.txt");
		expect(answer('fic --width ""')).toBe("");
	});

	it("bash: a file name with spaces is one answer, not one per word", () => {
		const script = join(scratch, "fic.bash");
		writeFileSync(script, fic("--completion", "bash").stdout);
		const folder = join(scratch, "downloads");
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, "Work Title (2).html"), "<p>text</p>");
		const answers = run("bash", [
			"-c",
			`source '${script}'; COMP_WORDS=(fic '${folder}/Work T'); COMP_CWORD=1; _fic; printf '%s\\n' "\${COMPREPLY[@]}"`,
		]).stdout;
		expect(answers).toBe(`${folder}/Work Title (2).html\n`);
	});

	it("zsh: loads in compinit and registers _fic for fic", () => {
		const script = join(scratch, "_fic");
		writeFileSync(script, fic("--completion", "zsh").stdout);
		expect(run("zsh", ["-n", script]).status).toBe(0);
		const loaded = run("zsh", [
			"-f",
			"-c",
			`autoload -U compinit; compinit -u -D; source '${script}'; print -r -- \${_comps[fic]}`,
		]);
		expect(loaded.stdout.trim()).toBe("_fic");
	});

	it("fish: completes options with their descriptions, and the shells", () => {
		const script = join(scratch, "fic.fish");
		writeFileSync(script, fic("--completion", "fish").stdout);
		const answer = (line: string) => run("fish", ["-c", `source '${script}'; complete -C '${line}'`]).stdout;
		expect(answer("fic --ver")).toBe("--version\tShow the version\n");
		expect(
			answer("fic --completion ")
				.split("\n")
				.map((row) => row.split("\t")[0]),
		).toEqual(["bash", "fish", "zsh", ""]);
		expect(answer("fic --key")).toContain('config.json\'s "keys"');
	});
});

describe("fic --keys", () => {
	it("prints JSON that config.json takes, and says what is wrong in the file on stderr", () => {
		const config = join(scratch, "config");
		run("mkdir", ["-p", config]);
		writeFileSync(join(config, "config.json"), JSON.stringify({ keys: { "page.next": ["x"], "no.such": ["y"] } }));
		const result = fic("--keys");
		expect(result.status).toBe(0);
		const listed = JSON.parse(result.stdout).keys;
		expect(listed["page.next"]).toEqual({ keys: ["x"], description: "Next page" });
		expect(listed["line.down"].keys).toEqual(["j", "down", "return"]);
		// '' is ' then ' (or `): the second keys, under the command that goes back.
		expect(listed["jump.previous"]).toEqual({ keys: ["'", "`"], description: "Back to where the last jump left ('')" });
		expect(result.stderr).toBe('fic: config.json: keys: "no.such" is not a command (fic --keys lists them)\n');
		expect(fic("--help").stdout).toMatch(/\n {4}x +Next page\n/);
		expect(fic("--help").stdout).toMatch(/\n {4}'' '` +Back to where the last jump left/);
		rmSync(join(config, "config.json"));
	});

	it("says on stderr every line the reader's status bar says: an entry that is not a list, a notes value", () => {
		const config = join(scratch, "config");
		run("mkdir", ["-p", config]);
		writeFileSync(join(config, "config.json"), JSON.stringify({ keys: { "app.quit": "Q" }, notes: "beside" }));
		const result = fic("--keys");
		expect(result.status).toBe(0);
		expect(result.stderr).toBe(
			[
				'fic: config.json: keys "app.quit" must be a list of key names',
				"fic: config.json: notes must be panel, inline or hidden",
				"",
			].join("\n"),
		);
		expect(JSON.parse(result.stdout).keys["app.quit"].keys).toContain("q");
		rmSync(join(config, "config.json"));
	});
});
