// A story's identity from the source URL its file names: AO3 work, fanfiction.net story, or any other address.

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

const AO3_HOSTS = /^(?:archiveofourown\.org|ao3\.org|archive\.transformativeworks\.org)$/;
const FFN_HOSTS = /^(?:fanfiction\.net|fictionpress\.com)$/;

/**
 * The address in one canonical form: https, the host in lower case without `www.` or `m.`, no
 * query, fragment or trailing slash; an AO3 work's chapter address is the work's, a fanfiction.net
 * story's chapter and title slug are dropped. Undefined for anything that is not an http(s) URL.
 */
export function normalizeSource(raw: string): string | undefined {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return undefined;
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
	const host = url.hostname.toLowerCase().replace(/^(?:www|m)\./, "");
	if (!host.includes(".")) return undefined;
	let path = url.pathname.replace(/\/+$/, "");
	const ao3 = AO3_HOSTS.test(host) ? /^(?:\/collections\/[^/]+)?\/works\/(\d+)(?:\/|$)/.exec(path) : null;
	const ffn = FFN_HOSTS.test(host) ? /^\/s\/(\d+)(?:\/|$)/.exec(path) : null;
	if (ao3) path = `/works/${ao3[1]}`;
	else if (ffn) path = `/s/${ffn[1]}`;
	return `https://${host}${path}`;
}

/**
 * The record name for a source URL: `ao3-<work>`, `ffn-<story>` (`fp-` for fictionpress),
 * else `src-` and 16 hex digits of the address's hash. Undefined when the source names no work
 * (an AO3 address that is not a work's, a site's front page).
 */
export function identityOf(raw: string | undefined): string | undefined {
	const source = raw === undefined ? undefined : normalizeSource(raw);
	if (!source) return undefined;
	const url = new URL(source);
	const work = /^\/works\/(\d+)$/.exec(url.pathname);
	if (AO3_HOSTS.test(url.hostname)) return work ? `ao3-${work[1]}` : undefined;
	const story = /^\/s\/(\d+)$/.exec(url.pathname);
	if (FFN_HOSTS.test(url.hostname) && story) return `${url.hostname === "fanfiction.net" ? "ffn" : "fp"}-${story[1]}`;
	if (url.pathname === "/") return undefined;
	return `src-${bytesToHex(sha256(utf8ToBytes(source))).slice(0, 16)}`;
}
