// npm start: the production server. Applies pending migrations first; never seeds.
import { existsSync } from "node:fs";
import { runSteps, WASM_NODE } from "./lib/run.mjs";

if (!existsSync("build/server/index.js")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
await runSteps([
  [process.execPath, [...WASM_NODE, "scripts/db-migrate.ts"]],
  [process.execPath, ["server.mjs"], { env: { NODE_ENV: process.env.NODE_ENV ?? "production" } }],
]);
