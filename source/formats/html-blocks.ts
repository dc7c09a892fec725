// Walks an HTML tree into flat text blocks (paragraphs, headings, breaks) with emphasis and source offsets.

import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { isSceneBreak } from "../core/markers.js";
import { sanitizeText } from "../core/sanitize.js";
import { closest } from "./html-dom.js";

export interface HtmlBlock {
	kind: "paragraph" | "heading" | "scene-break";
	/** 1–6 for `<h1>`…`<h6>`. */
	level?: number;
	text: string;
	start: number;
	end: number;
	emphasis?: Array<[number, number]>;
	/** The nearest `<blockquote>` around the block. */
	quote?: Element;
	/** The innermost block element holding the text (a `<p>`, `<h2>`, `<td>`, …). */
	element: Element;
}

const BLOCK_TAGS = new Set([
	"address",
	"article",
	"aside",
	"blockquote",
	"body",
	"caption",
	"center",
	"dd",
	"div",
	"dl",
	"dt",
	"figcaption",
	"figure",
	"footer",
	"h1",
	"h2",
	"h3",
	"h4",
	"h5",
	"h6",
	"header",
	"html",
	"li",
	"main",
	"nav",
	"ol",
	"p",
	"pre",
	"section",
	"table",
	"tbody",
	"td",
	"tfoot",
	"th",
	"thead",
	"tr",
	"ul",
]);
const SKIPPED_TAGS = new Set(["head", "script", "style", "title", "noscript", "template", "svg", "math", "object"]);
const EMPHASIS_TAGS = new Set(["em", "i", "b", "strong", "cite", "u"]);

interface Run {
	text: string;
	emphasis: Array<[number, number]>;
	start: number;
	end: number;
	element?: Element;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const merged: Array<[number, number]> = [];
	for (const [from, to] of sorted) {
		const last = merged.at(-1);
		if (last && from <= last[1]) last[1] = Math.max(last[1], to);
		else merged.push([from, to]);
	}
	return merged;
}

/** The blocks of an HTML tree in document order; offsets are `base` plus positions in the parsed source. */
export function htmlBlocks(root: AnyNode | AnyNode[], base = 0): HtmlBlock[] {
	const blocks: HtmlBlock[] = [];
	let run: Run = { text: "", emphasis: [], start: -1, end: -1 };

	/** Where each emphasis element still open began in the current run. */
	const open: number[] = [];
	const flush = () => {
		// Emphasis still open when a <br> or a block cuts the run covers the rest of the run, and goes on in the next.
		for (const from of open) if (run.text.length > from) run.emphasis.push([from, run.text.length]);
		open.fill(0);
		const lead = run.text.length - run.text.trimStart().length;
		const text = run.text.trim();
		const element = run.element;
		if (text !== "" && element) {
			const heading = /^h([1-6])$/.exec(element.name);
			const block: HtmlBlock = {
				kind: heading ? "heading" : isSceneBreak(text) ? "scene-break" : "paragraph",
				text,
				start: base + run.start,
				end: base + run.end,
				element,
			};
			if (heading) block.level = Number(heading[1]);
			const emphasis = mergeRanges(
				run.emphasis.map(([from, to]): [number, number] => [
					Math.max(0, from - lead),
					Math.min(text.length, to - lead),
				]),
			).filter(([from, to]) => to > from);
			if (emphasis.length > 0 && block.kind === "paragraph") block.emphasis = emphasis;
			const quote = closest(element, (candidate) => candidate.name === "blockquote");
			if (quote) block.quote = quote;
			blocks.push(block);
		}
		run = { text: "", emphasis: [], start: -1, end: -1 };
	};

	const appendText = (data: string, node: AnyNode, container: Element) => {
		// Most text is plain: only text that may hold controls or combining marks needs the slower passes.
		const plain = /^[\n\t\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205f]*$/.test(data);
		let piece = (plain ? data : sanitizeText(data).normalize("NFC")).replace(/[ \t\n\r\f]+/g, " ");
		if (piece.startsWith(" ") && (run.text === "" || run.text.endsWith(" "))) piece = piece.slice(1);
		if (piece === "") return;
		if (run.start < 0 || !run.element) {
			run.start = node.startIndex ?? 0;
			run.element = container;
		}
		run.text += piece;
		run.end = (node.endIndex ?? node.startIndex ?? 0) + 1;
	};

	const visit = (node: AnyNode, container: Element) => {
		if (isText(node)) {
			appendText(node.data, node, container);
			return;
		}
		if (!isTag(node)) return;
		const name = node.name.toLowerCase();
		if (SKIPPED_TAGS.has(name)) return;
		if (name === "br") {
			flush();
			return;
		}
		if (name === "hr") {
			flush();
			const start = base + (node.startIndex ?? 0);
			blocks.push({
				kind: "scene-break",
				text: "* * *",
				start,
				end: base + (node.endIndex ?? node.startIndex ?? 0) + 1,
				element: node,
			});
			return;
		}
		if (name === "img" && node.attribs.alt && /^[^\p{L}\p{N}]+$/u.test(node.attribs.alt)) {
			// Divider images often carry their scene-break row as alt text.
			appendText(node.attribs.alt, node, container);
			return;
		}
		const block = BLOCK_TAGS.has(name);
		if (block) flush();
		const emphasised = EMPHASIS_TAGS.has(name);
		if (emphasised) open.push(run.text.length);
		for (const child of node.children) visit(child, block ? node : container);
		const from = emphasised ? (open.pop() as number) : 0;
		if (emphasised && run.text.length > from) run.emphasis.push([from, run.text.length]);
		if (block) flush();
	};

	const roots = Array.isArray(root) ? root : [root];
	for (const node of roots) {
		const container = isTag(node) ? node : undefined;
		if (container) visit(container, container);
		else if (node.type === "root" || "children" in node) {
			for (const child of (node as unknown as { children: AnyNode[] }).children) {
				if (isTag(child)) visit(child, child);
			}
		}
	}
	flush();
	return blocks;
}
