// Walks tests/security/authorization-matrix.ts over HTTP against the production build (node server.mjs,
// NODE_ENV=production) on a fresh PostgreSQL database seeded with the matrix's world. Fails on any cell
// that differs, on any state change by a refused request or by a GET, and on any route file or action
// intent that the table does not list.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { COLUMNS, CROSS_TENANT, MATRIX, personFor, type MatrixRow } from "./authorization-matrix";
import { readFileSync } from "node:fs";
import path from "node:path";
import { baseVars, cellsOf, exportsAction, fill, intentsIn, routeFiles, ROUTES_DIR, timings, walkCell, verdict, type CellResult } from "./support/matrix-walk";
import { openSession, seedWorld, type World } from "./support/world";
import { startServer, type AppServer } from "./support/server";
import { changedTables, fingerprint } from "./support/fingerprint";
import { send } from "./support/http";
import { announceKnownBug } from "./support/known-bug";
import { recordFigure } from "./support/figures";

let t: TestDatabase;
let world: World;
let server: AppServer;
let cells = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  if (!t.url) throw new Error("the matrix needs PostgreSQL (TEST_DATABASE_URL)");
  world = await seedWorld();
  server = await startServer({ databaseUrl: t.url });
});
afterAll(async () => {
  console.info("matrix time (ms):", Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));
  recordFigure("authorization matrix cells walked over HTTP", cells);
  await server?.stop();
  await t?.close();
});

describe("the table covers the app", () => {
  test("every route file in app/routes is in the matrix, with a GET row, and a POST row when it has an action", () => {
    const listed = new Set(MATRIX.map((r) => r.route));
    const missing = routeFiles().filter((f) => !listed.has(f));
    expect(missing, "route files the authorization matrix does not list: add their rows").toEqual([]);
    const stale = [...listed].filter((f) => !routeFiles().includes(f));
    expect(stale, "rows for route files that no longer exist").toEqual([]);
    for (const file of routeFiles()) {
      expect(MATRIX.some((r) => r.route === file && r.method === "GET"), `${file}: no GET row`).toBe(true);
      if (exportsAction(file)) expect(MATRIX.some((r) => r.route === file && r.method === "POST"), `${file} has an action: no POST row`).toBe(true);
    }
  });

  test("every intent an action handles has its row", () => {
    const missing: string[] = [];
    for (const file of routeFiles()) {
      for (const intent of intentsIn(file)) {
        if (!MATRIX.some((r) => r.route === file && r.method === "POST" && r.intent === intent)) missing.push(`${file} intent=${intent}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("every row has one cell per actor", () => {
    for (const row of MATRIX) expect(row.cells.trim().split(/\s+/), `${row.route} ${row.method} ${row.intent ?? ""}`).toHaveLength(COLUMNS.length);
  });
});

const label = (row: MatrixRow) => `${row.method} ${row.path}${row.intent ? ` (intent ${row.intent})` : ""} — ${row.route}`;

describe("authorization matrix over HTTP", () => {
  test.each(MATRIX.map((row) => [label(row), row] as const))("%s", async (_name, row) => {
    const results: CellResult[] = [];
    for (const column of COLUMNS) {
      results.push(await walkCell({ db: t.db, world, baseUrl: server.baseUrl, row, column }));
      cells++;
    }
    const problems: string[] = [];
    for (const r of results) {
      const wrong = r.got !== r.expected;
      const changed = r.changed.length > 0;
      if (!wrong && !changed) {
        if (row.knownBugs?.[r.column]) problems.push(`${r.column}: marked knownBug but behaves now: remove the marker`);
        continue;
      }
      const what = `${r.column}: expected ${r.expected}, got ${r.got}${changed ? `, and it changed ${r.changed.join(", ")}` : ""}${r.status >= 500 ? ` — ${r.body}` : ""}`;
      if (row.knownBugs?.[r.column]) announceKnownBug(`${label(row)} ${row.knownBugs[r.column]}`, what);
      else problems.push(what);
    }
    if (problems.some((p) => p.includes("got 500"))) console.error(server.output().slice(-3000));
    expect(problems, label(row)).toEqual([]);
  });
});

/** The URL of Remix's single-fetch data request for a page: what client-side navigation loads. */
function dataUrl(path: string): string {
  const [pathname, query] = path.split("?");
  const base = pathname === "/" ? "/_root.data" : `${pathname.replace(/\/$/, "")}.data`;
  return query ? `${base}?${query}` : base;
}
const hasComponent = (file: string) => /export\s+default\b/.test(readFileSync(path.join(ROUTES_DIR, file), "utf8"));

describe("the same GET cells through Remix's data requests (client-side navigation)", () => {
  const pages = MATRIX.filter((r) => r.method === "GET" && hasComponent(r.route));
  test.each(pages.map((row) => [label(row), row] as const))("%s", async (_name, row) => {
    const problems: string[] = [];
    for (const column of COLUMNS) {
      const person = personFor(column, row.section);
      const token = person ? await openSession(world, person) : undefined;
      const prepared = row.prepare ? await row.prepare({ world, person }) : {};
      try {
        const sent = await send(server.baseUrl, dataUrl(fill(row.path, { ...baseVars(world), ...prepared.vars })), { token });
        cells++;
        // A redirect comes back as 202 with the target in Location.
        const got = sent.status === 202 && sent.location ? verdict({ ...sent, status: 302 }, row.okLocation) : verdict(sent, row.okLocation);
        const expected = cellsOf(row)[column];
        if (got !== expected) problems.push(`${column}: expected ${expected}, got ${got}`);
      } finally {
        await prepared.cleanup?.();
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("cross-tenant ids, in URLs and in form fields", () => {
  test.each(CROSS_TENANT.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const person = personFor(row.actor, undefined);
    const token = person ? await openSession(world, person) : undefined;
    const vars = baseVars(world);
    const target = fill(row.path, vars);
    const form = row.form?.map(([k, v]) => [k, fill(v, vars)] as [string, string]);
    const before = await fingerprint(t.db);
    const sent = row.method === "GET" ? await send(server.baseUrl, target, { token }) : await send(server.baseUrl, target, { token, method: "POST", form });
    const changed = changedTables(before, await fingerprint(t.db));
    cells++;
    const check = () => {
      expect(sent.status, `${row.name}: ${verdict(sent)} ${sent.body.slice(0, 200)}`).toBe(row.expect);
      expect(changed, `${row.name} changed the database`).toEqual([]);
    };
    if (row.knownBug) {
      try {
        check();
      } catch (error) {
        announceKnownBug(`${row.name}: ${row.knownBug}`, String(error));
        return;
      }
      throw new Error(`${row.name}: marked knownBug but behaves now: remove the marker`);
    }
    check();
  });
});
