// The lines the runner prints while it works, so that a long run shows where it is. The tables come at
// the end, from bench/report.
import type { Measurement } from "./results";
import { fmt, pad } from "./report/format";

export const log = (message: string) => console.log(message);

export function logMeasurement(label: string, m: Measurement): void {
  log(
    `  ${pad(label, 22)} c=${pad(String(m.connections), 2, true)}  ${pad(fmt(m.rps, 1), 7, true)} req/s  p50 ${pad(fmt(m.p50), 4, true)} ms  p99 ${pad(fmt(m.p99), 4, true)} ms` +
      `  load ${m.load.toFixed(1)}`,
  );
}
