// npm run test:security: the security suites of tests/security (issue 5). Needs PostgreSQL (started if
// it is down), Debian's Chromium (installed if missing) and the production build (rebuilt when the sources
// are newer). Each suite makes its own fresh databases on that server; the HTTP suites start the built app
// (node server.mjs, NODE_ENV=production) themselves. Prints the figures the README quotes at the end.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ensureChromium, ensureFreshBuild } from "./lib/prepare.mjs";
import { run } from "./lib/run.mjs";

const started = Date.now();
const url = process.env.SECURITY_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function postgresReady() {
  try {
    execFileSync("pg_isready", ["-d", url, "-q"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

if (!postgresReady()) {
  console.log("Starting PostgreSQL…");
  const version = readdirSync("/etc/postgresql")[0];
  await run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"]);
  for (let i = 0; i < 30 && !postgresReady(); i++) await new Promise((resolve) => setTimeout(resolve, 1000));
  if (!postgresReady()) {
    console.error(`PostgreSQL is not answering at ${url.replace(/\/\/[^@]*@/, "//***@")}`);
    process.exit(1);
  }
}

await ensureChromium(chromium);
await ensureFreshBuild();

const figuresDir = mkdtempSync(path.join(os.tmpdir(), "portier-security-"));
const figuresFile = path.join(figuresDir, "figures.jsonl");
let exitCode = 0;
try {
  await run("npx", ["vitest", "run", "--config", "tests/security/vitest.config.ts", ...process.argv.slice(2)], {
    env: { TEST_DATABASE_URL: url, DATABASE_URL: "", SECURITY_FIGURES_FILE: figuresFile, CHROMIUM_PATH: chromium },
  });
} catch (error) {
  console.error(error.message);
  exitCode = 1;
}

if (existsSync(figuresFile)) {
  const totals = new Map();
  for (const line of readFileSync(figuresFile, "utf8").split("\n").filter(Boolean)) {
    const { name, value } = JSON.parse(line);
    totals.set(name, (totals.get(name) ?? 0) + value);
  }
  console.log("\nSecurity suite figures:");
  for (const [name, value] of totals) console.log(`  ${String(value).padStart(7)}  ${name}`);
}
rmSync(figuresDir, { recursive: true, force: true });
console.log(`\nnpm run test:security took ${Math.round((Date.now() - started) / 1000)} s.`);
process.exit(exitCode);
