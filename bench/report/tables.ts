// Every table the bench prints or the README shows, built from results files and nothing else (labels,
// sizes and counts included), so that a table always describes the run it names. Rendering (aligned text
// for the terminal, Markdown for the README) is render.ts's job.
import type { BenchResults, Measurement, TargetInfo } from "../results";
import { count, fmt, kib, many, signedPercent } from "./format";

export interface Table {
  headers: string[];
  rows: string[][];
  /** How many leading columns are text rather than figures (1 if unset). */
  textColumns?: number;
}

export const databaseName = (r: BenchResults) => (r.meta.database === "pglite" ? "PGlite" : "PostgreSQL");

const at = (r: BenchResults, target: string, connections: number): Measurement | undefined =>
  r.measurements.find((m) => m.target === target && m.connections === connections);
const label = (r: BenchResults, name: string) => r.targets.find((t) => t.name === name)?.label ?? name;
const mainTargets = (r: BenchResults) => r.targets.filter((t) => t.main);
const loadersOnly = (r: BenchResults) => r.targets.filter((t) => t.dataOf);

/** Scaling groups, smallest data first (the cost column compares with the smallest). */
function scalingGroups(r: BenchResults): [string, TargetInfo[]][] {
  const groups = new Map<string, TargetInfo[]>();
  for (const target of r.targets) if (target.scaling) groups.set(target.scaling.group, [...(groups.get(target.scaling.group) ?? []), target]);
  return [...groups].map(([group, members]) => [group, [...members].sort((a, b) => a.scaling!.rows - b.scaling!.rows)]);
}

/** The scaling table's two columns: latency at the lowest level, throughput at the highest. */
const scalingLevels = (r: BenchResults) => ({ latency: r.meta.scalingConnections[0], throughput: r.meta.scalingConnections.at(-1)! });

export function headline(r: BenchResults): string {
  return `**${databaseName(r)}** (run \`${r.meta.stamp}\`, scale ${r.meta.scale}, load average ${r.meta.loadAverageAtStart.toFixed(1)} at the start)`;
}

/** Throughput and latency of every page and action at every level, against the sign-in page. */
export function mainTable(r: BenchResults): Table {
  const levels = r.meta.connections;
  return {
    headers: ["Page / action", ...levels.flatMap((c) => [`c=${c} req/s`, "p50 ms", "p99 ms", "× ref"])],
    rows: mainTargets(r).map((target) => [
      target.label,
      ...levels.flatMap((c) => {
        const m = at(r, target.name, c);
        const ref = at(r, "reference", c);
        return m ? [fmt(m.rps, 1), fmt(m.p50), fmt(m.p99), ref ? fmt(m.rps / ref.rps, 2) : ""] : ["", "", "", ""];
      }),
    ]),
  };
}

/** What the write actions left in the database (the run fails unless it matches their answers). */
export function writesSentence(r: BenchResults): string {
  const parts = r.writes.map((w) => `${count(w.written)} ${w.what} for ${count(w.answered)} ${w.answers}`);
  return `Afterwards in the database: ${parts.join(", ")} (probe and warm-ups included; the run fails on any other count).`;
}

/** The same page at three data sizes, one column group per database. */
export function scalingTable(results: BenchResults[]): Table {
  const [first] = results;
  const { latency, throughput } = scalingLevels(first);
  const rows: string[][] = [];
  for (const [group, members] of scalingGroups(first)) {
    members.forEach((target, index) => {
      const cells = results.flatMap((r) => {
        const smallest = at(r, `scale:${members[0].name}`, throughput);
        const low = at(r, `scale:${target.name}`, latency);
        const high = at(r, `scale:${target.name}`, throughput);
        // Cost per request is 1 / throughput: the change against the smallest size.
        const cost = index === 0 || !smallest || !high ? "–" : signedPercent(smallest.rps / high.rps - 1);
        return [fmt(low?.p50), fmt(high?.rps, 1), cost];
      });
      rows.push([index === 0 ? group : "", target.scaling!.data, ...cells]);
    });
  }
  return {
    textColumns: 2,
    headers: ["Page", "data", ...results.flatMap((r) => [`${databaseName(r)} c=${latency} p50 ms`, `${databaseName(r)} c=${throughput} req/s`, "cost"])],
    rows,
  };
}

/** Mean latency at one connection of each data page, and of its loaders alone (`.data`). */
export function splitTable(results: BenchResults[]): Table {
  return {
    headers: ["Page", ...results.flatMap((r) => [`${databaseName(r)} document ms`, "loaders only ms"])],
    rows: loadersOnly(results[0]).map((target) => [
      label(results[0], target.dataOf!),
      ...results.flatMap((r) => [fmt(at(r, target.dataOf!, 1)?.mean, 1), fmt(at(r, target.name, 1)?.mean, 1)]),
    ]),
  };
}

/** SQL statements per request, one column per database (they should agree: the same code sends them). */
export function statementsTable(results: BenchResults[]): Table {
  const targets = results[0].targets.filter((t) => !t.dataOf);
  return {
    headers: ["Page / action", ...results.map((r) => `${databaseName(r)} SQL statements`)],
    rows: targets.map((target) => [
      target.label,
      ...results.map((r) => {
        const statements = r.queries.find((q) => q.target === target.name)?.statements;
        return statements === undefined || statements === null ? "?" : String(statements);
      }),
    ]),
  };
}

const mib = (bytes: number) => fmt(bytes / 1024 / 1024, 1);

/** The streamed exports, one row per export and size, a column group per database. */
export function exportsTable(results: BenchResults[]): Table {
  const measured = results[0].exports ?? [];
  return {
    headers: ["Export", "rows", ...results.flatMap((r) => [`${databaseName(r)} rows/s`, "s", "MiB", "server RSS before MiB", "peak RSS growth MiB"])],
    rows: measured.map((m) => [
      `${m.what === "activity" ? "Activity log (Home's export)" : "Customers"}, ${m.size}`,
      count(m.rows),
      ...results.flatMap((r) => {
        const same = r.exports?.find((e) => e.what === m.what && e.size === m.size);
        return same ? [count(Math.round(same.rowsPerSecond)), fmt(same.seconds, 1), mib(same.bytes), mib(same.rssBefore), mib(same.peakGrowth)] : ["–", "–", "–", "–", "–"];
      }),
    ]),
    textColumns: 1,
  };
}

/** What each page loads in the browser (the build's, so the first run's stands for both). */
export function clientTable(r: BenchResults): Table {
  return {
    headers: ["Page", "JS files", "JS KiB", "JS gzip KiB", "CSS KiB", "CSS gzip KiB", "HTML gzip KiB", "data KiB"],
    rows: r.client
      .filter((c) => r.targets.find((t) => t.name === c.target)?.main)
      .map((c) => [label(r, c.target), String(c.js.files), kib(c.js.raw), kib(c.js.gzip), kib(c.css.raw), kib(c.css.gzip), kib(c.html.gzip), kib(c.data.raw)]),
  };
}

const list = (counts: Record<string, number>, names: [string, string][]) =>
  names.filter(([key]) => counts[key]).map(([key, name]) => `${count(counts[key])} ${name}`);

/** The world the run measured, as the seed's counts recorded it. */
export function worldTable(r: BenchResults): Table {
  const { tables, organizations, stores, activityOfOrganization1 } = r.world;
  const [org1] = organizations;
  const [store1, store2, store3] = stores;
  const states = list(org1.accessByState, [["MANAGED", "managed"], ["SUSPENDED", "suspended"], ["REMOVED", "access removed"], ["DECLINED", "declined"], ["CANCELLED", "cancelled"]]);
  const staffStates = list(store1.staffByStatus, [["ACTIVE", "active"], ["INVITED", "invited"], ["LOCKED", "locked"], ["ARCHIVED", "archived"]]);
  const sections = (s: typeof store1) => `${many(s.orders, "order", "orders")}, ${many(s.customers, "customer", "customers")}, ${many(s.products, "product", "products")}`;
  const share = tables.ActivityLog ? `${fmt((activityOfOrganization1 / tables.ActivityLog) * 100)} %` : "–";
  return {
    headers: ["", "rows"],
    textColumns: 2,
    rows: [
      [
        "partner organizations",
        `${count(tables.PartnerOrganization)}; organization 1 ("${org1.name}", ${count(org1.members)} members): ${count(org1.accessRows)} access rows, of which ` +
          `${states.join(", ")}, **${count(org1.pending)} pending**; ${count(org1.listed)} listed; organizations 2 and 3 list ${count(organizations[1].listed)} and ${count(organizations[2].listed)}`,
      ],
      ["stores", `${count(tables.Store)} (each with its owner's account and a collaborator request code)`],
      ["collaborator access rows", count(tables.CollaboratorAccess)],
      ["collaborator requests", `${count(tables.CollaboratorRequest)} (the latest per access row, plus decided history)`],
      [
        "activity log",
        `${count(tables.ActivityLog)} (${count(store1.activity)} on store 1, ${count(store2.activity)} on store 2, ${count(store3.activity)} on store 3, ${share} by organization 1)`,
      ],
      ["notifications", count(tables.Notification)],
      ["failed code attempts", `${count(tables.CodeAttempt)} (the request-access throttle reads them)`],
      [
        `store 1 ("${store1.name}")`,
        `${count(store1.staff)} staff accounts (${count(store1.staffWithLogin)} with logins; ${staffStates.join(", ")}), ${count(store1.collaboratorOrganizations)} collaborator organizations, ` +
          `${many(store1.pendingRequests, "pending request", "pending requests")}, ${sections(store1)} (store 2: ${sections(store2)}; store 3: ${sections(store3)})`,
      ],
    ],
  };
}

export interface Verdict {
  target: string;
  passed: boolean;
  detail: string;
}

/** The targets: throughput against the reference, p99 at 8 connections, cost growth with the data. */
export function verdicts(r: BenchResults): Verdict[] {
  const levels = r.meta.connections;
  const c8 = levels.includes(8) ? 8 : levels[Math.min(1, levels.length - 1)];
  const result: Verdict[] = [];
  for (const target of mainTargets(r).filter((t) => t.name !== "reference")) {
    for (const c of levels) {
      const m = at(r, target.name, c);
      const ref = at(r, "reference", c);
      if (!m || !ref) continue;
      const ratio = m.rps / ref.rps;
      result.push({ target: `${target.name} @${c}`, passed: ratio >= 0.7, detail: `throughput ${fmt(ratio * 100)} % of the reference (target ≥ 70 %)` });
    }
    const m = at(r, target.name, c8);
    if (m) result.push({ target: `${target.name} @${c8}`, passed: m.p99 < 100, detail: `p99 ${fmt(m.p99)} ms (target < 100 ms)` });
  }
  for (const [group, members] of scalingGroups(r)) {
    const smallest = members[0];
    const largest = members.at(-1)!;
    for (const c of r.meta.scalingConnections) {
      const big = at(r, `scale:${largest.name}`, c);
      const small = at(r, `scale:${smallest.name}`, c);
      if (!big || !small) continue;
      const growth = small.rps / big.rps - 1;
      result.push({
        target: `${group} scaling @${c}`,
        passed: growth <= 0.2,
        detail: `cost per request ${signedPercent(growth)} from ${smallest.scaling!.data} to ${largest.scaling!.data} (target ≤ +20 %); p50 ${fmt(small.p50)} → ${fmt(big.p50)} ms`,
      });
    }
  }
  return result;
}

export function verdictTable(r: BenchResults): Table {
  return { headers: ["target", "result", "detail"], textColumns: 3, rows: verdicts(r).map((v) => [v.target, v.passed ? "PASS" : "MISS", v.detail]) };
}
