// Scaling: the same page at three data sizes, in interleaved rounds (every size once per round, three
// rounds), so that a change in the machine's background load hits all sizes alike instead of one.
import { SCALING_LEVELS, SCALING_ROUNDS, scalingSlice } from "../config";
import { log, logMeasurement } from "../progress";
import type { Measurement } from "../results";
import type { Target } from "../targets";
import { combine, measure, settle, type LoadContext } from "./load";

/** The targets of each scaling group, in the order the targets list them. */
export function scalingGroups(all: Target[]): Map<string, Target[]> {
  const groups = new Map<string, Target[]>();
  for (const target of all) if (target.scaling) groups.set(target.scaling.group, [...(groups.get(target.scaling.group) ?? []), target]);
  return groups;
}

export async function measureScaling(context: LoadContext, all: Target[]): Promise<Measurement[]> {
  log(`Scaling (${SCALING_ROUNDS} interleaved rounds of ${scalingSlice()} s per size)…`);
  const results: Measurement[] = [];
  for (const [, members] of scalingGroups(all)) {
    // The largest size was warmed up for the main table; the smaller ones were not measured yet.
    for (const target of members.filter((t) => !t.main)) await measure(context, target, 8, "warmup");
    for (const connections of SCALING_LEVELS) {
      const parts = new Map<string, Measurement[]>();
      for (let round = 0; round < SCALING_ROUNDS; round++) {
        for (const target of members) {
          await settle(context);
          const m = await measure(context, target, connections, "run", scalingSlice());
          parts.set(target.name, [...(parts.get(target.name) ?? []), m]);
        }
      }
      for (const target of members) {
        const m = combine(`scale:${target.name}`, parts.get(target.name)!);
        results.push(m);
        logMeasurement(`${target.name} (${target.scaling!.size})`, m);
      }
    }
  }
  return results;
}
