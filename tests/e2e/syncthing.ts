// Real Syncthing instances on loopback for the end-to-end tests: each with its own home, sharing one folder.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

const FOLDER = "fic-state";

/** Whether the machine has Syncthing (Debian's `syncthing`; .ci/run installs it). */
export function syncthingVersion(): string | undefined {
	const run = spawnSync("syncthing", ["--version"], { encoding: "utf8" });
	return run.status === 0 ? run.stdout.trim() : undefined;
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class SyncthingDevice {
	readonly home: string;
	/** The shared folder: fic's state folder on this device. */
	readonly state: string;
	id = "";
	private apiKey = "";
	private guiPort = 0;
	listenPort = 0;
	private process: ChildProcess | undefined;

	constructor(
		root: string,
		readonly name: string,
	) {
		this.home = join(root, name, "syncthing");
		this.state = join(root, name, "state");
	}

	/** Keys and config made by `syncthing generate`; only loopback, no discovery, relays, upgrades or reports. */
	async generate(): Promise<void> {
		mkdirSync(this.state, { recursive: true });
		const made = spawnSync(
			"syncthing",
			["generate", `--home=${this.home}`, "--no-default-folder", "--skip-port-probing"],
			{
				encoding: "utf8",
			},
		);
		if (made.status !== 0) throw new Error(`syncthing generate failed: ${made.stderr}`);
		this.guiPort = await freePort();
		this.listenPort = await freePort();
		const file = join(this.home, "config.xml");
		let xml = readFileSync(file, "utf8");
		this.id = /<device id="([A-Z0-9-]+)"/.exec(xml)?.[1] ?? "";
		this.apiKey = /<apikey>([^<]+)<\/apikey>/.exec(xml)?.[1] ?? "";
		const options: Array<[RegExp, string]> = [
			[/<listenAddress>[^<]*<\/listenAddress>/, `<listenAddress>tcp://127.0.0.1:${this.listenPort}</listenAddress>`],
			[/<globalAnnounceEnabled>true/, "<globalAnnounceEnabled>false"],
			[/<localAnnounceEnabled>true/, "<localAnnounceEnabled>false"],
			[/<relaysEnabled>true/, "<relaysEnabled>false"],
			[/<natEnabled>true/, "<natEnabled>false"],
			[/<startBrowser>true/, "<startBrowser>false"],
			[/<urAccepted>0/, "<urAccepted>-1"],
			[/<autoUpgradeIntervalH>\d+/, "<autoUpgradeIntervalH>0"],
			[/<crashReportingEnabled>true/, "<crashReportingEnabled>false"],
			// Back together after a pause within a second or two, not the minute a real laptop waits.
			[/<reconnectionIntervalS>\d+/, "<reconnectionIntervalS>1"],
		];
		for (const [pattern, value] of options) xml = xml.replace(pattern, value);
		writeFileSync(file, xml);
	}

	async start(): Promise<void> {
		this.process = spawn(
			"syncthing",
			[
				"serve",
				`--home=${this.home}`,
				"--no-browser",
				"--no-restart",
				"--no-upgrade",
				`--gui-address=http://127.0.0.1:${this.guiPort}`,
				`--gui-apikey=${this.apiKey}`,
				`--logfile=${join(this.home, "syncthing.log")}`,
			],
			{ stdio: "ignore", env: { ...process.env, STNODEFAULTFOLDER: "1", STNOUPGRADE: "1" } },
		);
		const until = Date.now() + 20_000;
		while (Date.now() < until) {
			try {
				await this.rest("GET", "/rest/system/ping");
				return;
			} catch {
				await sleep(100);
			}
		}
		throw new Error(`syncthing ${this.name} did not answer on its REST API within 20 s`);
	}

	async stop(): Promise<void> {
		const child = this.process;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((done) => child.once("exit", done));
		child.kill("SIGTERM");
		await Promise.race([exited, sleep(5000)]);
		if (child.exitCode === null) child.kill("SIGKILL");
	}

	async rest(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`http://127.0.0.1:${this.guiPort}${path}`, {
			method,
			headers: { "X-API-Key": this.apiKey, "Content-Type": "application/json" },
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
		const text = await response.text();
		return text ? JSON.parse(text) : undefined;
	}

	/** Knows `other` at its loopback address and shares the state folder with it (conflict copies kept). */
	async share(other: SyncthingDevice): Promise<void> {
		const address = `tcp://127.0.0.1:${other.listenPort}`;
		await this.rest("POST", "/rest/config/devices", { deviceID: other.id, name: other.name, addresses: [address] });
		await this.rest("POST", "/rest/config/folders", {
			id: FOLDER,
			label: FOLDER,
			path: this.state,
			type: "sendreceive",
			devices: [{ deviceID: this.id }, { deviceID: other.id }],
			rescanIntervalS: 3600,
			fsWatcherEnabled: true,
			fsWatcherDelayS: 1,
			maxConflicts: 10,
		});
	}

	/** Rescans the folder now rather than after the watcher's delay. */
	async scan(): Promise<void> {
		await this.rest("POST", `/rest/db/scan?folder=${FOLDER}`);
	}

	async connectedTo(other: SyncthingDevice): Promise<boolean> {
		const { connections } = (await this.rest("GET", "/rest/system/connections")) as {
			connections: Record<string, { connected: boolean }>;
		};
		return connections[other.id]?.connected === true;
	}

	/**
	 * Stops (or resumes) talking to `other`, as a laptop going offline would: a change of the
	 * device's config, after which Syncthing dials at once (a resume alone may wait out a backoff).
	 */
	async pause(other: SyncthingDevice, paused: boolean): Promise<void> {
		await this.rest("PATCH", `/rest/config/devices/${other.id}`, { paused });
	}
}

/** Waits for `condition`, failing after `timeout` ms with what was waited for. */
export async function until(
	what: string,
	condition: () => boolean | Promise<boolean>,
	timeout = 30_000,
): Promise<void> {
	const end = Date.now() + timeout;
	while (Date.now() < end) {
		if (await condition()) return;
		await sleep(200);
	}
	throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
}
