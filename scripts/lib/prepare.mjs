// Set-up shared by the runners that drive the production build in Chromium (e2e, security).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { run } from "./run.mjs";

/** Debian's Chromium: test tools cannot download their own browser here. */
export async function ensureChromium(chromium) {
  if (existsSync(chromium)) return;
  console.log("Installing Chromium from Debian's packages…");
  await run("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"]);
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** Generates the Prisma client if missing, and builds when the sources are newer than the build. */
export async function ensureFreshBuild() {
  if (!existsSync("app/generated/prisma/client.ts")) await run(process.execPath, ["scripts/prisma-generate.mjs"]);
  const built = existsSync("build/server/index.js") ? statSync("build/server/index.js").mtimeMs : 0;
  if (built < Math.max(newest("app"), newest("public"))) await run("npx", ["remix", "vite:build"]);
}
