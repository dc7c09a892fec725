// Keys that arrive together (typed faster than read, or sent in one write) are taken one at a time.

import { useEffect, useState } from "react";

export type KeyHandler = (name: string, input: string) => void;

type Key = [name: string, input: string];

/**
 * Ink reads "ma" written at once as one key. Outside a prompt each character is a key of its own,
 * and each must see the state the one before left (`m` opens the mark prompt, `a` names the mark):
 * the first is handled now, the rest one per render, and keys arriving meanwhile wait their turn.
 * At a prompt the characters are typed text (a paste), handled at once.
 */
export function useKeyQueue(handle: KeyHandler, typing: boolean): KeyHandler {
	const [pending, setPending] = useState<Key[]>([]);
	useEffect(() => {
		const [next, ...rest] = pending;
		if (next === undefined) return;
		setPending(rest);
		handle(...next);
	}, [pending, handle]);
	return (name, input) => {
		const characters = [...input];
		// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are keys of their own
		const together = name === input && characters.length > 1 && !/[\u0000-\u001f\u007f]/.test(input);
		const keys: Key[] = together && !typing ? characters.map((character) => [character, character]) : [[name, input]];
		if (pending.length > 0) {
			setPending((queued) => [...queued, ...keys]);
			return;
		}
		const [first, ...rest] = keys as [Key, ...Key[]];
		handle(...first);
		if (rest.length > 0) setPending(rest);
	};
}
