// npm run dev: migrate, seed the demo world into an empty database, then serve with Vite's dev server.
import { existsSync } from "node:fs";
import { run, WASM_NODE } from "./lib/run.mjs";

if (!existsSync("app/generated/prisma/client.ts")) await run(process.execPath, ["scripts/prisma-generate.mjs"]);
await run(process.execPath, [...WASM_NODE, "scripts/db-migrate.ts"]);
await run(process.execPath, ["--import", "tsx", "scripts/db-seed.ts"], { env: { NODE_ENV: "development" } });
await run(process.execPath, ["server.mjs"], { env: { NODE_ENV: "development" } });
