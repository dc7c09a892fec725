// An EPUB's package: where the OPF is, its metadata, the spine in reading order, chapter titles from nav or NCX.

import { textContent } from "domutils";
import { sanitizeText } from "../core/sanitize.js";
import { decodeBytes } from "./decode.js";
import { htmlBlocks } from "./html-blocks.js";
import {
	attribute,
	type Document,
	type Element,
	elementsNamed,
	firstNamed,
	localName,
	parseHtml,
	parseXml,
	textOf,
} from "./html-dom.js";
import { normalizePath, type ZipArchive } from "./zip.js";

export interface EpubMetadata {
	title?: string;
	creators: string[];
	description?: string;
	subjects: string[];
	source?: string;
	/** `dc:identifier`s that are web addresses (FanFicFare writes the story's URL there). */
	urls: string[];
	/** calibre's `calibre:series` and `calibre:series_index` (FanFicFare writes them too). */
	series?: { name: string; part: number };
	contributors: string[];
	publisher?: string;
	date?: string;
	language?: string;
}

/** A table-of-contents entry: the file it points into, the element id (if any), the title. */
export interface TocEntry {
	path: string;
	fragment?: string;
	title: string;
}

export interface EpubPackage {
	/** Content documents in reading order (the nav document and non-linear items left out). */
	spine: string[];
	metadata: EpubMetadata;
	toc: TocEntry[];
	warnings: string[];
}

const HTML_FILE = /\.x?html?$/i;

/** Decoded, sanitised text of an entry; undefined when absent, throws when damaged. */
export function readText(zip: ZipArchive, path: string): string | undefined {
	const bytes = zip.read(path);
	return bytes === undefined ? undefined : sanitizeText(decodeBytes(bytes).text);
}

function directoryOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash + 1);
}

/** A link inside the package, resolved against the file it appears in; the fragment split off. */
export function resolveHref(from: string, href: string): { path: string; fragment?: string } {
	const [rawPath = "", fragment] = href.split("#", 2);
	let path = rawPath;
	try {
		path = decodeURIComponent(rawPath);
	} catch {
		// a stray % in a file name: use the name as written
	}
	const resolved = path === "" ? from : normalizePath(directoryOf(from) + path);
	return fragment ? { path: resolved, fragment } : { path: resolved };
}

function safeText(zip: ZipArchive, path: string, warnings: string[]): string | undefined {
	try {
		return readText(zip, path);
	} catch (error) {
		warnings.push(`could not read ${path}: ${(error as Error).message}`);
		return undefined;
	}
}

/** The OPF named by META-INF/container.xml, else the first .opf in the archive. */
function findPackagePath(zip: ZipArchive, warnings: string[]): string | undefined {
	const container = safeText(zip, "META-INF/container.xml", warnings);
	const named = container ? firstNamed(parseXml(container).children, "rootfile") : undefined;
	const fullPath = named ? attribute(named, "full-path") : undefined;
	const lower = new Set(zip.paths.map((path) => path.toLowerCase()));
	if (fullPath && lower.has(normalizePath(fullPath).toLowerCase())) return normalizePath(fullPath);
	const opf = zip.paths
		.filter((path) => path.toLowerCase().endsWith(".opf"))
		.sort((a, b) => a.split("/").length - b.split("/").length)[0];
	if (opf)
		warnings.push(
			`${container ? "container.xml does not name the package file" : "no META-INF/container.xml"}; read ${opf}`,
		);
	return opf;
}

function plainDescription(raw: string): string {
	// Descriptions are often escaped HTML: keep its paragraphs, drop its tags.
	const blocks = htmlBlocks(parseHtml(raw).children);
	return blocks.map((block) => block.text).join("\n\n") || raw.trim();
}

function readMetadata(opf: Document): EpubMetadata {
	const metadata = firstNamed(opf.children, "metadata") ?? opf;
	const all = (name: string) =>
		elementsNamed(metadata, name)
			.map((element) => textOf(element))
			.filter(Boolean);
	const first = (name: string) => all(name)[0];
	const result: EpubMetadata = {
		creators: all("creator"),
		subjects: all("subject"),
		contributors: all("contributor"),
		urls: all("identifier").filter((value) => /^https?:\/\//i.test(value)),
	};
	const calibre = (name: string) => {
		const meta = elementsNamed(metadata, "meta").find((element) => attribute(element, "name") === name);
		return meta ? attribute(meta, "content")?.trim() : undefined;
	};
	const [series, index] = [calibre("calibre:series"), Number(calibre("calibre:series_index"))];
	if (series && Number.isInteger(index) && index >= 1) result.series = { name: series, part: index };
	const fields: Array<[keyof EpubMetadata, string | undefined]> = [
		["title", first("title")],
		["source", first("source")],
		["publisher", first("publisher")],
		["date", first("date")],
		["language", first("language")],
	];
	for (const [key, value] of fields) if (value) (result[key] as string) = value;
	const description = elementsNamed(metadata, "description")[0];
	if (description) {
		const text = plainDescription(textContent(description));
		if (text) result.description = text;
	}
	return result;
}

function navEntries(zip: ZipArchive, navPath: string, warnings: string[]): TocEntry[] {
	const text = safeText(zip, navPath, warnings);
	if (!text) return [];
	const document = parseHtml(text);
	const navs = elementsNamed(document.children, "nav");
	const toc = navs.find((nav) => attribute(nav, "epub:type") === "toc" || attribute(nav, "type") === "toc") ?? navs[0];
	return elementsNamed(toc ?? document, "a")
		.filter((link) => link.attribs.href)
		.map((link) => ({ ...resolveHref(navPath, link.attribs.href as string), title: textOf(link) }))
		.filter((entry) => entry.title !== "");
}

function ncxEntries(zip: ZipArchive, ncxPath: string, warnings: string[]): TocEntry[] {
	const text = safeText(zip, ncxPath, warnings);
	if (!text) return [];
	return elementsNamed(parseXml(text).children, "navpoint").flatMap((point) => {
		const label = firstNamed(point.children, "navlabel");
		const content = point.children.find(
			(child): child is Element => "name" in child && localName(child as Element) === "content",
		);
		const src = content ? attribute(content, "src") : undefined;
		const title = label ? textOf(label) : "";
		return src && title ? [{ ...resolveHref(ncxPath, src), title }] : [];
	});
}

/** HTML files in name order, for an archive without a usable package file. */
function htmlFilesInOrder(zip: ZipArchive): string[] {
	return zip.paths
		.filter((path) => HTML_FILE.test(path) && !path.startsWith("META-INF/"))
		.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

export function readPackage(zip: ZipArchive): EpubPackage {
	const warnings: string[] = [];
	const opfPath = findPackagePath(zip, warnings);
	const opfText = opfPath ? safeText(zip, opfPath, warnings) : undefined;
	if (!opfPath || !opfText) {
		warnings.push("no package file (.opf): read the HTML files in name order");
		return {
			spine: htmlFilesInOrder(zip),
			metadata: { creators: [], subjects: [], contributors: [], urls: [] },
			toc: [],
			warnings,
		};
	}
	const opf = parseXml(opfText);
	const manifest = new Map<string, { path: string; type: string; properties: string }>();
	for (const item of elementsNamed(opf.children, "item")) {
		const id = attribute(item, "id");
		const href = attribute(item, "href");
		if (!id || !href) continue;
		manifest.set(id, {
			path: resolveHref(opfPath, href).path,
			type: attribute(item, "media-type") ?? "",
			properties: attribute(item, "properties") ?? "",
		});
	}
	const items = [...manifest.values()];
	const nav = items.find((item) => item.properties.split(/\s+/).includes("nav"));
	const spineElement = firstNamed(opf.children, "spine");
	const ncxId = spineElement ? attribute(spineElement, "toc") : undefined;
	const ncx = (ncxId ? manifest.get(ncxId) : undefined) ?? items.find((item) => /ncx/i.test(item.type));

	const spine: string[] = [];
	for (const ref of spineElement ? elementsNamed(spineElement, "itemref") : []) {
		const item = manifest.get(attribute(ref, "idref") ?? "");
		if (!item || item === nav || attribute(ref, "linear") === "no") continue;
		if (item.type && !/html|xml/i.test(item.type)) continue;
		spine.push(item.path);
	}
	if (spine.length === 0) {
		warnings.push("the package lists no chapters: read the HTML files in name order");
		spine.push(...htmlFilesInOrder(zip));
	}
	const fromNav = nav ? navEntries(zip, nav.path, warnings) : [];
	const toc = fromNav.length > 0 ? fromNav : ncx ? ncxEntries(zip, ncx.path, warnings) : [];
	return { spine, metadata: readMetadata(opf), toc, warnings };
}
