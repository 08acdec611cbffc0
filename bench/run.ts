// `npm run bench`: seeds the large world into a fresh database, starts the production build against it,
// checks every measured URL, measures the pages and actions that must stay fast at agency scale, checks
// what the write actions wrote, and prints and saves the results. README.md, "Performance"; the knobs
// are in config.ts.
//
// The order matters: PGlite is one process's database, so everything that reads it directly (the seed,
// the fixtures, the EXPLAIN step, the final count) runs while no server has it open.
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { config, SCALING_LEVELS, SCALING_ROUNDS, scalingSlice } from "./config";
import { createBenchDatabase, reopenBenchDatabase } from "./database";
import { BenchFailure } from "./failure";
import { readFixtures } from "./fixtures";
import { ActionFeed } from "./measure/action-feed";
import { clientSize } from "./measure/client-size";
import { explainHotPaths } from "./measure/explain";
import { measureExports } from "./measure/exports";
import type { LoadContext } from "./measure/load";
import { probe } from "./measure/probe";
import { measureScaling } from "./measure/scaling";
import { measureThroughput } from "./measure/throughput";
import { checkWrites, snapshotWrites } from "./measure/writes";
import { log } from "./progress";
import { runMarkdown, runSummary } from "./report/documents";
import { count, fmt, pad } from "./report/format";
import { writeResults, type BenchResults, type ClientSize, type QueryCount } from "./results";
import { seedLargeWorld } from "./seed-large";
import { ensureBuild, logIn, startServer, type RunningServer } from "./server";
import { targetInfo, targets } from "./targets";
import { BENCH_PASSWORD, LOGINS, planWorld } from "./world";

async function signInEveryone(origin: string): Promise<LoadContext["cookies"]> {
  const cookies: LoadContext["cookies"] = {};
  for (const who of Object.keys(LOGINS) as (keyof typeof LOGINS)[]) cookies[who] = await logIn(origin, LOGINS[who], BENCH_PASSWORD);
  return cookies;
}

function gitCommit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return ""; // not a git checkout
  }
}

async function main() {
  const started = Date.now();
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "_");
  const load = os.loadavg()[0];
  log(`Portier benchmark ${stamp}: scale ${config.scale}, ${config.duration} s per page and level, connections ${config.levels.join("/")}`);
  log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${load.toFixed(2)}${load > 0.5 ? " (other work is running: figures are noisy)" : ""}`);

  const plan = planWorld(config.scale);
  let database = await createBenchDatabase(stamp);
  log(`Database: ${database.describe}`);
  let server: RunningServer | undefined;
  let results: BenchResults;
  try {
    const seed = await seedLargeWorld(database, config.scale, log);
    const fixtures = await readFixtures(database, seed.counts.organizations[0].listed);
    const before = await snapshotWrites(database);
    const explain = await explainHotPaths(database, plan, fixtures, seed.counts.stores[0].name);
    await database.close();

    await ensureBuild(log);
    const all = targets(plan, seed.counts, fixtures);
    const feed = new ActionFeed();

    // Every URL once, before anything is timed: the answer checked, the statements counted.
    log("Checking every measured URL; query counts and page sizes (PORTIER_COUNT_QUERIES=1)…");
    server = await startServer(database.serverEnv, { PORTIER_COUNT_QUERIES: "1" });
    const cookies = await signInEveryone(server.origin);
    const queries: QueryCount[] = [];
    const client: ClientSize[] = [];
    for (const target of all) {
      const { html, ...count } = await probe({ origin: server.origin, cookies, feed }, target);
      queries.push(count);
      if (html) client.push(clientSize(target.name, html));
      log(`  ${pad(target.name, 22)} HTTP ${count.status} as expected  ${count.statements ?? "?"} SQL statements`);
    }
    await server.stop();
    server = undefined;

    // The load, on a server without the counter (its header costs a little).
    log("Load (autocannon)…");
    server = await startServer(database.serverEnv);
    const context: LoadContext = { origin: server.origin, cookies, feed };
    const measurements = [...(await measureThroughput(context, all)), ...(await measureScaling(context, all))];
    log("Streamed CSV exports (server memory sampled while they stream)…");
    const exports = await measureExports(context, server.child.pid!, seed.counts);
    for (const e of exports) log(`  ${pad(`${e.what} ${e.size}`, 16)} ${count(e.rows)} rows in ${fmt(e.seconds, 1)} s, peak RSS growth ${fmt(e.peakGrowth / 1048576, 1)} MiB`);
    await server.stop();
    server = undefined;

    database = await reopenBenchDatabase(database);
    const writes = checkWrites(before, await snapshotWrites(database), feed);
    await database.close();

    results = {
      meta: {
        stamp,
        commit: gitCommit(),
        database: database.kind,
        scale: config.scale,
        durationPerMeasurement: config.duration,
        connections: config.levels,
        scalingConnections: SCALING_LEVELS,
        scalingRounds: SCALING_ROUNDS,
        scalingSeconds: scalingSlice(),
        actionAmount: config.actionAmount,
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "",
        loadAverageAtStart: load,
        seedSeconds: seed.seconds,
        totalSeconds: (Date.now() - started) / 1000,
      },
      world: seed.counts,
      targets: all.map(targetInfo),
      measurements,
      queries,
      client,
      writes,
      exports,
      explain,
    };
  } finally {
    await server?.stop();
    await database.close().catch(() => {});
    if (config.keep) log(`Kept the database: ${JSON.stringify(database.serverEnv)}`);
    else await database.drop().catch((error) => log(`Could not drop the database: ${error}`));
  }

  log(runSummary(results));
  const file = writeResults(results);
  writeFileSync(file.replace(/\.json$/, ".md"), runMarkdown(results));
  log("");
  log(`Wrote ${path.relative(process.cwd(), file)} (and .md) in ${fmt(results.meta.totalSeconds / 60, 1)} min.`);
}

main().catch((error) => {
  // A failed check is the run's answer, in one line; anything else is a bug of the bench, with its stack.
  if (error instanceof BenchFailure) console.error(`Benchmark failed: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
