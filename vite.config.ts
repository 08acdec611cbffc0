import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import path from "node:path";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Vitest runs without the Remix plugin: its preamble check breaks component tests.
const underVitest = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: underVitest ? [] : [remix(remixConfig)],
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  server: { port: Number(process.env.PORT ?? 3000) },
  ssr: { noExternal: [] , external: ["@electric-sql/pglite"] },
  optimizeDeps: { exclude: ["@electric-sql/pglite"] },
  test: {
    include: ["tests/{unit,component,integration}/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}"],
    // Component tests declare `// @vitest-environment jsdom` at their top.
    setupFiles: ["tests/helpers/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
