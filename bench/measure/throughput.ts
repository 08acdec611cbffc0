// The main table: every page and action at each concurrency level, and each data page's loaders alone
// (`.data`) at the levels up to 8. Each target is warmed up first (the server's caches and the JIT), and
// before every run the server works off what the previous one left queued.
import { config } from "../config";
import { logMeasurement } from "../progress";
import type { Measurement } from "../results";
import type { Target } from "../targets";
import { measure, settle, type LoadContext } from "./load";

export async function measureThroughput(context: LoadContext, all: Target[]): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const target of all.filter((t) => t.main || t.dataOf)) {
    await settle(context);
    await measure(context, target, Math.min(8, Math.max(...config.levels)), "warmup");
    const levels = target.main ? config.levels : config.levels.filter((c) => c <= 8);
    for (const connections of levels) {
      await settle(context);
      const m = await measure(context, target, connections, "run");
      results.push(m);
      logMeasurement(target.name, m);
    }
  }
  return results;
}
