// Parses HTML, XHTML and XML forgivingly (htmlparser2) and answers the few DOM questions the formats ask.

import { type AnyNode, type Document, type Element, isTag } from "domhandler";
import { findAll, findOne, textContent } from "domutils";
import type * as Htmlparser2 from "htmlparser2";
import { capDepth } from "./html-depth.js";
import { lazily } from "./lazy-require.js";

const htmlparser2 = lazily<typeof Htmlparser2>("htmlparser2");

import { sanitizeText } from "../core/sanitize.js";

export type { Document, Element } from "domhandler";

/**
 * HTML or XHTML as a browser would take it: never throws, keeps source offsets on every node,
 * honours `<br/>`-style self-closing tags, decodes the entities it knows and leaves unknown ones as text.
 */
export function parseHtml(source: string): Document {
	return capDepth(
		htmlparser2().parseDocument(source, {
			withStartIndices: true,
			withEndIndices: true,
			recognizeSelfClosing: true,
			decodeEntities: true,
		}),
	);
}

/** XML (container.xml, the OPF package, the NCX): tag names keep their case and prefixes. */
export function parseXml(source: string): Document {
	return capDepth(htmlparser2().parseDocument(source, { xmlMode: true, decodeEntities: true }));
}

/** A tag name without its namespace prefix, lower case (`dc:title` → `title`, `navPoint` → `navpoint`). */
export function localName(element: Element): string {
	return element.name.replace(/^.*:/, "").toLowerCase();
}

export function elementsNamed(root: AnyNode | AnyNode[], name: string): Element[] {
	return findAll((element) => localName(element) === name, Array.isArray(root) ? root : [root]);
}

export function firstNamed(root: AnyNode | AnyNode[], name: string): Element | undefined {
	return findOne((element) => localName(element) === name, Array.isArray(root) ? root : [root]) ?? undefined;
}

export function attribute(element: Element, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(element.attribs)) {
		if (key.toLowerCase() === wanted || key.toLowerCase().replace(/^.*:/, "") === wanted) return value;
	}
	return undefined;
}

export function classesOf(element: Element): string[] {
	return (element.attribs.class ?? "").split(/\s+/).filter(Boolean);
}

/** The element itself or its nearest ancestor that passes `test`. */
export function closest(element: Element | null, test: (element: Element) => boolean): Element | undefined {
	for (let node: AnyNode | null = element; node; node = node.parent) {
		if (isTag(node) && test(node)) return node;
	}
	return undefined;
}

export function contains(ancestor: Element, node: AnyNode): boolean {
	for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
	return false;
}

/** Text safe to show: controls that entities or attributes smuggled in made visible, white space folded. */
export function displayText(text: string): string {
	return sanitizeText(text)
		.replace(/[ \t\n\r\f]+/g, " ")
		.trim();
}

/** Text content with runs of white space folded to one space, trimmed, controls made visible. */
export function textOf(node: AnyNode | AnyNode[]): string {
	return displayText(textContent(node));
}

/** The element siblings after `element`, in order. */
export function nextElements(element: Element): Element[] {
	const siblings = element.parent?.children ?? [];
	return siblings.slice(siblings.indexOf(element) + 1).filter(isTag);
}

export function elementsWithId(root: Document): Map<string, Element> {
	const ids = new Map<string, Element>();
	for (const element of findAll((candidate) => candidate.attribs.id !== undefined, root.children)) {
		const id = element.attribs.id as string;
		if (!ids.has(id)) ids.set(id, element);
	}
	return ids;
}
