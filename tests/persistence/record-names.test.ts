// The state folder's file names: devices' files, the three sync tools' conflict copies, and what is left alone.

import { homedir, hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configDirectory, deviceName, legacyDirectory, stateDirectory } from "../../source/persistence/locations.js";
import { parseRecordFile, recordFileName } from "../../source/persistence/record-names.js";

describe("parseRecordFile", () => {
	it.each([
		["abc123.laptop.json", { kind: "device", name: "abc123", device: "laptop" }],
		["ao3-123.desk.example.org.json", { kind: "device", name: "ao3-123", device: "desk.example.org" }],
		["abc123.json", { kind: "device", name: "abc123" }],
		["abc123.laptop.sync-conflict-20261201-101500-ABCDEFG.json", { kind: "conflict", name: "abc123" }],
		["abc123.laptop (Bob's conflicted copy 2026-12-01).json", { kind: "conflict", name: "abc123" }],
		["abc123.laptop (conflicted copy 2026-12-01 101500).json", { kind: "conflict", name: "abc123" }],
		[".syncthing.abc123.laptop.json.tmp", { kind: "ignored" }],
		["~syncthing~abc123.laptop.json.tmp", { kind: "ignored" }],
		["abc123.laptop.json.corrupt-20261201T093000123Z", { kind: "ignored" }],
		["notes.txt", { kind: "foreign" }],
		["ABC.laptop.json", { kind: "foreign" }],
		["abc123.lap top.json", { kind: "foreign" }],
	])("%s", (file, expected) => {
		expect(parseRecordFile(file)).toEqual(expected);
	});

	it("reads back the name of the file it makes, whatever the device is called", () => {
		for (const device of ["laptop", "Jo's MacBook Pro", "höst", "a/b"]) {
			const file = recordFileName("abc123", device);
			expect(file).toMatch(/^abc123\.[A-Za-z0-9_.-]+\.json$/);
			expect(parseRecordFile(file)).toMatchObject({ kind: "device", name: "abc123" });
		}
	});
});

describe("locations", () => {
	const xdg = { XDG_CONFIG_HOME: "/x/config", XDG_STATE_HOME: "/x/state" };

	it("settings in $XDG_CONFIG_HOME/fic, reading state in $XDG_STATE_HOME/fic, the old folder beside", () => {
		expect(configDirectory(xdg)).toBe("/x/config/fic");
		expect(stateDirectory(undefined, xdg)).toBe("/x/state/fic");
		expect(legacyDirectory(xdg)).toBe("/x/config/fic-nodejs");
		expect(configDirectory({})).toBe(join(homedir(), ".config", "fic"));
		expect(stateDirectory(undefined, {})).toBe(join(homedir(), ".local", "state", "fic"));
	});

	it("FIC_STATE_DIR, then the stateDir setting, then a FIC_CONFIG_DIR given alone", () => {
		const all = { ...xdg, FIC_CONFIG_DIR: "/chosen", FIC_STATE_DIR: "/sync/fic" };
		expect(stateDirectory("~/Sync/fic", all)).toBe("/sync/fic");
		expect(stateDirectory("~/Sync/fic", { ...xdg, FIC_CONFIG_DIR: "/chosen" })).toBe(join(homedir(), "Sync", "fic"));
		expect(stateDirectory("/abs/fic", xdg)).toBe("/abs/fic");
		expect(stateDirectory(undefined, { ...xdg, FIC_CONFIG_DIR: "/chosen" })).toBe("/chosen");
		expect(legacyDirectory({ ...xdg, FIC_CONFIG_DIR: "/chosen" })).toBeUndefined();
	});

	it("the device: FIC_DEVICE, then the device setting, then the host name", () => {
		expect(deviceName("desk", { FIC_DEVICE: "laptop" })).toBe("laptop");
		expect(deviceName("desk", {})).toBe("desk");
		expect(deviceName(undefined, {})).toBe(hostname());
		expect(deviceName(42, { FIC_DEVICE: "  " })).toBe(hostname());
	});
});
