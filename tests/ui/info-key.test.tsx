import { afterEach, describe, expect, it } from "vitest";
import { type Harness, renderApp, statusLine, storyStart } from "./render-app.js";

let app: Harness | undefined;
afterEach(() => app?.unmount());

describe("story info on i", () => {
	it("shows the AO3 work's summary and tags over the page, and any key closes it", async () => {
		app = await renderApp(storyStart("stories/the-tidewatcher.ao3.html"), { columns: 100, rows: 30 });
		expect(app.frame()).not.toContain("Rating");
		await app.press("i");
		const info = app.frame();
		expect(info).toContain("Rating");
		expect(info).toContain("The Tidewatcher");
		await app.press("x");
		expect(app.frame()).not.toContain("Rating");
		expect(statusLine(app.frame())).toContain("page 1 of");
	});

	it("counts a plain story's words and chapters", async () => {
		app = await renderApp(storyStart("stories/salt-and-static.txt"), { columns: 100, rows: 30 });
		await app.press("i");
		expect(app.frame()).toMatch(/Words: 2,\d{3}/);
		expect(app.frame()).toMatch(/Chapters: 3/);
	});
});
