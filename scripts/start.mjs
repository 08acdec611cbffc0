// npm start: the production server. Applies pending migrations first; never seeds. The server then runs
// in this very process, so a supervisor's SIGTERM reaches it directly and it shuts down gracefully.
import { existsSync } from "node:fs";
import { runSteps, WASM_NODE } from "./lib/run.mjs";

if (!existsSync("build/server/index.js")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
await runSteps([[process.execPath, [...WASM_NODE, "scripts/db-migrate.ts"]]]);
process.env.NODE_ENV ??= "production";
await import("../server.mjs");
