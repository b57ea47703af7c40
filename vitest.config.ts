import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "tests/**/*.test.ts"],
    // Database suites create their own database each; a cold Prisma client can take a few seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
  },
});
