// The security suites (issue 5) run apart from `npm test`: they need PostgreSQL, the production build
// and a browser. `npm run test:security` (scripts/test-security.mjs) prepares all three and runs this config.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "../../app") } },
  test: {
    root: path.resolve(__dirname, "../.."),
    include: ["tests/security/**/*.test.ts"],
    setupFiles: ["tests/security/support/setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    // One file at a time: several files start app servers and open many PostgreSQL connections, and the
    // stress suites measure real concurrency that a neighbour would disturb.
    fileParallelism: false,
    reporters: ["default"],
  },
});
