import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../../source/formats/open-story.js";

/** The fingerprint fic has always saved places under: SHA-256 of the first 16 KiB, 24 hex digits. */
const reference = (bytes: Uint8Array) =>
	createHash("sha256")
		.update(bytes.subarray(0, 16 * 1024))
		.digest("hex")
		.slice(0, 24);

describe("fingerprintOf", () => {
	const samples = [
		new Uint8Array(0),
		new TextEncoder().encode("A/N: hello.\n\nChapter 1\n\n“Quoted” text—with 雪."),
		Uint8Array.from({ length: 40_000 }, (_, index) => (index * 7919) % 251),
	];

	it("is the SHA-256 digest saved places are keyed by", () => {
		for (const bytes of samples) expect(fingerprintOf(bytes)).toBe(reference(bytes));
	});

	it("looks only at the first 16 KiB, so a story that grows keeps its place", () => {
		const story = samples[2] as Uint8Array;
		expect(fingerprintOf(story.subarray(0, 20_000))).toBe(fingerprintOf(story));
		expect(fingerprintOf(story.subarray(0, 16_000))).not.toBe(fingerprintOf(story));
	});
});
