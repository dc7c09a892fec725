// Watches the open story's record on disk: when another device's reader has moved since, the reader is told.

import { type Dispatch, useEffect, useRef } from "react";
import type { Action } from "../../core/reader/reduce.js";
import type { OpenedDocument } from "../../core/reader/state.js";
import { type ReadingStore, type RecordKeys, recordKeys } from "../../persistence/reading-store.js";

/** How often the record is read again: a sync tool takes seconds to bring a file anyway. */
export const OTHER_DEVICES_POLL_MS = 1500;

export function useOtherDevices(
	opened: OpenedDocument | undefined,
	store: ReadingStore,
	dispatch: Dispatch<Action>,
): void {
	const storeRef = useRef(store);
	storeRef.current = store;
	// The story's keys, not the opened value: v shows the same story anew, and the watch goes on.
	const story = opened && JSON.stringify(recordKeys(opened));
	useEffect(() => {
		if (!story) return;
		const keys = JSON.parse(story) as RecordKeys;
		const find = () => storeRef.current.find(keys);
		// Only a move made after the story was opened here is news.
		let seen = find()?.movedAt ?? "";
		let stamp = storeRef.current.stateStamp();
		const timer = setInterval(() => {
			// One stat while nothing changes; the record's files are read only when the folder did.
			const now = storeRef.current.stateStamp();
			if (now === stamp) return;
			stamp = now;
			const record = find();
			if (!record?.movedAt || record.movedAt <= seen) return;
			seen = record.movedAt;
			if (!record.device || record.device === storeRef.current.deviceName()) return;
			const place = { sourceOffset: record.sourceOffset, snippet: record.snippet };
			dispatch({ type: "read-elsewhere", device: record.device, place });
		}, OTHER_DEVICES_POLL_MS);
		return () => clearInterval(timer);
	}, [story, dispatch]);
}
