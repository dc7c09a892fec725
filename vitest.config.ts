// Test setup: a fixed terminal size for Ink (its fake stdout has no rows), and room for tmux tests.
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["tests/**/*.test.{ts,tsx}"],
		globalSetup: ["tests/reliability/global-setup.ts"],
		env: { COLUMNS: "100", LINES: "30", NO_COLOR: "1", FORCE_COLOR: "0" },
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
