// npm run test:security: the security suites of tests/security (issue 5). Needs PostgreSQL (started if
// it is down), Debian's Chromium (installed if missing) and the production build (rebuilt when the sources
// are newer). Each suite makes its own fresh databases on that server; the HTTP suites start the built app
// (node server.mjs, NODE_ENV=production) themselves.
//
// At the end it prints the run's own figures (cells walked, cases run, rounds, requests, known-bug
// markers used) and writes them to tests/security/results/latest.json (git-ignored). A full run (no
// arguments) that passes also becomes tests/security/results/last-full-run.json, the committed file the
// README's Security table is generated from (`npm run security:report -- --readme`).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

const args = process.argv.slice(2);
/** The knobs that size a run (they go into the results; the URLs and paths do not). */
const SIZE_KNOBS = ["SECURITY_FUZZ_RUNS", "SECURITY_FUZZ_SEED", "SECURITY_HTTP_FUZZ_RUNS", "SECURITY_ROUNDS", "SECURITY_INSTANCE_ROUNDS", "SECURITY_EDGE_RUNS", "SECURITY_SLOW_SMTP_MS"];
const figuresDir = mkdtempSync(path.join(os.tmpdir(), "portier-security-"));
const figuresFile = path.join(figuresDir, "figures.jsonl");
const reportFile = path.join(figuresDir, "vitest.json");
let exitCode = 0;
try {
  await run("npx", ["vitest", "run", "--config", "tests/security/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...args], {
    env: { TEST_DATABASE_URL: url, DATABASE_URL: "", SECURITY_FIGURES_FILE: figuresFile, CHROMIUM_PATH: chromium },
  });
} catch (error) {
  console.error(error.message);
  exitCode = 1;
}

// The figures the suites wrote, added up by key; the markers they used, one line each.
const figures = {};
const markers = [];
const notes = {};
if (existsSync(figuresFile)) {
  for (const line of readFileSync(figuresFile, "utf8").split("\n").filter(Boolean)) {
    const entry = JSON.parse(line);
    if (entry.kind === "marker") markers.push({ bug: entry.bug, fails: entry.fails, where: entry.where });
    else if (entry.kind === "note") notes[entry.key] = entry.value;
    else if (entry.kind === "figure") figures[entry.key] = { label: entry.label, value: (figures[entry.key]?.value ?? 0) + entry.value };
  }
}
// Per suite file: tests passed and failed, and how long it took.
const suites = [];
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    suites.push({
      file: path.relative(process.cwd(), file.name),
      passed: tests.filter((t) => t.status === "passed").length,
      failed: tests.filter((t) => t.status === "failed").length,
      skipped: tests.filter((t) => t.status !== "passed" && t.status !== "failed").length,
      seconds: Math.round(((file.endTime ?? 0) - (file.startTime ?? 0)) / 100) / 10,
    });
  }
}
rmSync(figuresDir, { recursive: true, force: true });

const seconds = Math.round((Date.now() - started) / 1000);
let postgres = "PostgreSQL";
try {
  postgres = `PostgreSQL ${execFileSync("psql", [url, "-Atc", "SHOW server_version"], { encoding: "utf8" }).trim().split(" ")[0]}`;
} catch {
  // the version is a detail of the report
}
const results = {
  finishedAt: new Date().toISOString(),
  command: ["npm run test:security", ...(args.length ? ["--", ...args] : [])].join(" "),
  full: args.length === 0,
  passed: exitCode === 0,
  seconds,
  database: postgres,
  machine: { cpus: os.cpus().length, node: process.version },
  knobs: Object.fromEntries(Object.entries(process.env).filter(([k]) => SIZE_KNOBS.includes(k))),
  notes,
  suites,
  figures,
  markers,
};
const resultsDir = path.join("tests", "security", "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
if (results.full && results.passed) copyFileSync(path.join(resultsDir, "latest.json"), path.join(resultsDir, "last-full-run.json"));

console.log("\nSecurity suite figures:");
for (const { label, value } of Object.values(figures)) console.log(`  ${String(value).padStart(7)}  ${label}`);
console.log(`\nKnown-bug markers used: ${markers.length}`);
for (const marker of markers) console.log(`  - ${marker.bug} (expects ${marker.fails}) at ${marker.where}`);
console.log(`\nSuites: ${suites.length}, tests passed ${suites.reduce((n, s) => n + s.passed, 0)}, failed ${suites.reduce((n, s) => n + s.failed, 0)}.`);
console.log(`Written to tests/security/results/latest.json${results.full && results.passed ? " and last-full-run.json (npm run security:report -- --readme puts it in the README)" : ""}.`);
console.log(`\nnpm run test:security took ${seconds} s.`);
process.exit(exitCode);
