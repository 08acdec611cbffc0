// The three documents made of the tables: what a run prints when it ends, the .md it leaves beside its
// results file (with the EXPLAIN plans), and the README's two generated blocks (the world, the results).
import type { BenchResults } from "../results";
import { markdownTable, textTable } from "./render";
import {
  clientTable,
  databaseName,
  exportsTable,
  headline,
  mainTable,
  scalingTable,
  splitTable,
  statementsTable,
  verdictTable,
  worldTable,
  writesSentence,
  type Table,
} from "./tables";

/** The captions say what a table is, never what it shows: that is for the prose around the README's blocks. */
const captions = (r: BenchResults) => ({
  main: `× ref = throughput relative to the sign-in page at the same concurrency`,
  scaling:
    `**Scaling** (${r.meta.scalingRounds} interleaved rounds of ${r.meta.scalingSeconds} s per size, so that background load hits every size alike; ` +
    `"cost" is the time per request, 1 / throughput, at ${r.meta.scalingConnections.at(-1)} connections, against the smallest size):`,
  split: "**Where the time goes** (mean latency at 1 connection: the document, and the same URL as `.data`, the loaders alone):",
  statements:
    "**SQL statements per request** (BEGIN and COMMIT included; a store page sends more when it records the person's `lastActiveAt`, at most every 5 minutes):",
  client:
    "**Client side** (the JavaScript and CSS each page's HTML loads, from `build/client`; gzip at level 6 as the server's `compression` sends it; \"data\" is the loader data inlined into the HTML):",
  exports:
    "**Streamed CSV exports** (each downloaded whole by one client, smallest first; the server's resident memory sampled every 20 ms while it streams: the claim is that the peak growth does not follow the row count):",
  world: `The world as run \`${r.meta.stamp}\` seeded it (${databaseName(r)}, scale ${r.meta.scale}), counted after seeding:`,
});

/** Printed by `npm run bench` when it has measured everything. */
export function runSummary(r: BenchResults): string {
  const c = captions(r);
  const plain = (caption: string) => caption.replace(/\*\*/g, "");
  const section = (caption: string, table: Table) => ["", plain(caption), textTable(table)];
  return [
    ...section(`Throughput and latency (${databaseName(r)}, scale ${r.meta.scale}; ${c.main})`, mainTable(r)),
    writesSentence(r),
    ...section(c.scaling, scalingTable([r])),
    ...section(c.split, splitTable([r])),
    ...section(c.statements, statementsTable([r])),
    ...section(c.client, clientTable(r)),
    ...section(c.exports, exportsTable([r])),
    ...section(c.world, worldTable(r)),
    ...section("Targets", verdictTable(r)),
  ].join("\n");
}

/** Long id lists and parameter lists, shortened for reading (the JSON keeps them whole). */
function shorten(text: string): string {
  return text
    .replace(/'\{([0-9a-f-]{36},){3,}[0-9a-f-]{36}\}'/g, (list) => `'{…${list.split(",").length} ids…}'`)
    .replace(/\((\$\d+,){5,}\$\d+\)/g, (list) => `(${list.split(",")[0].slice(1)},…,${list.split(",").at(-1)!.slice(0, -1)})`);
}

/** bench/results/<stamp>-<database>.md: one run's tables and every plan it explained. */
export function runMarkdown(r: BenchResults): string {
  const c = captions(r);
  return [
    `### ${databaseName(r)}, scale ${r.meta.scale} (${r.meta.stamp}, commit ${r.meta.commit})`,
    "",
    headline(r),
    "",
    markdownTable(mainTable(r)),
    "",
    writesSentence(r),
    "",
    ...[
      [c.scaling, scalingTable([r])],
      [c.split, splitTable([r])],
      [c.statements, statementsTable([r])],
      [c.client, clientTable(r)],
      [c.exports, exportsTable([r])],
      [c.world, worldTable(r)],
      ["**Targets**", verdictTable(r)],
    ].flatMap(([caption, table]) => [caption as string, "", markdownTable(table as Table), ""]),
    "#### EXPLAIN (ANALYZE, BUFFERS)",
    ...r.explain.flatMap((q) => [
      "",
      `**${q.name}** (${q.sent} statements sent)`,
      ...q.statements.flatMap((s) => ["", "```sql", shorten(s.sql), "```", "```", shorten(s.plan), "```"]),
    ]),
    "",
  ].join("\n");
}

export interface ReadmeBlocks {
  world: string;
  results: string;
}

/** The README's generated blocks, from one results file per database (the first one's world and sizes). */
export function readmeBlocks(results: BenchResults[]): ReadmeBlocks {
  const [first] = results;
  const c = captions(first);
  const block = (...parts: string[]) => parts.join("\n\n");
  return {
    world: block(c.world, markdownTable(worldTable(first))),
    results: block(
      ...results.flatMap((r) => [headline(r), markdownTable(mainTable(r)), writesSentence(r)]),
      c.scaling,
      markdownTable(scalingTable(results)),
      c.split,
      markdownTable(splitTable(results)),
      c.statements,
      markdownTable(statementsTable(results)),
      c.client,
      markdownTable(clientTable(first)),
      ...(first.exports ? [c.exports, markdownTable(exportsTable(results))] : []),
    ),
  };
}
