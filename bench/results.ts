// What one `npm run bench` run found, as it is written to bench/results/<stamp>-<database>.json. The runner
// fills it; bench/report.ts reads it back to print the tables. Everything the tables show is in here (the
// labels too), so a table can be regenerated from the file alone, long after the run.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ExplainedQuery } from "./measure/plans";
import type { WorldCounts } from "./seed-counts";

export type DatabaseKind = "pglite" | "postgres";

export interface RunMeta {
  stamp: string;
  commit: string;
  database: DatabaseKind;
  scale: number;
  /** Seconds per page measurement. */
  durationPerMeasurement: number;
  connections: number[];
  /** The levels of the scaling rounds, how many rounds, and the seconds each size runs per round. */
  scalingConnections: number[];
  scalingRounds: number;
  scalingSeconds: number;
  actionAmount: number;
  node: string;
  cpus: number;
  cpuModel: string;
  loadAverageAtStart: number;
  seedSeconds: number;
  totalSeconds: number;
}

/** A measured page or action, as the tables name it. */
export interface TargetInfo {
  name: string;
  label: string;
  kind: "page" | "action";
  /** Part of the main table (every level). */
  main: boolean;
  /** The same page at several data sizes. */
  scaling?: { group: string; size: string; rows: number; data: string };
  /** For a loaders-only variant (`.data`): the page it splits. */
  dataOf?: string;
}

export interface Measurement {
  /** The target's name; scaling rounds are stored as `scale:<name>`. */
  target: string;
  connections: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  statuses: Record<string, number>;
  /** The machine's 1-minute load average when the run ended (the bench itself adds about 2). */
  load: number;
}

export interface QueryCount {
  target: string;
  status: number;
  /** SQL statements the request sent (BEGIN and COMMIT included); null when the server did not say. */
  statements: number | null;
}

export interface ClientSize {
  target: string;
  js: { files: number; raw: number; gzip: number };
  css: { files: number; raw: number; gzip: number };
  html: { raw: number; gzip: number };
  /** The loader data inlined into the page (single fetch's inline scripts). */
  data: { raw: number };
}

/** What a write action was answered as often as, and what the database holds afterwards for it. */
export interface WriteCheck {
  target: string;
  /** Answers with the expected status (probe, warm-up and timed runs). */
  answered: number;
  /** Rows the database gained that these answers stand for (refusals: rows that must not exist). */
  written: number;
  /** What `written` and `answered` count, for the report: "new requests from requester@", "accepted requests". */
  what: string;
  answers: string;
}

/** One streamed CSV export downloaded whole (bench/measure/exports.ts). */
export interface ExportMeasurement {
  what: "activity" | "customers";
  /** The store's share of the large store's data: "100 %", "10 %", "1 %". */
  size: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** The server's resident memory before the download, and its largest growth while it streamed, in bytes. */
  rssBefore: number;
  peakGrowth: number;
}

export interface BenchResults {
  meta: RunMeta;
  /** What the seed wrote, counted back from the database. */
  world: WorldCounts;
  targets: TargetInfo[];
  measurements: Measurement[];
  queries: QueryCount[];
  client: ClientSize[];
  writes: WriteCheck[];
  /** Absent from runs made before the exports were measured. */
  exports?: ExportMeasurement[];
  explain: ExplainedQuery[];
}

export const RESULTS_DIR = path.resolve("bench/results");

export function resultsFile(meta: Pick<RunMeta, "stamp" | "database">): string {
  return path.join(RESULTS_DIR, `${meta.stamp}-${meta.database}.json`);
}

export function writeResults(results: BenchResults): string {
  const file = resultsFile(results.meta);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2));
  return file;
}

export function readResults(file: string): BenchResults {
  const results = JSON.parse(readFileSync(file, "utf8")) as Partial<BenchResults>;
  // Files from before this format (no world counts, no target labels) cannot fill the tables honestly.
  if (!results.meta || !results.world || !results.targets || !results.writes) {
    throw new Error(`${file} is not a results file of this bench, or of an older one (it lacks the world's counts or the targets' labels)`);
  }
  return results as BenchResults;
}
