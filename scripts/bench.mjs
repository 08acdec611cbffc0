// npm run bench: the reproducible performance benchmark (bench/run.ts; README.md, "Performance").
// DATABASE_URL=postgres://… runs it on a fresh database on that PostgreSQL server; BENCH_SCALE=0.1 is a quick run.
import { run } from "./lib/run.mjs";

try {
  await run(process.execPath, ["--no-warnings=ExperimentalWarning", "--import", "tsx", "bench/run.ts"]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
