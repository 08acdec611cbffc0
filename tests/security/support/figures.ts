// Figures the suites report (matrix cells walked, fuzz cases actually run, race rounds, requests…) and
// the known-bug markers they used. Each suite appends its counts to the run's figures file (one JSON
// object a line); scripts/test-security.mjs adds them up, prints them, and writes
// tests/security/results/latest.json, from which `npm run security:report` makes the README's table.
import { appendFileSync } from "node:fs";
import type { MarkerUse } from "./known-bug";

function write(entry: Record<string, unknown>) {
  const file = process.env.SECURITY_FIGURES_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/**
 * One figure, added to the run's total under `key` (stable, read by the report); `label` says what it
 * counts, in the words the summary prints.
 */
export function recordFigure(key: string, value: number, label: string) {
  write({ kind: "figure", key, label, value });
}

export function recordMarker(use: MarkerUse) {
  write({ kind: "marker", ...use });
}

/** A fact of the run that is not a count (the fuzz's seed): the results keep the last value. */
export function recordNote(key: string, value: string | number) {
  write({ kind: "note", key, value });
}
