// Caps how deep an HTML tree nests, so the recursive walks over it cannot overflow the stack (20,000 nested <div>s).

import { type AnyNode, type Element, isTag, type ParentNode } from "domhandler";

/** Deeper than any real story's markup; shallow enough for every recursive walk over the tree. */
export const MAX_DEPTH = 256;

/** An element holding only text (a paragraph, a heading): kept whole even below the cap. */
const isLeaf = (element: Element) => element.children.every((child) => !isTag(child));

/** The nodes under `children` with every wrapper element unwrapped: text and leaf elements, in order. */
function unwrapped(children: AnyNode[]): AnyNode[] {
	const out: AnyNode[] = [];
	const work = [...children].reverse();
	for (let node = work.pop(); node !== undefined; node = work.pop()) {
		if (isTag(node) && !isLeaf(node))
			for (let index = node.children.length - 1; index >= 0; index--) work.push(node.children[index] as AnyNode);
		else out.push(node);
	}
	return out;
}

function adopt(parent: ParentNode, children: AnyNode[]): void {
	parent.children = children;
	children.forEach((child, index) => {
		child.parent = parent;
		child.prev = children[index - 1] ?? null;
		child.next = children[index + 1] ?? null;
	});
}

/**
 * Flattens what lies deeper than MAX_DEPTH into the element at that depth (its text and
 * paragraphs kept in order, the wrappers around them dropped). Walks with a stack, not recursion.
 */
export function capDepth<T extends ParentNode>(root: T): T {
	const stack: Array<[ParentNode, number]> = [[root, 0]];
	for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
		const [node, depth] = entry;
		if (depth >= MAX_DEPTH) {
			if (node.children.some((child) => isTag(child) && !isLeaf(child))) adopt(node, unwrapped(node.children));
			continue;
		}
		for (const child of node.children) if (isTag(child)) stack.push([child, depth + 1]);
	}
	return root;
}
