// The streamed CSV exports (app/lib/csv.server.ts), downloaded whole from the three stores of the world (the
// large one, then 10× and 100× less data): rows per second and the server's resident memory while it
// streams. The claim under test is that memory does not grow with the count: the peak growth of the
// largest export should be about that of the smallest.
import { readFileSync } from "node:fs";
import type { ExportMeasurement } from "../results";
import type { WorldCounts } from "../seed-counts";
import { fail } from "../failure";
import { storeId } from "../world";
import { BENCH_USER_AGENT, type LoadContext } from "./load";

const SIZES = ["100 %", "10 %", "1 %"];

/** The server's resident set in bytes (Linux: VmRSS of /proc/<pid>/status). */
function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) * 1024;
}

async function download(context: LoadContext, pid: number, what: ExportMeasurement["what"], store: number, size: string, expectedRows: number): Promise<ExportMeasurement> {
  const path = what === "activity" ? `/store/${storeId(store)}/activity.csv` : `/store/${storeId(store)}/customers/export`;
  const before = residentBytes(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 20);
  const started = performance.now();
  try {
    const response = await fetch(context.origin + path, {
      method: "POST",
      headers: { "user-agent": BENCH_USER_AGENT, cookie: context.cookies.merchant ?? "", origin: context.origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(),
      redirect: "manual",
    });
    if (response.status !== 200 || !response.body) fail(`export ${what} of store ${store} (POST ${path}): HTTP ${response.status}, not the CSV`);
    let bytes = 0;
    let lines = 0;
    const reader = response.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.length;
      for (const byte of next.value) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    // Records end with a newline; a quoted cell may hold one more, so lines are at least the rows plus the header.
    const rows = lines - 1;
    if (rows < expectedRows) fail(`export ${what} of store ${store}: ${rows} lines of data, fewer than its ${expectedRows} rows`);
    peak = Math.max(peak, residentBytes(pid));
    return { what, size, rows: expectedRows, bytes, seconds, rowsPerSecond: expectedRows / seconds, rssBefore: before, peakGrowth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

export async function measureExports(context: LoadContext, pid: number, world: WorldCounts): Promise<ExportMeasurement[]> {
  const measured: ExportMeasurement[] = [];
  // Smallest first, so the largest cannot hide behind memory the smaller ones already grew.
  for (const what of ["activity", "customers"] as const) {
    for (const index of [2, 1, 0]) {
      const counts = world.stores[index];
      measured.push(await download(context, pid, what, index + 1, SIZES[index], what === "activity" ? counts.activity : counts.customers));
    }
  }
  return measured;
}
