// `prisma generate` needs no schema engine, but the CLI still looks for one and would try to download
// it (no internet here). Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets it generate offline.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
