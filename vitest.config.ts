import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests spawn the built binary; give a slow CI machine room.
    testTimeout: 30_000,
  },
});
