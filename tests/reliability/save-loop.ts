// A child process for the concurrency test: saves one story's place over and over through ConfStore.

import { ConfStore } from "../../source/persistence/conf-store.js";

const [directory, fingerprint, countText] = process.argv.slice(2) as [string, string, string];
const store = ConfStore.open(directory);
const count = Number(countText);
for (let index = 1; index <= count; index++) {
	store.save(fingerprint, {
		path: `/stories/${fingerprint}.txt`,
		title: fingerprint,
		sourceOffset: index,
		snippet: `offset ${index}`,
		percent: index / count,
		lastRead: new Date().toISOString(),
	});
	store.saveSettings({ panelOpen: index % 2 === 0, measure: 80 });
}
const warning = store.takeWarning();
if (warning) {
	process.stderr.write(`${warning}\n`);
	process.exit(1);
}
