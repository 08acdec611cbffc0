// npm run test:e2e: Chromium drives the production build. Installs Debian's Chromium if missing, builds
// when the sources are newer than the build, seeds a fresh embedded database with the demo world, starts
// the server on a free port with a local SMTP catcher, runs Playwright, and stops everything.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ensureChromium, ensureFreshBuild } from "./lib/prepare.mjs";
import { run, WASM_NODE } from "./lib/run.mjs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
await ensureChromium(chromium);
await ensureFreshBuild();

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const dataDir = mkdtempSync(path.join(os.tmpdir(), "portier-e2e-"));
const port = await freePort();
const smtpPort = await freePort();
const mailDir = path.join(dataDir, "mail");
const env = {
  PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
  DATABASE_URL: "",
  E2E_MAIL_DIR: mailDir,
  E2E_SMTP_PORT: String(smtpPort),
};
await run(process.execPath, [...WASM_NODE, "scripts/db-seed.ts"], { env: { ...env, NODE_ENV: "test" } });

const smtp = spawn(process.execPath, ["--import", "tsx", "tests/e2e/support/smtp-catcher.ts"], { stdio: "inherit", env: { ...process.env, ...env } });
const baseUrl = `http://localhost:${port}`;
const server = spawn(process.execPath, ["server.mjs"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_ORIGIN: baseUrl, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_INTERVAL_MS: "300", ACCESS_SWEEP_EVERY_MS: "2000" },
});

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`${baseUrl}/login`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start");
}

let exitCode = 1;
try {
  await waitForServer();
  await run("npx", ["playwright", "test", ...process.argv.slice(2)], { env: { ...env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium } });
  exitCode = 0;
} catch (error) {
  console.error(error.message);
} finally {
  server.kill("SIGTERM");
  smtp.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
