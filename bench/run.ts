// `npm run bench`: seeds the large world into a fresh database, starts the production build against it,
// and measures the pages and actions that must stay fast at agency scale. See README.md, "Performance".
//
// Environment:
//   DATABASE_URL          a PostgreSQL server: a fresh database portier_bench_<stamp> is created on it
//                         (unset: a fresh PGlite data folder under the system's temp folder)
//   BENCH_SCALE           1 (default) = the issue's sizes; 0.1 for a quick run
//   BENCH_DURATION        seconds per page measurement (default 10)
//   BENCH_CONNECTIONS     concurrency levels (default "1,8,32")
//   BENCH_ACTION_AMOUNT   requests per level for the write actions (default 200)
//   BENCH_KEEP=1          keep the database afterwards (its location is printed)
//   BENCH_BUILD=1         rebuild even if the build looks current
//   BENCH_VERBOSE=1       show the server's stderr
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { execSync } from "node:child_process";
import autocannon from "autocannon";
import { createBenchDatabase, reopenBenchDatabase, type BenchDatabase } from "./database";
import { explainHotQueries, type ExplainedQuery } from "./measure/plans";
import { seedLargeWorld, type SeedSummary } from "./seed-large";
import { ensureBuild, logIn, startServer, type RunningServer } from "./server";
import {
  acceptedRequest,
  approval,
  BENCH_PASSWORD,
  LOGINS,
  orgId,
  planWorld,
  refusedRequest,
  storeId,
  uid,
  type WorldPlan,
} from "./world";

const log = (message: string) => console.log(message);

const config = {
  scale: Number(process.env.BENCH_SCALE ?? 1),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  levels: (process.env.BENCH_CONNECTIONS ?? "1,8,32")
    .split(",")
    .map((v) => Number(v.trim()))
    .filter((v) => v > 0),
  actionAmount: Number(process.env.BENCH_ACTION_AMOUNT ?? 200),
  keep: process.env.BENCH_KEEP === "1",
};

// ---------------------------------------------------------------------------------------------------
// What is measured

type Who = keyof typeof LOGINS | "anonymous";

interface Target {
  name: string;
  /** Human description for the table. */
  label: string;
  who: Who;
  /** "page": GET for BENCH_DURATION seconds; "action": POST, BENCH_ACTION_AMOUNT requests per level. */
  kind: "page" | "action";
  path: string;
  /** For actions: the n-th request's path and form body; null when the prepared data ran out. */
  next?: (n: number) => { path: string; body: URLSearchParams } | null;
  /** Statuses that mean "answered as intended". */
  expect: number[];
  /** Scaling group: the same page at 100 %, 10 % and 1 % of the data. */
  scaling?: { group: string; size: string; rows: number };
  /** Also part of the main table (every level); scaling-only variants run at 1 and 8 connections. */
  main: boolean;
  /** The same page's loaders alone (Remix single fetch `.data`, no HTML rendering): the page it splits. */
  dataOf?: string;
}

interface Fixtures {
  deepCursor: string;
  secondPageCursor: string;
  deepPosition: number;
  listed: { org1: number; org2: number; org3: number };
  activity: { store1: number; store2: number; store3: number };
}

/** Remix single fetch: what the app's JavaScript posts a form to (index routes take ?index). */
function dataUrl(pathname: string, index = false): string {
  return `${pathname}.data${index ? "?index" : ""}`;
}

const COLLABORATOR_PERMISSIONS = { "perm.home": "view", "perm.orders": "manage", "perm.products": "view" };

function targets(plan: WorldPlan, fixtures: Fixtures): Target[] {
  const org = (j: number) => orgId(j);
  const store = (i: number) => storeId(i);
  const refused = refusedRequest(plan);
  const requestPath = (organizationId: string) => `/partners/${organizationId}/stores/request`;
  const list: Target[] = [
    { name: "reference", label: "Sign-in page (reference)", who: "anonymous", kind: "page", path: "/login", expect: [200], main: true },
    {
      name: "stores",
      label: `Partner Stores, first page (${fixtures.listed.org1} stores)`,
      who: "partner",
      kind: "page",
      path: `/partners/${org(1)}/stores`,
      expect: [200],
      main: true,
      scaling: { group: "Partner Stores page", size: "100 %", rows: fixtures.listed.org1 },
    },
    {
      name: "stores-deep",
      label: `Partner Stores, deep page (rows ${fixtures.deepPosition + 1}–${fixtures.deepPosition + 25})`,
      who: "partner",
      kind: "page",
      path: `/partners/${org(1)}/stores?after=${encodeURIComponent(fixtures.deepCursor)}`,
      expect: [200],
      main: true,
    },
    {
      name: "home",
      label: `Store Home + activity log (${fixtures.activity.store1} entries)`,
      who: "merchant",
      kind: "page",
      path: `/store/${store(1)}`,
      expect: [200],
      main: true,
      scaling: { group: "Store Home", size: "100 %", rows: fixtures.activity.store1 },
    },
    { name: "users", label: "Users and permissions (100 staff)", who: "merchant", kind: "page", path: `/store/${store(1)}/users/staff`, expect: [200], main: true },
    { name: "orders", label: `Orders list (${plan.large.orders} orders)`, who: "merchant", kind: "page", path: `/store/${store(1)}/orders`, expect: [200], main: true },
    {
      name: "request-accepted",
      label: "Request access: accepted",
      who: "requester",
      kind: "action",
      path: requestPath(org(plan.firstRequesterOrg)),
      next: (n) => {
        const request = acceptedRequest(plan, n);
        if (!request) return null;
        return {
          path: dataUrl(requestPath(request.orgId)),
          body: new URLSearchParams({ storeUrl: request.domain, code: request.code, message: "Benchmark request", ...COLLABORATOR_PERMISSIONS }),
        };
      },
      expect: [200, 202, 204, 302],
      main: true,
    },
    {
      name: "request-refused",
      label: "Request access: refused (cap of 10 reached)",
      who: "partner",
      kind: "action",
      path: requestPath(refused.orgId),
      next: () => ({
        path: dataUrl(requestPath(refused.orgId)),
        body: new URLSearchParams({ storeUrl: refused.domain, code: refused.code, ...COLLABORATOR_PERMISSIONS }),
      }),
      expect: [400, 409, 422],
      main: true,
    },
    {
      name: "approve",
      label: "Approve a request",
      who: "approver",
      kind: "action",
      path: `/store/${store(4)}/users/requests`,
      next: (n) => {
        const item = approval(plan, n);
        if (!item) return null;
        return {
          path: dataUrl(`/store/${item.storeId}/users/requests`),
          body: new URLSearchParams({ intent: "approve", requestId: item.requestId, ...COLLABORATOR_PERMISSIONS }),
        };
      },
      expect: [200, 202, 204, 302],
      main: true,
    },
    {
      name: "stores-10",
      label: `Partner Stores, first page (${fixtures.listed.org2} stores)`,
      who: "partner",
      kind: "page",
      path: `/partners/${org(2)}/stores`,
      expect: [200],
      main: false,
      scaling: { group: "Partner Stores page", size: "10 %", rows: fixtures.listed.org2 },
    },
    {
      name: "stores-1",
      label: `Partner Stores, first page (${fixtures.listed.org3} stores)`,
      who: "partner",
      kind: "page",
      path: `/partners/${org(3)}/stores`,
      expect: [200],
      main: false,
      scaling: { group: "Partner Stores page", size: "1 %", rows: fixtures.listed.org3 },
    },
    {
      name: "home-10",
      label: `Store Home (${fixtures.activity.store2} entries)`,
      who: "merchant",
      kind: "page",
      path: `/store/${store(2)}`,
      expect: [200],
      main: false,
      scaling: { group: "Store Home", size: "10 %", rows: fixtures.activity.store2 },
    },
    {
      name: "home-1",
      label: `Store Home (${fixtures.activity.store3} entries)`,
      who: "merchant",
      kind: "page",
      path: `/store/${store(3)}`,
      expect: [200],
      main: false,
      scaling: { group: "Store Home", size: "1 %", rows: fixtures.activity.store3 },
    },
  ];
  // Where the time goes: each data page again, loaders only (what the browser fetches on client navigation).
  const dataPath = (pathname: string) => {
    const [base, query] = pathname.split("?");
    return `${base}.data${query ? `?${query}` : ""}`;
  };
  const split = list
    .filter((t) => t.main && t.kind === "page" && t.name !== "reference")
    .map((t): Target => ({ ...t, name: `${t.name}:data`, label: `${t.label}, loaders only`, path: dataPath(t.path), main: false, scaling: undefined, dataOf: t.name }));
  return [...list, ...split];
}

// ---------------------------------------------------------------------------------------------------
// Measuring

const SCALING_ROUNDS = 3;
const SCALING_LEVELS = [1, 8];
const scalingSlice = () => Math.max(3, Math.round(config.duration / 2));

/** Scaling groups, largest first. */
function scalingGroups(all: Target[]): Map<string, Target[]> {
  const groups = new Map<string, Target[]>();
  for (const target of all.filter((t) => t.scaling)) groups.set(target.scaling!.group, [...(groups.get(target.scaling!.group) ?? []), target]);
  return groups;
}

interface Measurement {
  target: string;
  connections: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  statuses: Record<string, number>;
  /** Responses with a status outside `expect`, plus socket errors and timeouts. */
  unexpected: number;
  /** Actions only: requests that found no prepared data left (they are sent anyway, and fail). */
  exhausted?: number;
  /** The machine's 1-minute load average when the run ended (the bench itself adds about 2). */
  load: number;
}

/** One shared sequence per action, so that no prepared store or request is used twice. */
const sequences = new Map<string, number>();
const exhaustedCount = new Map<string, number>();

function takeNext(target: Target) {
  for (;;) {
    const n = sequences.get(target.name) ?? 0;
    sequences.set(target.name, n + 1);
    const next = target.next!(n);
    if (next) return next;
    exhaustedCount.set(target.name, (exhaustedCount.get(target.name) ?? 0) + 1);
    // Ran out: repeat the last prepared one (it is then refused), so the run still finishes.
    sequences.set(target.name, n - 1);
    const last = target.next!(n - 1);
    if (last) return last;
    throw new Error(`${target.name}: no prepared data at all`);
  }
}

/**
 * Waits until the server has worked off what the previous run left queued (requests autocannon gave up
 * on are still being answered): a request that touches the database must come back fast twice in a row.
 */
async function settle(origin: string, cookie: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let fast = 0;
  while (fast < 2 && Date.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${origin}/login`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    fast = performance.now() - started < 100 ? fast + 1 : 0;
    if (fast < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measure(
  origin: string,
  target: Target,
  cookie: string | undefined,
  connections: number,
  mode: "run" | "warmup",
  seconds = config.duration,
): Promise<Measurement> {
  const headers: Record<string, string> = { "user-agent": "portier-bench" };
  if (cookie) headers.cookie = cookie;
  const before = exhaustedCount.get(target.name) ?? 0;
  const options: autocannon.Options = {
    url: origin,
    connections,
    timeout: 30,
    // autocannon stops on its sampling tick: a 100 ms tick keeps the measured duration (and so req/s) exact
    // to 0.1 s for the short, amount-bounded action runs.
    sampleInt: 100,
    headers,
  };
  if (target.kind === "page") {
    options.duration = mode === "warmup" ? 2 : seconds;
    options.requests = [{ method: "GET", path: target.path }];
  } else {
    options.amount = mode === "warmup" ? 10 : Math.max(config.actionAmount, connections * 4);
    options.requests = [
      {
        method: "POST",
        setupRequest: (request) => {
          const next = takeNext(target);
          return {
            ...request,
            method: "POST",
            path: next.path,
            body: next.body.toString(),
            headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin },
          };
        },
      },
    ];
  }
  const result = await autocannon(options);
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (stat as { count: number }).count;
  const expected = Object.entries(statuses)
    .filter(([code]) => target.expect.includes(Number(code)))
    .reduce((sum, [, count]) => sum + count, 0);
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    target: target.name,
    connections,
    requests: answered,
    seconds: result.duration,
    rps: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    statuses,
    unexpected: answered - expected + result.errors + result.timeouts,
    load: os.loadavg()[0],
    ...(target.kind === "action" ? { exhausted: (exhaustedCount.get(target.name) ?? 0) - before } : {}),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Several short runs of one target as one measurement: throughput over all of them, median p50, worst p99. */
function combine(name: string, parts: Measurement[]): Measurement {
  const requests = parts.reduce((sum, m) => sum + m.requests, 0);
  const seconds = parts.reduce((sum, m) => sum + m.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const m of parts) for (const [code, count] of Object.entries(m.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  return {
    target: name,
    connections: parts[0].connections,
    requests,
    seconds,
    rps: requests / seconds,
    p50: median(parts.map((m) => m.p50)),
    p99: Math.max(...parts.map((m) => m.p99)),
    mean: parts.reduce((sum, m) => sum + m.mean * m.requests, 0) / Math.max(1, requests),
    statuses,
    unexpected: parts.reduce((sum, m) => sum + m.unexpected, 0),
    load: Math.max(...parts.map((m) => m.load)),
  };
}

// ---------------------------------------------------------------------------------------------------
// One request per page with the query counter on; the page's HTML for the client-side sizes.

interface PageProbe {
  target: string;
  status: number;
  queries: number | null;
  html?: string;
  /** For actions: the start of the body, to see what the action answered. */
  body?: string;
}

async function probe(origin: string, target: Target, cookie: string | undefined): Promise<PageProbe> {
  const headers: Record<string, string> = { "user-agent": "portier-bench" };
  if (cookie) headers.cookie = cookie;
  if (target.kind === "page") {
    const response = await fetch(origin + target.path, { headers, redirect: "manual" });
    const html = await response.text();
    const count = response.headers.get("x-query-count");
    return { target: target.name, status: response.status, queries: count === null ? null : Number(count), html };
  }
  const next = takeNext(target);
  const response = await fetch(origin + next.path, {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin },
    body: next.body,
    redirect: "manual",
  });
  const body = await response.text();
  const count = response.headers.get("x-query-count");
  return { target: target.name, status: response.status, queries: count === null ? null : Number(count), body: body.slice(0, 400) };
}

interface ClientSize {
  target: string;
  js: { files: number; raw: number; gzip: number };
  css: { files: number; raw: number; gzip: number };
  html: { raw: number; gzip: number };
  /** The loader data streamed into the page (single fetch's inline scripts). */
  data: { raw: number };
  /** Strings that must never reach a browser, found in the page. */
  leaks: string[];
}

const FORBIDDEN_IN_PAGES = ["scrypt$", "passwordHash", "tokenHash", "collaboratorCode"];

function clientSize(target: string, html: string): ClientSize {
  const assets = new Set<string>();
  for (const match of html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.(?:js|css))"/g)) assets.add(match[1]);
  for (const match of html.matchAll(/(?:import|from)\s*["'](\/assets\/[^"']+\.js)["']/g)) assets.add(match[1]);
  const totals = { js: { files: 0, raw: 0, gzip: 0 }, css: { files: 0, raw: 0, gzip: 0 } };
  for (const asset of assets) {
    let content: Buffer;
    try {
      content = readFileSync(path.join("build/client", asset));
    } catch {
      continue;
    }
    const bucket = asset.endsWith(".css") ? totals.css : totals.js;
    bucket.files++;
    bucket.raw += content.length;
    bucket.gzip += gzipSync(content).length;
  }
  let data = 0;
  for (const match of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    if (match[1].includes("__remixContext")) data += Buffer.byteLength(match[1]);
  }
  return {
    target,
    ...totals,
    html: { raw: Buffer.byteLength(html), gzip: gzipSync(html).length },
    data: { raw: data },
    leaks: FORBIDDEN_IN_PAGES.filter((needle) => html.includes(needle)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Fixtures and EXPLAIN, while the seeding process still holds the database

async function computeFixtures(database: BenchDatabase, plan: WorldPlan): Promise<Fixtures> {
  const { encodeCursor } = await import("../app/services/partner-stores.server");
  const listed = async (j: number) =>
    (
      await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "CollaboratorAccess" WHERE "organizationId" = $1 AND "listed" AND "state" <> 'CANCELLED'`,
        [orgId(j)],
      )
    )[0].n;
  const org1 = await listed(1);
  // The cursor that ends at row `position` of organization 1's list, as the page's "Next" link carries it.
  const cursorAt = async (position: number) => {
    const [row] = await database.query<{ id: string; updatedAt: Date | string }>(
      `SELECT "id"::text AS "id", "updatedAt" FROM "CollaboratorAccess" WHERE "organizationId" = $1 AND "listed" AND "state" <> 'CANCELLED'
         ORDER BY "updatedAt" DESC, "id" ASC OFFSET ${position - 1} LIMIT 1`,
      [orgId(1)],
    );
    const updatedAt = row.updatedAt instanceof Date ? row.updatedAt : new Date(`${row.updatedAt}Z`);
    return encodeCursor({ updatedAt, accessId: row.id });
  };
  // The deep page: halfway down the list (page 100 of 200 at full scale), the rows after it as many as before.
  const deepPosition = Math.floor(org1 / 2 / 25) * 25;
  const activity = async (i: number) =>
    (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ActivityLog" WHERE "storeId" = $1`, [storeId(i)]))[0].n;
  void plan;
  return {
    deepCursor: await cursorAt(deepPosition),
    secondPageCursor: await cursorAt(25),
    deepPosition,
    listed: { org1, org2: await listed(2), org3: await listed(3) },
    activity: { store1: await activity(1), store2: await activity(2), store3: await activity(3) },
  };
}

async function explain(database: BenchDatabase, plan: WorldPlan, fixtures: Fixtures): Promise<ExplainedQuery[]> {
  const partner = { id: uid("user", "partner"), email: LOGINS.partner, firstName: "Paula", lastName: "Partner", locale: "en" as const };
  const refused = refusedRequest(plan);
  void plan;
  return explainHotQueries(database, [
    {
      name: "Partner Stores page: first page",
      run: async () => (await import("../app/services/partner-stores.server")).listPartnerStores(orgId(1)),
    },
    {
      name: "Partner Stores page: second page (cursor after row 25: the most rows after the cursor)",
      run: async () => (await import("../app/services/partner-stores.server")).listPartnerStores(orgId(1), { after: fixtures.secondPageCursor }),
    },
    {
      name: `Partner Stores page: deep page (cursor after row ${fixtures.deepPosition})`,
      run: async () => (await import("../app/services/partner-stores.server")).listPartnerStores(orgId(1), { after: fixtures.deepCursor }),
    },
    {
      name: "Partner pages: membership check, with the organization's pending counter (N of 10)",
      run: async () => (await import("../app/services/organizations.server")).membershipOf(uid("user", "partner"), orgId(1)),
    },
    {
      name: "Every framed page: the workspace switcher (organizations and stores of the person, one statement)",
      run: async () => {
        const { listWorkspaces, SWITCHER_LIMIT } = await import("../app/services/workspaces.server");
        await listWorkspaces(uid("user", "merchant"), SWITCHER_LIMIT);
      },
    },
    {
      name: "Every store page: the store actor (the person's staff account and the store), then both navigation badges",
      run: async () => {
        const merchant = { sessionId: "bench", user: { id: uid("user", "merchant"), email: LOGINS.merchant, firstName: "Mia", lastName: "Merchant", locale: "en" as const } };
        const decision = await (await import("../app/services/store-access.server")).resolveStoreActor(merchant, storeId(1));
        if (!decision.ok) throw new Error(`the merchant cannot enter store 1: ${decision.reason}`);
        await (await import("../app/services/store-frame.server")).frameBadges(decision.actor);
      },
    },
    {
      name: "Store Home: activity log, first page",
      run: async () => (await import("../app/services/store-home.server")).listActivity(storeId(1), {}),
    },
    {
      name: "Store Home: activity log, first page, of store 3 (0.3 % of the log)",
      run: async () => (await import("../app/services/store-home.server")).listActivity(storeId(3), {}),
    },
    {
      name: "Store Home: people in the log (person filter; loose index scan on (storeId, actorUserId, id))",
      run: async () => (await import("../app/services/store-home.server")).activityPeople(storeId(1)),
    },
    {
      name: "Store Home: notifications",
      run: async () => (await import("../app/services/store-home.server")).listNotifications(storeId(1)),
    },
    {
      name: "Users and permissions: staff list",
      run: async () => (await import("../app/services/staff.server")).listStaff(storeId(1)),
    },
    {
      name: "Orders list: first page",
      run: async () =>
        (await import("../app/services/orders.server")).listOrders(
          {
            storeId: storeId(1),
            storeName: "Flagship Store",
            permissions: ["orders_view"],
            log: { userId: uid("user", "merchant"), label: "bench", kind: "owner", ip: null },
            name: "bench",
            organizationName: null,
          },
          { q: "", status: "", after: null, before: null },
        ),
    },
    {
      name: "Request access: the checks (refused at the cap)",
      run: async () =>
        (await import("../app/services/access-requests.server")).requestAccess(
          partner,
          orgId(1),
          { storeDomain: refused.domain, code: refused.code, permissions: ["orders_manage"], message: null },
          "127.0.0.1",
        ),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

function table(headers: string[], rows: string[][], rightFrom = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i >= rightFrom)).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Long id lists and parameter lists, shortened for reading (the JSON keeps them whole). */
function shorten(text: string): string {
  return text
    .replace(/'\{([0-9a-f-]{36},){3,}[0-9a-f-]{36}\}'/g, (list) => `'{…${list.split(",").length} ids…}'`)
    .replace(/\((\$\d+,){5,}\$\d+\)/g, (list) => `(${list.split(",")[0].slice(1)},…,${list.split(",").at(-1)!.slice(0, -1)})`);
}

function markdownTable(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(" | ")} |`, `|${headers.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

interface Verdict {
  target: string;
  passed: boolean;
  detail: string;
}

function evaluate(all: Target[], results: Measurement[]): { verdicts: Verdict[]; scaling: Record<string, unknown>[] } {
  const at = (name: string, c: number) => results.find((m) => m.target === name && m.connections === c);
  const verdicts: Verdict[] = [];
  const c8 = config.levels.includes(8) ? 8 : config.levels[Math.min(1, config.levels.length - 1)];
  for (const target of all.filter((t) => t.main && t.name !== "reference")) {
    for (const c of config.levels) {
      const m = at(target.name, c);
      const ref = at("reference", c);
      if (!m || !ref) continue;
      const ratio = m.rps / ref.rps;
      verdicts.push({
        target: `${target.name} @${c}`,
        passed: ratio >= 0.7,
        detail: `throughput ${fmt(ratio * 100)} % of the reference (target ≥ 70 %)`,
      });
    }
    const m = at(target.name, c8);
    if (m) verdicts.push({ target: `${target.name} @${c8}`, passed: m.p99 < 100, detail: `p99 ${fmt(m.p99)} ms (target < 100 ms)` });
  }
  const scaling: Record<string, unknown>[] = [];
  for (const [group, members] of scalingGroups(all)) {
    const largest = members.find((t) => t.scaling!.size === "100 %")!;
    const smallest = members.find((t) => t.scaling!.size === "1 %")!;
    for (const c of SCALING_LEVELS) {
      const big = at(`scale:${largest.name}`, c);
      const small = at(`scale:${smallest.name}`, c);
      if (!big || !small) continue;
      // Cost per request: server time per answered request (1 / throughput) at this concurrency.
      const growth = small.rps / big.rps - 1;
      scaling.push({ group, connections: c, smallRows: smallest.scaling!.rows, largeRows: largest.scaling!.rows, smallRps: small.rps, largeRps: big.rps, growth });
      verdicts.push({
        target: `${group} scaling @${c}`,
        passed: growth <= 0.2,
        detail: `cost per request ${growth >= 0 ? "+" : ""}${fmt(growth * 100)} % from ${smallest.scaling!.rows} to ${largest.scaling!.rows} rows (target ≤ +20 %); p50 ${fmt(small.p50)} → ${fmt(big.p50)} ms`,
      });
    }
  }
  return { verdicts, scaling };
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "_");
  const resultsDir = path.resolve("bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const load = os.loadavg()[0];
  log(`Portier benchmark ${stamp}: scale ${config.scale}, ${config.duration} s per page and level, connections ${config.levels.join("/")}`);
  log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${load.toFixed(2)}${load > 0.5 ? " (other work is running: figures are noisy)" : ""}`);

  const plan = planWorld(config.scale);
  let database = await createBenchDatabase(stamp);
  log(`Database: ${database.describe}`);
  let seed: SeedSummary;
  let fixtures: Fixtures;
  let explained: ExplainedQuery[] = [];
  let server: RunningServer | undefined;
  const results: Measurement[] = [];
  const probes: PageProbe[] = [];
  const sizes: ClientSize[] = [];
  let sanity: Record<string, number> = {};
  let all: Target[] = [];
  try {
    seed = await seedLargeWorld(database, config.scale, log);
    fixtures = await computeFixtures(database, plan);
    log("EXPLAIN (ANALYZE) of the hot queries…");
    explained = await explain(database, plan, fixtures);
    for (const query of explained) {
      const time = query.statements.reduce((sum, s) => sum + (s.executionMs ?? 0), 0);
      const seq = query.statements.flatMap((s) => s.seqScans);
      log(
        `  ${query.name}: ${query.statements.length} SELECTs, ${fmt(time, 2)} ms; indexes ${[...new Set(query.statements.flatMap((s) => s.indexes))].join(", ") || "none"}` +
          (seq.length ? `; SEQ SCAN on ${[...new Set(seq)].join(", ")}` : "") +
          (query.error ? `; error: ${query.error}` : ""),
      );
    }
    await database.close();

    await ensureBuild(log);
    all = targets(plan, fixtures);

    // Pass 1: query counts and page contents, with the counter switched on.
    log("Query counts and page sizes (PORTIER_COUNT_QUERIES=1)…");
    server = await startServer(database.serverEnv, { PORTIER_COUNT_QUERIES: "1" });
    const cookies: Partial<Record<Who, string>> = {};
    for (const who of Object.keys(LOGINS) as (keyof typeof LOGINS)[]) cookies[who] = await logIn(server.origin, LOGINS[who], BENCH_PASSWORD);
    for (const target of all) {
      const result = await probe(server.origin, target, cookies[target.who]);
      probes.push(result);
      if (result.html && !target.dataOf) sizes.push(clientSize(target.name, result.html));
      const ok = target.expect.includes(result.status);
      log(
        `  ${pad(target.name, 18)} HTTP ${result.status}${ok ? "" : " (UNEXPECTED)"}  ${result.queries ?? "?"} SQL statements` +
          (result.body !== undefined && !ok ? `\n    ${result.body.replace(/\s+/g, " ").slice(0, 300)}` : ""),
      );
    }
    await server.stop();
    server = undefined;

    // Pass 2: the load, on a server without the counter.
    log("Load (autocannon)…");
    server = await startServer(database.serverEnv);
    const logMeasurement = (label: string, m: Measurement) =>
      log(
        `  ${pad(label, 18)} c=${pad(String(m.connections), 2, true)}  ${pad(fmt(m.rps, 1), 7, true)} req/s  p50 ${pad(fmt(m.p50), 4, true)} ms  p99 ${pad(fmt(m.p99), 4, true)} ms` +
          `  load ${m.load.toFixed(1)}` +
          (m.unexpected ? `  ${m.unexpected} unexpected (${JSON.stringify(m.statuses)})` : "") +
          (m.exhausted ? `  ${m.exhausted} without fresh data` : ""),
      );
    for (const target of all.filter((t) => t.main || t.dataOf)) {
      const cookie = cookies[target.who];
      await settle(server.origin, cookies.merchant!);
      await measure(server.origin, target, cookie, Math.min(8, Math.max(...config.levels)), "warmup");
      const levels = target.main ? config.levels : config.levels.filter((c) => c <= 8);
      for (const connections of levels) {
        await settle(server.origin, cookies.merchant!);
        const m = await measure(server.origin, target, cookie, connections, "run");
        results.push(m);
        logMeasurement(target.name, m);
      }
    }

    // Scaling: the same page at three data sizes, interleaved (round after round, every size once per
    // round) so that a change in the machine's background load hits all sizes alike.
    log(`Scaling (${SCALING_ROUNDS} interleaved rounds of ${scalingSlice()} s per size)…`);
    for (const [, members] of scalingGroups(all)) {
      for (const target of members.filter((t) => !t.main)) await measure(server.origin, target, cookies[target.who], 8, "warmup");
      for (const connections of SCALING_LEVELS) {
        const parts = new Map<string, Measurement[]>();
        for (let round = 0; round < SCALING_ROUNDS; round++) {
          for (const target of members) {
            await settle(server.origin, cookies.merchant!);
            const m = await measure(server.origin, target, cookies[target.who], connections, "run", scalingSlice());
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
    await server.stop();
    server = undefined;

    // What the write actions really did, read back from the database.
    database = await reopenBenchDatabase(database);
    const [accepted] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "CollaboratorRequest" WHERE "requestedById" = $1 AND "status" = 'PENDING'`,
      [uid("user", "requester")],
    );
    const [approved] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "CollaboratorRequest" WHERE "status" = 'APPROVED' AND "decidedById" = $1`,
      [uid("user", "approver")],
    );
    const [org1] = await database.query<{ n: number }>(`SELECT "pendingRequestCount"::int AS n FROM "PartnerOrganization" WHERE "id" = $1`, [orgId(1)]);
    sanity = { acceptedRequestsInDatabase: accepted.n, approvalsInDatabase: approved.n, organization1Pending: org1.n };
    await database.close();
  } finally {
    await server?.stop();
    await database.close().catch(() => {});
    if (config.keep) log(`Kept the database: ${JSON.stringify(database.serverEnv)}`);
    else await database.drop().catch((error) => log(`Could not drop the database: ${error}`));
  }

  // ----- Report
  const reference = (c: number) => results.find((m) => m.target === "reference" && m.connections === c);
  const headers = ["Page / action", ...config.levels.flatMap((c) => [`c=${c} req/s`, "p50 ms", "p99 ms", "× ref"])];
  const rows = all.filter((target) => target.main).map((target) => [
    target.label,
    ...config.levels.flatMap((c) => {
      const m = results.find((r) => r.target === target.name && r.connections === c);
      const ref = reference(c);
      if (!m) return ["", "", "", ""];
      return [fmt(m.rps, 1), fmt(m.p50), fmt(m.p99), ref ? fmt(m.rps / ref.rps, 2) : ""];
    }),
  ]);
  const { verdicts, scaling } = evaluate(all, results);
  const queryRows = probes
    .filter((p) => !all.find((t) => t.name === p.target)!.dataOf)
    .map((p) => [all.find((t) => t.name === p.target)!.label, String(p.status), p.queries === null ? "?" : String(p.queries)]);
  const kb = (n: number) => `${(n / 1024).toFixed(1)}`;
  const sizeRows = sizes.map((s) => [
    all.find((t) => t.name === s.target)!.label,
    `${s.js.files}`,
    kb(s.js.raw),
    kb(s.js.gzip),
    `${s.css.files}`,
    kb(s.css.raw),
    kb(s.css.gzip),
    kb(s.html.gzip),
    kb(s.data.raw),
    s.leaks.join(", ") || "none",
  ]);
  const sizeHeaders = ["Page", "JS files", "JS KiB", "JS gzip", "CSS files", "CSS KiB", "CSS gzip", "HTML gzip", "data KiB", "secrets in page"];
  const unexpected = results.filter((m) => m.unexpected > 0);
  const scalingHeaders = ["Page", "size", "rows", ...SCALING_LEVELS.flatMap((c) => [`c=${c} req/s`, "p50 ms"]), "cost vs smallest (c=8)"];
  const scalingRows = [...scalingGroups(all)].flatMap(([group, members]) => {
    const smallest = results.find((m) => m.target === `scale:${members.find((t) => t.scaling!.size === "1 %")!.name}` && m.connections === 8);
    return members.map((t) => {
      const at = (c: number) => results.find((m) => m.target === `scale:${t.name}` && m.connections === c);
      const c8 = at(8);
      return [
        group,
        t.scaling!.size,
        String(t.scaling!.rows),
        ...SCALING_LEVELS.flatMap((c) => [at(c) ? fmt(at(c)!.rps, 1) : "", at(c) ? fmt(at(c)!.p50) : ""]),
        c8 && smallest ? `${c8.rps <= smallest.rps ? "+" : ""}${fmt((smallest.rps / c8.rps - 1) * 100)} %` : "",
      ];
    });
  });
  // Rendering vs loaders: mean latency of the document and of its loaders alone, one connection.
  const splitHeaders = ["Page", "document ms (mean)", "loaders only ms (mean)", "rendering share", "document req/s c=8", "loaders only req/s c=8"];
  const splitRows = all
    .filter((t) => t.dataOf)
    .map((t) => {
      const doc1 = results.find((m) => m.target === t.dataOf && m.connections === 1);
      const data1 = results.find((m) => m.target === t.name && m.connections === 1);
      const doc8 = results.find((m) => m.target === t.dataOf && m.connections === 8);
      const data8 = results.find((m) => m.target === t.name && m.connections === 8);
      return [
        all.find((x) => x.name === t.dataOf)!.label,
        doc1 ? fmt(doc1.mean, 1) : "",
        data1 ? fmt(data1.mean, 1) : "",
        doc1 && data1 ? `${fmt(Math.max(0, 1 - data1.mean / doc1.mean) * 100)} %` : "",
        doc8 ? fmt(doc8.rps, 1) : "",
        data8 ? fmt(data8.rps, 1) : "",
      ];
    });

  log("");
  log(`Throughput and latency (${database.kind}, scale ${config.scale}; × ref = throughput relative to the sign-in page at the same concurrency)`);
  log(table(headers, rows));
  log("");
  log("Scaling: the same page at 1 %, 10 % and 100 % of the data (interleaved rounds)");
  log(table(scalingHeaders, scalingRows, 1));
  log("");
  log("Where the time goes: the whole document vs its loaders alone (mean latency at 1 connection)");
  log(table(splitHeaders, splitRows));
  log("");
  log("SQL statements per request (BEGIN/COMMIT included)");
  log(table(["Page / action", "HTTP", "statements"], queryRows));
  log("");
  log("Client side: what each page loads (KiB; gzip as the server sends it)");
  log(table(sizeHeaders, sizeRows));
  log("");
  log("Targets");
  for (const verdict of verdicts) log(`  ${verdict.passed ? "PASS" : "MISS"}  ${pad(verdict.target, 34)} ${verdict.detail}`);
  if (unexpected.length) log(`  Unexpected answers: ${unexpected.map((m) => `${m.target}@${m.connections} ${JSON.stringify(m.statuses)}`).join("; ")}`);
  log(`  Database afterwards: ${JSON.stringify(sanity)}`);

  const total = (Date.now() - started) / 1000;
  let commit = "";
  try {
    commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  const report = {
    meta: {
      stamp,
      commit,
      database: database.kind,
      scale: config.scale,
      durationPerMeasurement: config.duration,
      connections: config.levels,
      actionAmount: config.actionAmount,
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      loadAverageAtStart: load,
      totalSeconds: total,
    },
    seed: seed!,
    fixtures: fixtures!,
    measurements: results,
    queries: probes.map(({ html: _html, ...rest }) => rest),
    client: sizes,
    scaling,
    verdicts,
    sanity,
    explain: explained,
  };
  const file = path.join(resultsDir, `${stamp}-${database.kind}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  const markdown = [
    `### ${database.kind === "pglite" ? "PGlite" : "PostgreSQL"}, scale ${config.scale} (${stamp}, commit ${commit})`,
    "",
    markdownTable(headers, rows),
    "",
    markdownTable(scalingHeaders, scalingRows),
    "",
    markdownTable(splitHeaders, splitRows),
    "",
    markdownTable(["Page / action", "HTTP", "SQL statements"], queryRows),
    "",
    markdownTable(sizeHeaders, sizeRows),
    "",
    ...verdicts.map((v) => `- ${v.passed ? "PASS" : "MISS"} ${v.target}: ${v.detail}`),
    "",
    "#### EXPLAIN (ANALYZE, BUFFERS)",
    ...explained.flatMap((q) => [
      "",
      `**${q.name}** (${q.sent} statements sent${q.error ? `; error: ${q.error}` : ""})`,
      ...q.statements.flatMap((s) => ["", "```sql", shorten(s.sql), "```", "```", shorten(s.plan), "```"]),
    ]),
  ].join("\n");
  writeFileSync(file.replace(/\.json$/, ".md"), markdown);
  log("");
  log(`Wrote ${path.relative(process.cwd(), file)} (and .md) in ${fmt(total / 60, 1)} min.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
