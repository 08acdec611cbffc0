// Figures the suites report (matrix cells walked, fuzz cases run, race rounds...). Each suite adds its
// counts; scripts/test-security.mjs prints the totals at the end of the run.
import { appendFileSync } from "node:fs";

export function recordFigure(name: string, value: number) {
  const file = process.env.SECURITY_FIGURES_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ name, value })}\n`);
}
