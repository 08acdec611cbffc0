// npm run dev: migrate and seed the demo world into an empty database (db:seed migrates first), then
// serve with Vite's dev server, in this process (Ctrl-C stops it gracefully).
import { existsSync } from "node:fs";
import { runSteps, WASM_NODE } from "./lib/run.mjs";

await runSteps([
  ...(existsSync("app/generated/prisma/client.ts") ? [] : [[process.execPath, ["scripts/prisma-generate.mjs"]]]),
  [process.execPath, [...WASM_NODE, "scripts/db-seed.ts"], { env: { NODE_ENV: "development" } }],
]);
process.env.NODE_ENV = "development";
await import("../server.mjs");
