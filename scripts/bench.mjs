// npm run bench: the reproducible performance benchmark (bench/run.ts; README.md, "Performance").
// DATABASE_URL=postgres://… runs it on a fresh database on that PostgreSQL server; BENCH_SCALE=0.1 is a quick run.
// The runner says why it failed (one line); this only passes its exit code on.
import { runSteps } from "./lib/run.mjs";

await runSteps([[process.execPath, ["--no-warnings=ExperimentalWarning", "--import", "tsx", "bench/run.ts"]]]);
