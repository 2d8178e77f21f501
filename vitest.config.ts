import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests spawn the built binary; give a slow CI machine room.
    testTimeout: 30_000,
    // `npm run coverage`: in-process coverage of the sources (the built binary's runs are not counted).
    coverage: { provider: "v8", include: ["src/**"], reporter: ["text-summary", "json-summary"] },
  },
});
