// Walking the authorization matrix: one cell = one person, fresh targets, one HTTP request, a verdict,
// and exactly what the request wrote (support/changes.ts). A refused request and a GET write nothing; an
// allowed action writes what it exists for (its row's `effect`) and nothing outside its tables; an
// allowed page shows the record it was asked for (its row's `shows`). After the cell, every row the
// cell, its session and its preparation wrote is put back, so each cell starts from the same world.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";
import { hashToken } from "~/lib/tokens.server";
import { decodeMessage } from "~/i18n/messages";
import { COLUMNS, personFor, type Column, type Effect, type MatrixRow } from "../authorization-matrix";
import { openSession, type PersonKey, type World } from "./world";
import { changesSince, mark, tablesOf, undo, type Change } from "./changes";
import { send, type Sent } from "./http";
import { ROOT } from "./server";
import type { Prepared } from "./fixtures";

export const ROUTES_DIR = path.join(ROOT, "app/routes");

export function baseVars(world: World): Record<string, string> {
  const vars: Record<string, string> = {
    store: world.store.id,
    "store.name": world.store.name,
    "store.domain": world.store.domain,
    otherStore: world.otherStore.id,
    "otherStore.domain": world.otherStore.domain,
    orgA: world.orgA.id,
    "orgA.name": world.orgA.name,
    orgB: world.orgB.id,
  };
  for (const [key, value] of Object.entries(world.s)) vars[`s.${key}`] = value;
  for (const [key, value] of Object.entries(world.labels)) vars[`label.${key}`] = value;
  for (const [key, value] of Object.entries(world.foreign)) vars[`foreign.${key}`] = value;
  for (const [key, person] of Object.entries(world.people)) {
    vars[`people.${key}`] = person.id;
    vars[`people.${key}.email`] = person.email;
  }
  return vars;
}

/** `{me}` and `{me.email}`: the person acting in the cell. */
export function personVars(world: World, person: PersonKey | null): Record<string, string> {
  return person ? { me: world.people[person].id, "me.email": world.people[person].email } : {};
}

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([\w.]+)\}/g, (whole, key: string) => {
    if (!(key in vars)) throw new Error(`no value for ${whole} in "${template}"`);
    return vars[key];
  });
}

/** What the server said, in the matrix's vocabulary (an exact 2xx when the cell names one). */
export function verdict(sent: Sent, okLocation?: RegExp, expected?: string): string {
  if (sent.status >= 300 && sent.status < 400) {
    const location = sent.location ?? "";
    if (okLocation) return okLocation.test(location) ? "ok" : location.startsWith("/login") ? "L" : `redirect ${location}`;
    return location.startsWith("/login") ? "L" : "ok";
  }
  if (sent.status >= 200 && sent.status < 300) return expected && /^2\d\d$/.test(expected) ? String(sent.status) : "ok";
  return String(sent.status);
}

/** The cell allows the request: "ok", or an exact 2xx status. */
export const allows = (cell: string) => cell === "ok" || /^2\d\d$/.test(cell);

export function cellsOf(row: MatrixRow): Record<Column, string> {
  const cells = row.cells.trim().split(/\s+/);
  if (cells.length !== COLUMNS.length) throw new Error(`${row.route} ${row.method} ${row.intent ?? ""}: ${cells.length} cells, not ${COLUMNS.length}`);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])) as Record<Column, string>;
}

export interface CellResult {
  column: Column;
  expected: string;
  got: string;
  /** What is wrong with the cell besides its verdict (a change by a refused request, a missing effect). */
  problems: string[];
  /** Whether the cell's effect (or what its page shows) was checked. */
  effectChecked: boolean;
  status: number;
  body: string;
}

/** Where the time goes (printed by the matrix test). */
export const timings = { prepare: 0, request: 0, check: 0, undo: 0 };
const clock = async <T>(key: keyof typeof timings, work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[key] += performance.now() - start;
  }
};

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** Whether a page's body shows a text (as HTML text, or in the data Remix streams into it). */
export function bodyShows(body: string, text: string): boolean {
  return body.includes(escapeHtml(text)) || body.includes(text) || body.includes(JSON.stringify(text).slice(1, -1));
}

function matches(expected: unknown, actual: unknown): boolean {
  if (expected instanceof RegExp) return typeof actual === "string" && expected.test(actual);
  if (Array.isArray(expected)) return Array.isArray(actual) && JSON.stringify([...expected].sort()) === JSON.stringify([...actual].sort());
  return JSON.stringify(expected) === JSON.stringify(actual);
}

const fillValue = (value: unknown, vars: Record<string, string>): unknown =>
  typeof value === "string" ? fill(value, vars) : Array.isArray(value) ? value.map((v) => fillValue(v, vars)) : value;

const describeChange = (c: Change) => `${c.op} ${c.table} ${JSON.stringify(c.row).slice(0, 160)}`;

/** What is missing from, or beyond, an allowed action's effect. */
export function effectProblems(effect: Effect, context: { changes: Change[]; vars: Record<string, string>; token?: string; sent: Sent }): string[] {
  const { changes, vars, token, sent } = context;
  const problems: string[] = [];
  const allowed = new Set([...effect.tables, ...(effect.toast ? ["Session"] : [])]);
  const beyond = tablesOf(changes).filter((t) => !allowed.has(t));
  if (beyond.length) problems.push(`also wrote ${beyond.join(", ")} (its tables: ${[...allowed].join(", ")}): ${changes.filter((c) => beyond.includes(c.table)).map(describeChange).join("; ")}`);
  for (const write of effect.writes) {
    const where = Object.fromEntries(Object.entries(write.where ?? {}).map(([k, v]) => [k, fillValue(v, vars)]));
    const found = changes.some((c) => c.table === write.table && c.op === write.op && Object.entries(where).every(([k, v]) => k in c.row && matches(v, c.row[k])));
    if (!found) problems.push(`did not ${write.op} ${write.table}${Object.keys(where).length ? ` with ${JSON.stringify(where)}` : ""} (it wrote: ${changes.map(describeChange).join("; ") || "nothing"})`);
  }
  if (effect.toast) {
    const session = token ? hashToken(token) : "";
    const flash = changes.find((c) => c.table === "Session" && c.op === "UPDATE" && c.row.id === session && c.row.flash)?.row.flash as { message?: string } | undefined;
    const key = flash?.message ? decodeMessage(flash.message).key : "none";
    if (key !== effect.toast) problems.push(`left the toast ${key}, not ${effect.toast}`);
  }
  const answer = effect.answer?.(sent, vars);
  if (answer) problems.push(answer);
  return problems;
}

export async function walkCell(options: { db: PrismaClient; world: World; baseUrl: string; row: MatrixRow; column: Column }): Promise<CellResult> {
  const { db, world, baseUrl, row, column } = options;
  const expected = cellsOf(row)[column];
  const person = personFor(column, row.section);
  const start = await mark(db);
  try {
    const token = person ? await openSession(world, person) : undefined;
    const prepared: Prepared = row.prepare ? await clock("prepare", () => row.prepare!({ world, person })) : {};
    const vars = { ...baseVars(world), ...personVars(world, person), ...prepared.vars };
    const target = fill(row.path, vars);
    const fields = (prepared.form ?? row.form ?? []).map(([k, v]) => [k, fill(v, vars)] as [string, string]);
    const before = await mark(db);
    const sent: Sent = await clock("request", () => {
      if (row.method === "GET") return send(baseUrl, target, { token });
      if (row.multipart) {
        const body = new FormData();
        for (const [key, value] of fields) body.append(key, new Blob([value], { type: "text/csv" }), "customers.csv");
        return send(baseUrl, target, { token, method: "POST", body });
      }
      return send(baseUrl, target, { token, method: "POST", form: fields });
    });
    return await clock("check", async () => {
      const changes = await changesSince(db, before);
      const got = verdict(sent, row.okLocation, expected);
      const problems: string[] = [];
      let effectChecked = false;
      const allowed = got === expected && allows(expected);
      // A refused request changes nothing; a GET never changes anything, whatever its answer.
      if ((row.method === "GET" || !allowed) && changes.length) problems.push(`changed ${tablesOf(changes).join(", ")}: ${changes.map(describeChange).join("; ")}`);
      if (allowed && row.method === "POST") {
        const effect = typeof row.effect === "function" ? row.effect({ person }) : row.effect;
        if (!effect) problems.push("an allowed action without an `effect` to check");
        else problems.push(...effectProblems(effect, { changes, vars, token, sent }));
        effectChecked = true;
      }
      if (allowed && row.method === "GET" && sent.status < 300) {
        if (!row.shows) problems.push("an allowed page without `shows` to check");
        for (const text of row.shows ?? []) if (!bodyShows(sent.body, fill(text, vars))) problems.push(`the page does not show ${JSON.stringify(fill(text, vars))}`);
        effectChecked = true;
      }
      if (allowed && row.method === "GET" && sent.status >= 300) effectChecked = true; // the location was the check
      return { column, expected, got, problems, effectChecked, status: sent.status, body: sent.body.slice(0, 300) };
    });
  } finally {
    await clock("undo", () => undo(db, start));
  }
}

/** The intents a route's action handles: the keys of its `forms`, and what its source dispatches on. */
export function intentsIn(file: string, module?: Record<string, unknown>): string[] {
  const found = new Set<string>();
  if (module?.forms && typeof module.forms === "object") for (const key of Object.keys(module.forms)) found.add(key);
  const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const start = source.search(/export\s+(async\s+)?function\s+action|export\s+const\s+action/);
  if (start < 0) return [...found].sort();
  for (const m of source.matchAll(/intent["')]*\s*===\s*"(\w+)"/g)) found.add(m[1]);
  const action = source.slice(start, source.indexOf("\nexport default", start) > 0 ? source.indexOf("\nexport default", start) : undefined);
  for (const m of action.matchAll(/case\s+"(\w+)"\s*:/g)) found.add(m[1]);
  return [...found].sort();
}

export function routeFiles(): string[] {
  return readdirSync(ROUTES_DIR).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f)).sort();
}

export function exportsAction(file: string): boolean {
  return /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(path.join(ROUTES_DIR, file), "utf8"));
}
