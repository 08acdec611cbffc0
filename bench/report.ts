// Prints the README's "Results" tables from two result files of `npm run bench` (one per database):
//   node --import tsx bench/report.ts bench/results/<stamp>-postgres.json bench/results/<stamp>-pglite.json
import { readFileSync } from "node:fs";

interface Measurement {
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
}
interface Result {
  meta: { stamp: string; database: string; connections: number[]; loadAverageAtStart: number };
  measurements: Measurement[];
  queries: { target: string; status: number; queries: number | null }[];
  client: { target: string; js: { files: number; raw: number; gzip: number }; css: { raw: number; gzip: number }; html: { gzip: number }; data: { raw: number } }[];
  sanity: Record<string, number>;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node --import tsx bench/report.ts <result.json>…");
  process.exit(1);
}
const results: Result[] = files.map((file) => JSON.parse(readFileSync(file, "utf8")));
const name = (r: Result) => (r.meta.database === "pglite" ? "PGlite" : "PostgreSQL");
const fmt = (n: number | undefined, digits = 0) => (n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(digits));
const kb = (n: number) => (n / 1024).toFixed(1);
const at = (r: Result, target: string, c: number) => r.measurements.find((m) => m.target === target && m.connections === c);

const LABELS: Record<string, string> = {
  reference: "Sign-in page (reference)",
  stores: "Partner Stores, first page (5,342 stores)",
  "stores-deep": "Partner Stores, deep page (rows 2,651–2,675)",
  home: "Store Home + activity log (300,000 entries)",
  users: "Users and permissions (100 staff)",
  orders: "Orders list (50,000 orders)",
  "request-accepted": "Request access: accepted",
  "request-refused": "Request access: refused (cap of 10 reached)",
  approve: "Approve a request",
};
const MAIN = Object.keys(LABELS);
const out: string[] = [];

for (const r of results) {
  const levels = r.meta.connections;
  out.push(`**${name(r)}** (run \`${r.meta.stamp}\`, load average ${r.meta.loadAverageAtStart.toFixed(1)} at the start)`, "");
  out.push(`| Page / action | ${levels.map((c) => `c=${c} req/s | p50 ms | p99 ms | × ref`).join(" | ")} |`);
  out.push(`|---|${levels.map(() => "---:|---:|---:|---:").join("|")}|`);
  for (const target of MAIN) {
    const cells = levels.flatMap((c) => {
      const m = at(r, target, c);
      const ref = at(r, "reference", c);
      return m ? [fmt(m.rps, 1), fmt(m.p50), fmt(m.p99), ref ? fmt(m.rps / ref.rps, 2) : ""] : ["", "", "", ""];
    });
    out.push(`| ${LABELS[target]} | ${cells.join(" | ")} |`);
  }
  const s = r.sanity;
  out.push(
    "",
    `Afterwards in the database: ${s.acceptedRequestsInDatabase} new pending requests and ${s.approvalsInDatabase} approvals (one per accepted or ` +
      `approve request sent, warm-up and probe included), organization 1 still at ${s.organization1Pending} pending.`,
    "",
  );
}

out.push(`| Page | data | ${results.map((r) => `${name(r)} c=1 p50 ms | ${name(r)} c=8 req/s | cost`).join(" | ")} |`);
out.push(`|---|---:|${results.map(() => "---:|---:|---:").join("|")}|`);
const GROUPS: [string, [string, string][]][] = [
  ["Partner Stores page", [["stores-1", "55 stores"], ["stores-10", "535 stores"], ["stores", "5,342 stores"]]],
  ["Store Home", [["home-1", "3,000 log entries"], ["home-10", "30,000"], ["home", "300,000"]]],
];
for (const [group, sizes] of GROUPS) {
  sizes.forEach(([target, label], index) => {
    const cells = results.flatMap((r) => {
      const small = at(r, `scale:${sizes[0][0]}`, 8);
      const c1 = at(r, `scale:${target}`, 1);
      const c8 = at(r, `scale:${target}`, 8);
      const cost = index === 0 || !small || !c8 ? "–" : `${small.rps >= c8.rps ? "+" : "−"}${fmt(Math.abs(small.rps / c8.rps - 1) * 100)} %`;
      return [fmt(c1?.p50), fmt(c8?.rps, 1), cost];
    });
    out.push(`| ${index === 0 ? group : ""} | ${label} | ${cells.join(" | ")} |`);
  });
}
out.push("");

out.push(`| Page | ${results.map((r) => `${name(r)} document ms | loaders only ms`).join(" | ")} |`);
out.push(`|---|${results.map(() => "---:|---:").join("|")}|`);
for (const target of ["stores", "stores-deep", "home", "users", "orders"]) {
  const cells = results.flatMap((r) => [fmt(at(r, target, 1)?.mean, 1), fmt(at(r, `${target}:data`, 1)?.mean, 1)]);
  out.push(`| ${LABELS[target]} | ${cells.join(" | ")} |`);
}
out.push("");

const first = results[0];
out.push("| Page / action | SQL statements |", "|---|---:|");
for (const q of first.queries.filter((q) => !q.target.includes(":"))) out.push(`| ${LABELS[q.target] ?? q.target} | ${q.queries ?? "?"} |`);
out.push("");

out.push("| Page | JS files | JS KiB | JS gzip KiB | CSS KiB | CSS gzip KiB | HTML gzip KiB | data KiB |", "|---|---:|---:|---:|---:|---:|---:|---:|");
for (const c of first.client.filter((c) => MAIN.includes(c.target))) {
  out.push(`| ${LABELS[c.target]} | ${c.js.files} | ${kb(c.js.raw)} | ${kb(c.js.gzip)} | ${kb(c.css.raw)} | ${kb(c.css.gzip)} | ${kb(c.html.gzip)} | ${kb(c.data.raw)} |`);
}
console.log(out.join("\n"));
