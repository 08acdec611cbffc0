import { defineConfig } from "@playwright/test";

// Run through `npm run test:e2e`, which builds the app, prepares a fresh seeded database, starts the
// production server and sets E2E_BASE_URL. The browser is Debian's Chromium, not a downloaded one.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Each page a test opens is also checked by axe-core (tests/e2e/support/test.ts).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    locale: "en-US",
    // Settled pages for axe-core (tests/e2e/support/test.ts), and for the screenshots.
    contextOptions: { reducedMotion: "reduce" },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
});
