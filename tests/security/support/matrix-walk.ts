// Walking the authorization matrix: one cell = one person, fresh targets, one HTTP request, a verdict,
// and a database fingerprint before and after.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";
import { COLUMNS, personFor, type Column, type MatrixRow } from "../authorization-matrix";
import { openSession, type World } from "./world";
import { changedTables, fingerprint } from "./fingerprint";
import { send, type Sent } from "./http";
import { ROOT } from "./server";
import type { Prepared } from "./fixtures";

export const ROUTES_DIR = path.join(ROOT, "app/routes");

export function baseVars(world: World): Record<string, string> {
  const vars: Record<string, string> = {
    store: world.store.id,
    otherStore: world.otherStore.id,
    "otherStore.domain": world.otherStore.domain,
    orgA: world.orgA.id,
    orgB: world.orgB.id,
  };
  for (const [key, value] of Object.entries(world.s)) vars[`s.${key}`] = value;
  for (const [key, value] of Object.entries(world.foreign)) vars[`foreign.${key}`] = value;
  return vars;
}

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([\w.]+)\}/g, (whole, key: string) => {
    if (!(key in vars)) throw new Error(`no value for ${whole} in "${template}"`);
    return vars[key];
  });
}

/** What the server said, in the matrix's vocabulary. */
export function verdict(sent: Sent, okLocation?: RegExp): string {
  if (sent.status >= 300 && sent.status < 400) {
    const location = sent.location ?? "";
    if (okLocation) return okLocation.test(location) ? "ok" : location.startsWith("/login") ? "L" : `redirect ${location}`;
    return location.startsWith("/login") ? "L" : "ok";
  }
  if (sent.status >= 200 && sent.status < 300) return "ok";
  return String(sent.status);
}

export function cellsOf(row: MatrixRow): Record<Column, string> {
  const cells = row.cells.trim().split(/\s+/);
  if (cells.length !== COLUMNS.length) throw new Error(`${row.route} ${row.method} ${row.intent ?? ""}: ${cells.length} cells, not ${COLUMNS.length}`);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])) as Record<Column, string>;
}

export interface CellResult {
  column: Column;
  expected: string;
  got: string;
  /** Tables that changed although they must not have. */
  changed: string[];
  status: number;
  body: string;
}

/** Where the time goes (printed by the matrix test). */
export const timings = { prepare: 0, fingerprint: 0, request: 0, cleanup: 0 };
const clock = async <T>(key: keyof typeof timings, work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[key] += performance.now() - start;
  }
};

export async function walkCell(options: { db: PrismaClient; world: World; baseUrl: string; row: MatrixRow; column: Column }): Promise<CellResult> {
  const { db, world, baseUrl, row, column } = options;
  const expected = cellsOf(row)[column];
  const person = personFor(column, row.section);
  const token = person ? await openSession(world, person) : undefined;
  const prepared: Prepared = row.prepare ? await clock("prepare", () => row.prepare!({ world, person })) : {};
  try {
    const vars = { ...baseVars(world), ...prepared.vars };
    const target = fill(row.path, vars);
    const fields = (prepared.form ?? row.form ?? []).map(([k, v]) => [k, fill(v, vars)] as [string, string]);
    const before = await clock("fingerprint", () => fingerprint(db));
    const sent: Sent = await clock("request", () => {
      if (row.method === "GET") return send(baseUrl, target, { token });
      if (row.multipart) {
        const body = new FormData();
        for (const [key, value] of fields) body.append(key, new Blob([value], { type: "text/csv" }), "customers.csv");
        return send(baseUrl, target, { token, method: "POST", body });
      }
      return send(baseUrl, target, { token, method: "POST", form: fields });
    });
    const after = await clock("fingerprint", () => fingerprint(db));
    const got = verdict(sent, row.okLocation);
    // A refused request changes nothing; a GET never changes anything, whatever its answer.
    const mustNotChange = row.method === "GET" || expected !== "ok" || got !== "ok";
    const changed = mustNotChange ? changedTables(before, after) : [];
    return { column, expected, got, changed, status: sent.status, body: sent.body.slice(0, 300) };
  } finally {
    if (prepared.cleanup) await clock("cleanup", prepared.cleanup);
  }
}

/** The intents a route's action handles, read from its source (intent === "x", case "x", operation maps). */
export function intentsIn(file: string): string[] {
  const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const start = source.search(/export\s+(async\s+)?function\s+action|export\s+const\s+action/);
  if (start < 0) return [];
  const found = new Set<string>();
  for (const m of source.matchAll(/intent["')]*\s*===\s*"(\w+)"/g)) found.add(m[1]);
  const action = source.slice(start, source.indexOf("\nexport default", start) > 0 ? source.indexOf("\nexport default", start) : undefined);
  for (const m of action.matchAll(/case\s+"(\w+)"\s*:/g)) found.add(m[1]);
  for (const m of source.matchAll(/(?:OPERATIONS|operations)\s*=\s*\{([^}]*)\}/g)) {
    for (const key of m[1].matchAll(/(\w+)\s*:/g)) found.add(key[1]);
  }
  return [...found].sort();
}

export function routeFiles(): string[] {
  return readdirSync(ROUTES_DIR).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f)).sort();
}

export function exportsAction(file: string): boolean {
  return /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(path.join(ROUTES_DIR, file), "utf8"));
}
