// The benchmark's knobs, read once from the environment (README.md, "Performance").
//   DATABASE_URL          a PostgreSQL server: a fresh database portier_bench_<stamp> is created on it
//                         (unset: a fresh PGlite data folder under the system's temp folder)
//   BENCH_SCALE           1 (default) = the sizes; 0.1 for a quick run
//   BENCH_DURATION        seconds per page measurement (default 10)
//   BENCH_CONNECTIONS     concurrency levels (default "1,8,32")
//   BENCH_ACTION_AMOUNT   requests per level for the write actions (default 200)
//   BENCH_KEEP=1          keep the database afterwards (its location is printed)
//   BENCH_BUILD=1         rebuild even if the build looks current (server.ts)
//   BENCH_VERBOSE=1       show the server's stderr (server.ts)

export const config = {
  scale: Number(process.env.BENCH_SCALE ?? 1),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  levels: (process.env.BENCH_CONNECTIONS ?? "1,8,32")
    .split(",")
    .map((v) => Number(v.trim()))
    .filter((v) => v > 0),
  actionAmount: Number(process.env.BENCH_ACTION_AMOUNT ?? 200),
  keep: process.env.BENCH_KEEP === "1",
};

/** The scaling rounds run at one connection (latency) and at eight (throughput under contention). */
export const SCALING_LEVELS = [1, 8];
export const SCALING_ROUNDS = 3;
/** Each scaling round is short: three of them per size add up to more than one long run. */
export const scalingSlice = () => Math.max(3, Math.round(config.duration / 2));
