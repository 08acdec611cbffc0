// Walks tests/security/authorization-matrix.ts over HTTP against the production build (node server.mjs,
// NODE_ENV=production) on a fresh PostgreSQL database seeded with the matrix's world. Fails on any cell
// that differs, on an allowed cell that does not do what it is for (its page does not show the record,
// its action does not write its effect, or writes beyond it), on any change by a refused request or by
// a GET, and on any route file or action intent that the table does not list.
import path from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { COLUMNS, CROSS_TENANT, MATRIX, personFor, type MatrixRow } from "./authorization-matrix";
import {
  allows,
  baseVars,
  bodyShows,
  cellsOf,
  exportsAction,
  fill,
  intentsIn,
  personVars,
  routeFiles,
  ROUTES_DIR,
  timings,
  walkCell,
  verdict,
  type CellResult,
} from "./support/matrix-walk";
import { openSession, seedWorld, type World } from "./support/world";
import { startServer, type AppServer } from "./support/server";
import { changesSince, installChangeLog, mark, tablesOf, undo } from "./support/changes";
import { send, SESSION_COOKIE } from "./support/http";
import { checkWithMarker, settleKnownBug } from "./support/known-bug";
import { recordFigure } from "./support/figures";

let t: TestDatabase;
let world: World;
let server: AppServer;
const counts = { cells: 0, dataCells: 0, crossTenant: 0, effects: 0 };

beforeAll(async () => {
  t = await createTestDatabase();
  if (!t.url) throw new Error("the matrix needs PostgreSQL (TEST_DATABASE_URL)");
  await installChangeLog(t.db);
  world = await seedWorld();
  server = await startServer({ databaseUrl: t.url });
});
afterAll(async () => {
  console.info("matrix time (ms):", Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));
  recordFigure("matrix.routeFiles", new Set(MATRIX.map((r) => r.route)).size, "route files in the authorization matrix");
  recordFigure("matrix.rows", MATRIX.length, "authorization matrix rows (loaders and action intents)");
  recordFigure("matrix.actions", MATRIX.filter((r) => r.method === "POST").length, "actions (action intents) in the matrix");
  recordFigure("matrix.cells", counts.cells, "authorization matrix cells walked over HTTP");
  recordFigure("matrix.effects", counts.effects, "allowed cells whose effect was checked (page shows its record / action wrote its rows)");
  recordFigure("matrix.dataCells", counts.dataCells, "page cells walked again through Remix's data requests");
  recordFigure("matrix.crossTenant", counts.crossTenant, "cross-tenant cases");
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

  test("every intent an action handles (its `forms`, and what its source dispatches on) has its row, and every row's intent exists", async () => {
    const missing: string[] = [];
    const unknown: string[] = [];
    for (const file of routeFiles()) {
      const module = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as Record<string, unknown>;
      const intents = intentsIn(file, module);
      for (const intent of intents) {
        if (!MATRIX.some((r) => r.route === file && r.method === "POST" && r.intent === intent)) missing.push(`${file} intent=${intent}`);
      }
      for (const row of MATRIX.filter((r) => r.route === file && r.intent)) if (!intents.includes(row.intent!)) unknown.push(`${file} intent=${row.intent}`);
      // A row for an action with intents posts its own intent, so its cells test that button.
      for (const row of MATRIX.filter((r) => r.route === file && r.method === "POST" && r.intent)) {
        if (!row.form?.some(([k, v]) => k === "intent" && v === row.intent)) unknown.push(`${file} intent=${row.intent}: its form does not post intent=${row.intent}`);
      }
    }
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
  });

  test("every row has one cell per actor, and every allowed row says what it must do", () => {
    for (const row of MATRIX) {
      expect(row.cells.trim().split(/\s+/), `${row.route} ${row.method} ${row.intent ?? ""}`).toHaveLength(COLUMNS.length);
      const allowed = Object.values(cellsOf(row)).some(allows);
      if (allowed && row.method === "POST") expect(row.effect, `${row.route} ${row.intent ?? ""}: no effect`).toBeTruthy();
      if (allowed && row.method === "GET" && !row.okLocation) expect(row.shows?.length, `${row.route}: no shows`).toBeTruthy();
    }
  });
});

const label = (row: MatrixRow) => `${row.method} ${row.path}${row.intent ? ` (intent ${row.intent})` : ""} — ${row.route}`;

describe("authorization matrix over HTTP", () => {
  test.each(MATRIX.map((row) => [label(row), row] as const))("%s", async (_name, row) => {
    const results: CellResult[] = [];
    for (const column of COLUMNS) {
      const result = await walkCell({ db: t.db, world, baseUrl: server.baseUrl, row, column });
      results.push(result);
      counts.cells++;
      if (result.effectChecked) counts.effects++;
    }
    const problems: string[] = [];
    for (const r of results) {
      const wrong = r.got !== r.expected;
      const failure = wrong || r.problems.length ? `${r.column}: expected ${r.expected}, got ${r.got}${r.problems.length ? `; ${r.problems.join("; ")}` : ""}${r.status >= 500 ? ` — ${r.body}` : ""}` : null;
      const marker = row.knownBugs?.[r.column];
      if (marker) {
        try {
          settleKnownBug(marker, `${label(row)} [${r.column}]`, failure);
        } catch (error) {
          problems.push((error as Error).message);
        }
      } else if (failure) problems.push(failure);
    }
    if (problems.some((p) => p.includes("got 500"))) console.error(server.output().slice(-3000));
    expect(problems, label(row)).toEqual([]);
  });
});

describe("public routes need no session", () => {
  const publicRows = MATRIX.filter((r) => r.method === "GET" && Object.values(cellsOf(r)).every((c) => c === "200"));

  test.each(publicRows.map((row) => [row.path, row] as const))("%s answers the same without a cookie, with a garbage one and with an expired session, and sets none", async (_path, row) => {
    expect(publicRows.map((r) => r.route).sort()).toEqual(expect.arrayContaining(["healthz.ts", "readyz.ts"]));
    const start = await mark(t.db);
    try {
      const expired = await openSession(world, "owner");
      await t.db.session.updateMany({ data: { expiresAt: new Date(Date.now() - 60_000) }, where: { userId: world.people.owner.id, expiresAt: { gt: new Date() } } });
      const answers = [];
      for (const headers of [{}, { cookie: `${SESSION_COOKIE}=%zz-not-a-session` }, { cookie: `${SESSION_COOKIE}=${expired}` }] as Record<string, string>[]) {
        const before = await mark(t.db);
        const sent = await send(server.baseUrl, row.path, { headers });
        counts.cells++;
        expect(sent.headers.getSetCookie(), row.path).toEqual([]);
        expect(sent.headers.get("cache-control")).toBe("no-store");
        expect(await changesSince(t.db, before), `${row.path} wrote to the database`).toEqual([]);
        answers.push(`${sent.status} ${sent.body}`);
      }
      expect(new Set(answers).size, answers.join(" | ")).toBe(1);
      expect(answers[0]).toMatch(/^200 /);
    } finally {
      await undo(t.db, start);
    }
  });
});

/** The URL of Remix's single-fetch data request for a page: what client-side navigation loads. */
function dataUrl(path: string): string {
  const [pathname, query] = path.split("?");
  const base = pathname === "/" ? "/_root.data" : `${pathname.replace(/\/$/, "")}.data`;
  return query ? `${base}?${query}` : base;
}
const hasComponent = (file: string) => /export\s+default\b/.test(readFileSync(path.join(ROUTES_DIR, file), "utf8"));
/** Form fields are markup, not data: a data request carries the records, not the page's inputs. */
const isMarkup = (text: string) => /^name="/.test(text);

describe("the same GET cells through Remix's data requests (client-side navigation)", () => {
  const pages = MATRIX.filter((r) => r.method === "GET" && hasComponent(r.route));
  test.each(pages.map((row) => [label(row), row] as const))("%s", async (_name, row) => {
    const problems: string[] = [];
    for (const column of COLUMNS) {
      const person = personFor(column, row.section);
      const start = await mark(t.db);
      try {
        const token = person ? await openSession(world, person) : undefined;
        const prepared = row.prepare ? await row.prepare({ world, person }) : {};
        const vars = { ...baseVars(world), ...personVars(world, person), ...prepared.vars };
        const before = await mark(t.db);
        const sent = await send(server.baseUrl, dataUrl(fill(row.path, vars)), { token });
        counts.dataCells++;
        counts.cells++;
        // A redirect comes back as 202 with the target in Location.
        const got = sent.status === 202 && sent.location ? verdict({ ...sent, status: 302 }, row.okLocation) : verdict(sent, row.okLocation);
        const expected = cellsOf(row)[column];
        if (got !== expected) problems.push(`${column}: expected ${expected}, got ${got}`);
        else if (allows(expected) && sent.status === 200) {
          for (const text of (row.shows ?? []).filter((s) => !isMarkup(s))) if (!bodyShows(sent.body, fill(text, vars))) problems.push(`${column}: the data does not carry ${fill(text, vars)}`);
        }
        const changes = await changesSince(t.db, before);
        if (changes.length) problems.push(`${column}: a GET changed ${tablesOf(changes).join(", ")}`);
      } finally {
        await undo(t.db, start);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("cross-tenant ids, in URLs and in form fields", () => {
  test.each(CROSS_TENANT.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const person = personFor(row.actor, undefined);
    const start = await mark(t.db);
    try {
      const token = person ? await openSession(world, person) : undefined;
      const vars = baseVars(world);
      const target = fill(row.path, vars);
      const form = row.form?.map(([k, v]) => [k, fill(v, vars)] as [string, string]);
      const before = await mark(t.db);
      const sent = row.method === "GET" ? await send(server.baseUrl, target, { token }) : await send(server.baseUrl, target, { token, method: "POST", form });
      const changes = await changesSince(t.db, before);
      counts.crossTenant++;
      counts.cells++;
      await checkWithMarker(row.knownBug, row.name, () => {
        expect(sent.status, `${row.name}: ${verdict(sent)} ${sent.body.slice(0, 200)}`).toBe(row.expect);
        expect(tablesOf(changes), `${row.name} changed the database`).toEqual([]);
      });
    } finally {
      await undo(t.db, start);
    }
  });
});
