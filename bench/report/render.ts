// One table, two renderings: aligned columns for the terminal, Markdown for the README and the run's .md.
// Text columns (the first `textColumns`, 1 unless the table says) are left-aligned, figures right-aligned.
import type { Table } from "./tables";
import { pad } from "./format";

export function textTable({ headers, rows, textColumns = 1 }: Table): string {
  const plain = (cell: string) => cell.replace(/\*\*/g, "");
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => plain(r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(plain(c), widths[i], i >= textColumns))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function markdownTable({ headers, rows, textColumns = 1 }: Table): string {
  return [`| ${headers.join(" | ")} |`, `|${headers.map((_, i) => (i < textColumns ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}
