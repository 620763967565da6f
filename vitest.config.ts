import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup-rule-tester.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    testTimeout: 60_000,
  },
});
