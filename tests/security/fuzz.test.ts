// Bad input (ASVS V1/V2 style), in-process: every action of the authorization matrix, as the person allowed
// to use it, gets hostile submissions built from the fields its own schema reads (the route module's
// exported `schema` or `forms`, support/schema-fields.ts), never from a list kept by hand. The route's own
// `action` is called with a real Request and a load context of its own (a client address per case), on
// the row's target, put back exactly as it was after every case (support/changes.ts). For each case:
// - the answer is a 2xx/3xx, or a 4xx in conform's reply shape (field errors), never a server error;
// - the values reached the schema as sent: the mutated field replaced, missing, repeated (as a list), a
//   file (what conform handed the schema is recorded);
// - a refused submission wrote nothing (failed sign-ins and failed code attempts excepted: they are the
//   throttles' memory);
// - an accepted one wrote exactly what the same submission without its extra fields writes on the same
//   target (no owner, store, user, staff permission or other field got to the database from the form),
//   and the pages that show what it stored (rendered by the production build) show it as text.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { loadContext } from "../helpers/routes";
import { sessionCookieName } from "~/lib/cookies.server";
import { db } from "~/lib/db.server";
import { LOGIN_THROTTLE } from "~/domain/auth";
import { CODE_ATTEMPT_LIMIT } from "~/domain/collaborator-code";
import { COLUMNS, MATRIX, personFor, type MatrixRow } from "./authorization-matrix";
import { allows, baseVars, bodyShows, cellsOf, fill, personVars, ROUTES_DIR } from "./support/matrix-walk";
import { createPerson, newOrganization, newStore, openSession, seedWorld, sessionFor, WORLD_PASSWORD, type World } from "./support/world";
import { changedTables, fingerprint } from "./support/fingerprint";
import { changesSince, differences, installChangeLog, mark, tablesOf, undo, type Change } from "./support/changes";
import { fieldsOf, schemasOf, valueAt, type FieldSpec } from "./support/schema-fields";
import { extraFields, extraValues, formDataOf, hostileCases, short, withoutExtras, type Entry, type HostileCase, type Mutation } from "./support/hostile-forms";
import { renderPage, unsafeMarkup } from "./support/pages";
import { recordFigure, recordNote } from "./support/figures";
import { checkWithMarker, type KnownBug } from "./support/known-bug";

/** Random combinations per action, on top of every field × every mutation and the extra fields. */
const RANDOM = Number(process.env.SECURITY_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.SECURITY_FUZZ_SEED ?? Date.now() % 1_000_000);

let t: TestDatabase;
let world: World;
const counts = { actions: 0, fields: 0, cases: 0, accepted: 0, compared: 0, pages: 0, escapedShown: 0, reachedSchema: 0 };
let address = 0;
/** A client address of its own for every case: no case is throttled by another. */
const nextAddress = () => {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

beforeAll(async () => {
  t = await createTestDatabase();
  await installChangeLog(t.db);
  world = await seedWorld();
  console.info(`fuzz seed: ${SEED} (SECURITY_FUZZ_SEED=${SEED} repeats this run)`);
  recordNote("fuzz.seed", SEED);
});
const timing = { action: 0, pages: 0, compare: 0, undo: 0 };
const timed = async <T>(key: keyof typeof timing, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timing[key] += performance.now() - started;
  }
};

afterAll(async () => {
  console.info("fuzz:", counts, "time (ms):", Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v)])));
  recordFigure("fuzz.actions", counts.actions, "actions fuzzed in-process");
  recordFigure("fuzz.fields", counts.fields, "schema fields fuzzed (read from the routes' exported schemas)");
  recordFigure("fuzz.cases", counts.cases, "hostile submissions run in-process");
  recordFigure("fuzz.reachedSchema", counts.reachedSchema, "in-process submissions whose values were seen reaching the schema");
  recordFigure("fuzz.accepted", counts.accepted, "accepted hostile submissions (in-process)");
  recordFigure("fuzz.compared", counts.compared, "accepted submissions compared with the same submission without its extra fields");
  recordFigure("fuzz.pages", counts.pages, "pages rendered after accepted submissions carrying markup, checked for raw markup");
  recordFigure("fuzz.escapedShown", counts.escapedShown, "of those, pages that showed the submitted markup (escaped)");
  await t?.close();
});

/** Refusals that are recorded on purpose: failed sign-ins and failed code attempts (the throttles' memory). */
const RECORDED_ON_REFUSAL: Record<string, string[]> = {
  "login.tsx": ["LoginAttempt"],
  "partners.$orgId.stores.request.tsx": ["CodeAttempt", "ActivityLog"],
  // A wrong current password counts as a failed sign-in (issue 13: the same throttle).
  "account_.settings.tsx": ["LoginAttempt"],
};

/** Reported bugs the fuzz finds, by row (`route intent`), each naming the failure it causes. */
const KNOWN_BUGS: Record<string, KnownBug> = {};

// ------------------------------------------------------------------------------------------------
// Calling a route's action in-process

/** Remix params from the route file's name and the concrete URL. */
export function paramsFor(file: string, url: string): Record<string, string> {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "\u0001")
    .split(".")
    .map((s) => s.replace(/\u0001/g, "."))
    .filter((s) => s !== "_index");
  const parts = new URL(url, "http://x").pathname.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, i) => {
    if (segment.startsWith("$")) params[segment.slice(1)] = decodeURIComponent(parts[i] ?? "");
  });
  return params;
}

interface Answer {
  status: number;
  body: unknown;
  location: string | null;
  cookie: string | null;
}

/** What Remix would send: a Response, `data(...)` (DataWithResponseInit), or plain data (200). */
async function answerOf(run: () => Promise<unknown>): Promise<Answer> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
    if (!(thrown instanceof Response) && !(thrown && typeof thrown === "object" && (thrown as { type?: string }).type === "DataWithResponseInit")) throw thrown;
  }
  const name = sessionCookieName();
  const cookieFrom = (headers: Headers) => headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1) ?? null;
  // A body is read to its end, as a client would: a streamed export does its work (and its logging) while it is read.
  if (value instanceof Response) return { status: value.status, body: await value.text(), location: value.headers.get("location"), cookie: cookieFrom(value.headers) };
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init?: { status?: number; headers?: HeadersInit } | null };
    return { status: d.init?.status ?? 200, body: d.data, location: null, cookie: cookieFrom(new Headers(d.init?.headers)) };
  }
  return { status: 200, body: value, location: null, cookie: null };
}

/** Records what conform hands the schema (the payload of its safeParse), for one call of the action. */
function spyOn(schema: z.ZodTypeAny | null) {
  const seen: Record<string, unknown>[] = [];
  if (!schema) return { seen, restore: () => {} };
  const own = Object.getOwnPropertyDescriptor(schema, "safeParse");
  const original = schema.safeParse;
  Object.defineProperty(schema, "safeParse", {
    configurable: true,
    value: (payload: Record<string, unknown>, params?: unknown) => {
      // A copy: conform's reply later removes the secret fields from the payload it keeps.
      seen.push(copy(payload) as Record<string, unknown>);
      return original.call(schema, payload, params as never);
    },
  });
  return {
    seen,
    restore: () => {
      if (own) Object.defineProperty(schema, "safeParse", own);
      else delete (schema as unknown as Record<string, unknown>).safeParse;
    },
  };
}

const copy = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(copy) : value && typeof value === "object" && !(value instanceof Blob) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) : value;

/** As a value comes out of a multipart body: line breaks as \n, lone surrogates as U+FFFD, a leading byte-order mark gone. */
const asSent = (v: string) => v.replace(/^\uFEFF/, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD").replace(/\r\n|\r|\n/g, "\n");

/** Whether the schema got the mutated field the way it was sent. */
function reached(payload: Record<string, unknown>, mutation: Mutation): string | null {
  const got = valueAt(payload, mutation.field);
  const same = (sent: Mutation["values"][number], value: unknown) =>
    typeof sent === "string" ? typeof value === "string" && asSent(value) === asSent(sent) : value instanceof Blob;
  if (mutation.values.length === 0) return got === undefined ? null : `${mutation.field} was left out, but the schema got ${short(got)}`;
  if (mutation.values.length === 1) return same(mutation.values[0], got) ? null : `${mutation.field} (${mutation.kind}): the schema got ${short(got instanceof Blob ? "a file" : got)}`;
  if (!Array.isArray(got) || got.length !== mutation.values.length || !mutation.values.every((v, i) => same(v, got[i]))) {
    return `${mutation.field} was repeated (${mutation.kind}), but the schema got ${short(got instanceof Blob ? "a file" : got)}, not the list`;
  }
  return null;
}

/** A refusal in conform's reply shape: { status: "error", error: { field: [messages] } }, some message given. */
function isReply(body: unknown): boolean {
  const error = (body as { status?: string; error?: Record<string, unknown> } | null)?.error;
  if ((body as { status?: string } | null)?.status !== "error" || !error || typeof error !== "object") return false;
  const lists = Object.values(error).filter((v) => v !== null);
  return lists.length > 0 && lists.every((v) => Array.isArray(v) && v.every((m) => typeof m === "string" && m.length > 0)) && lists.some((v) => (v as string[]).length > 0);
}

function allowedColumn(row: MatrixRow) {
  const cells = cellsOf(row);
  return (["owner", "pOwn", "anon", ...COLUMNS] as const).find((c) => allows(cells[c]))!;
}

const rows = MATRIX.filter((r) => r.method === "POST");
const rowName = (row: MatrixRow) => `${row.route}${row.intent ? ` (${row.intent})` : ""}`;

async function loadRoute(row: MatrixRow) {
  const module = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, row.route))) as Record<string, unknown> & { action: (args: unknown) => Promise<unknown> };
  const schemas = schemasOf(module);
  const schema = schemas ? (schemas[row.intent ?? ""] ?? null) : null;
  if (schemas && !schema) throw new Error(`${rowName(row)}: its module exports ${Object.keys(schemas).join(", ")}, no schema for this row's intent`);
  return { module, schema, fields: schema ? fieldsOf(schema) : ([] as FieldSpec[]) };
}

// ------------------------------------------------------------------------------------------------

describe("the fields come from the routes' own schemas", () => {
  test.each(rows.map((row) => [rowName(row), row] as const))("%s: every field its matrix form posts is one its schema reads", async (_name, row) => {
    const { schema, fields } = await loadRoute(row);
    const names = new Set(fields.map((f) => f.name));
    const posted = (row.form ?? []).map(([k]) => k).filter((k) => k !== "intent");
    expect(posted.filter((k) => !names.has(k)), "fields the schema reader did not find").toEqual([]);
    if (posted.length) expect(schema).toBeTruthy();
  });
});

describe(`hostile submissions at every action: every field × every mutation, the extra fields, ${RANDOM} random combinations`, () => {
  test.each(rows.map((row) => [rowName(row), row] as const))("%s", async (name, row) => {
    const { module, schema, fields } = await loadRoute(row);
    const fieldNames = new Set(fields.map((f) => f.name));
    const person = personFor(allowedColumn(row), row.section);
    counts.actions++;
    counts.fields += fields.length;
    const start = await mark(t.db);
    try {
      // The row's target, made once and put back after every case.
      const token = person ? await openSession(world, person) : undefined;
      const prepared = row.prepare ? await row.prepare({ world, person }) : {};
      const vars = { ...baseVars(world), ...personVars(world, person), ...prepared.vars };
      const url = new URL(fill(row.path, vars), "http://portier.test").toString();
      const params = paramsFor(row.route, url);
      const base = (prepared.form ?? row.form ?? []).map(([k, v]) => [k, fill(v, vars)] as [string, string]);
      const cookie = token ? `${sessionCookieName()}=${token}` : undefined;
      const recorded = RECORDED_ON_REFUSAL[row.route] ?? [];
      const keep = extraValues(world);
      const cases = hostileCases({ fields, base, fileFields: row.multipart ? base.map(([k]) => k) : [], extras: extraFields(world), random: RANDOM, seed: SEED + counts.actions });
      const target = await mark(t.db);
      const print = await fingerprint(t.db);

      const submit = async (entries: Entry[], clientAddress: string, spy = spyOn(null)) => {
        const request = new Request(url, { method: "POST", body: formDataOf(entries), headers: { ...(cookie ? { cookie } : {}), origin: "http://portier.test" } });
        try {
          return await answerOf(() => module.action({ request, params, context: loadContext(clientAddress) }));
        } catch (error) {
          throw new Error(`server error: ${short((error as Error)?.message ?? String(error))}`);
        } finally {
          spy.restore();
        }
      };

      const problemsOf = async (c: HostileCase): Promise<string[]> => {
        const problems = await judge(c);
        if (c.expect === "accepted" && !outcome.accepted) problems.push("refused, where the valid form with fields the schema ignores must be accepted (and compared)");
        if (c.expect === "accepted" && c.extras.length && !outcome.compared) problems.push("not compared with the same form without the extra fields");
        if (c.expect === "refused" && outcome.accepted) problems.push("accepted, where a section the picker does not offer must be refused");
        return problems;
      };
      const outcome = { accepted: false, compared: false };

      const judge = async (c: HostileCase): Promise<string[]> => {
        outcome.accepted = false;
        outcome.compared = false;
        counts.cases++;
        const clientAddress = nextAddress();
        const spy = spyOn(schema);
        let answer: Answer;
        try {
          answer = await timed("action", () => submit(c.entries, clientAddress, spy));
        } catch (error) {
          return [(error as Error).message];
        }
        const problems: string[] = [];
        if (answer.status >= 500) problems.push(`answered ${answer.status}`);
        if ([400, 409, 429].includes(answer.status) && !isReply(answer.body)) problems.push(`${answer.status} not in conform's reply shape: ${short(answer.body)}`);
        // What conform handed the schema: every mutated field as it was sent.
        if (schema) {
          if (spy.seen.length === 0) problems.push(`the schema never saw the submission (answered ${answer.status} ${short(answer.body)})`);
          else {
            counts.reachedSchema++;
            for (const mutation of c.mutations) {
              const wrong = reached(spy.seen[0], mutation);
              if (wrong) problems.push(wrong);
            }
          }
        }
        const changes = await changesSince(t.db, target);
        if (answer.status >= 400) {
          const wrote = tablesOf(changes).filter((table) => !recorded.includes(table));
          if (wrote.length) problems.push(`refused (${answer.status}) but wrote ${wrote.join(", ")}: ${short(changes.filter((ch) => wrote.includes(ch.table)))}`);
          await timed("undo", () => undo(t.db, target));
          return problems;
        }
        counts.accepted++;
        outcome.accepted = true;
        // The pages that show what it stored show it as text.
        // (Text without a character HTML gives a meaning to has nothing to escape: its pages are not rendered.)
        const stored = c.entries.flatMap(([, v]) => (typeof v === "string" ? [v] : [v.file]));
        const markup = stored.some((v) => /[<>"'&]/.test(v));
        const pages = !markup ? [] : [
          ...(answer.location ? [{ path: answer.location, cookie: answer.cookie ?? cookie }] : []),
          ...(row.storedOn ?? []).map((page) => ({ path: fill(page.path, vars), cookie: page.token ? `${sessionCookieName()}=${fill(page.token, vars)}` : (answer.cookie ?? cookie) })),
        ];
        for (const page of pages) {
          const shown = await timed("pages", () => renderPage(new URL(page.path, url).toString(), page.cookie, clientAddress));
          counts.pages++;
          if (shown.status >= 500) problems.push(`${page.path} answers ${shown.status} after the submission`);
          for (const unsafe of unsafeMarkup(shown.html, stored)) problems.push(`${shown.url}: ${unsafe}`);
          if (stored.some((v) => /</.test(v) && v.trim() && bodyShows(shown.html, v.trim()))) counts.escapedShown++;
        }
        // The same submission without its extra fields, on the same target: the same rows, or a field got through.
        if (c.extras.length) {
          await undo(t.db, target);
          const clean = await timed("compare", () => submit(withoutExtras(c, fieldNames), clientAddress)).catch((error: Error) => ({ status: 500, body: error.message }) as Answer);
          const cleanChanges: Change[] = await changesSince(t.db, target);
          counts.compared++;
          outcome.compared = true;
          if (clean.status !== answer.status) problems.push(`without its extra fields it answers ${clean.status}, with them ${answer.status}`);
          const diff = differences(changes, cleanChanges, keep);
          if (diff.length) problems.push(`the extra fields ${c.extras.join(", ")} changed what was written:\n      ${diff.slice(0, 6).map(short).join("\n      ")}`);
        }
        await timed("undo", () => undo(t.db, target));
        return problems;
      };

      const failures: string[] = [];
      for (const c of cases) {
        const problems = await problemsOf(c);
        if (problems.length) failures.push(`${c.label} [seed ${SEED}]\n    form: ${short(c.entries)}\n    ${problems.join("\n    ")}`);
        if (failures.length >= 5) break;
      }
      // The resets were exact: the target is as it was before the first case.
      expect(changedTables(print, await fingerprint(t.db)), "the target was not put back exactly").toEqual([]);
      await checkWithMarker(KNOWN_BUGS[`${row.route} ${row.intent ?? ""}`.trim()], name, () => {
        expect(failures, `${failures.length} failing case(s) of ${cases.length}:\n${failures.join("\n")}`).toEqual([]);
      });
    } finally {
      await undo(t.db, start);
    }
  });
});

describe("intents named like a plain object's own properties", () => {
  const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__"];
  const withIntents = rows.filter((r) => r.intent);
  const routes = [...new Set(withIntents.map((r) => r.route))];

  test.each(routes)("%s: __proto__, constructor, toString... as intent behave like any unknown intent", async (route) => {
    const row = withIntents.find((r) => r.route === route)!;
    const { module } = await loadRoute(row);
    const person = personFor(allowedColumn(row), row.section);
    const outcomes: string[] = [];
    const start = await mark(t.db);
    try {
      const token = person ? await openSession(world, person) : undefined;
      const prepared = row.prepare ? await row.prepare({ world, person }) : {};
      const vars = { ...baseVars(world), ...personVars(world, person), ...prepared.vars };
      const url = new URL(fill(row.path, vars), "http://portier.test").toString();
      const base = (prepared.form ?? row.form ?? []).map(([k, v]) => [k, fill(v, vars)] as [string, string]).filter(([k]) => k !== "intent");
      const target = await mark(t.db);
      /** One submission with this intent: its status (or "server error") and whether it wrote. */
      const submit = async (intent: string) => {
        counts.cases++;
        const body = formDataOf([["intent", intent], ...base]);
        const request = new Request(url, { method: "POST", body, headers: token ? { cookie: `${sessionCookieName()}=${token}` } : {} });
        try {
          const answer = await answerOf(() => module.action({ request, params: paramsFor(route, url), context: loadContext(nextAddress()) }));
          return { status: String(answer.status), wrote: (await changesSince(t.db, target)).length > 0 };
        } catch (error) {
          return { status: `server error (${short((error as Error).message)})`, wrote: false };
        } finally {
          await undo(t.db, target);
        }
      };
      // Whatever the route does with an intent it does not know, it must do the same with these names.
      const unknown = await submit("no-such-intent");
      for (const intent of PROTOTYPE_NAMES) {
        const got = await submit(intent);
        if (got.status !== unknown.status) outcomes.push(`${intent}: ${got.status}, where an unknown intent gets ${unknown.status}`);
        else if (got.wrote && !unknown.wrote) outcomes.push(`${intent}: wrote to the database, where an unknown intent does not`);
      }
    } finally {
      await undo(t.db, start);
    }
    expect(outcomes).toEqual([]);
  });
});

// The throttles are the one place where cases must share an address or an account: tested on purpose,
// through the routes, here (the services' own limits and races: guessing.test.ts).
describe("the throttles, through the routes", () => {
  const loginRow = MATRIX.find((r) => r.route === "login.tsx" && r.method === "POST")!;
  const requestRow = MATRIX.find((r) => r.route === "partners.$orgId.stores.request.tsx" && r.method === "POST")!;

  test(`sign-in: after ${LOGIN_THROTTLE.perAccount} failures, from as many addresses, the right password is refused with 429`, async () => {
    const { module } = await loadRoute(loginRow);
    const victim = await createPerson("RouteVictim");
    const post = async (password: string) => {
      counts.cases++;
      const request = new Request("http://portier.test/login", { method: "POST", body: formDataOf([["email", victim.email], ["password", password]]) });
      return answerOf(() => module.action({ request, params: {}, context: loadContext(nextAddress()) }));
    };
    for (let i = 0; i < LOGIN_THROTTLE.perAccount; i++) expect((await post(`wrong ${i}`)).status).toBe(400);
    const throttled = await post(WORLD_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(isReply(throttled.body)).toBe(true);
  });

  test(`collaborator code: after ${CODE_ATTEMPT_LIMIT} wrong codes, the right one is refused with 429, whatever the address`, async () => {
    const { module } = await loadRoute(requestRow);
    const owner = await createPerson("RouteCodeOwner");
    const store = await newStore(owner, "Route Code Store");
    const partner = await createPerson("RouteGuesser");
    const organization = await newOrganization("Route Guessers", [partner]);
    const token = await sessionFor(partner);
    const url = `http://portier.test/partners/${organization.id}/stores/request`;
    const post = async (code: string) => {
      counts.cases++;
      const request = new Request(url, { method: "POST", body: formDataOf([["storeUrl", store.domain], ["code", code], ["perm.orders", "view"]]), headers: { cookie: `${sessionCookieName()}=${token}` } });
      return answerOf(() => module.action({ request, params: { orgId: organization.id }, context: loadContext(nextAddress()) }));
    };
    const wrong = ["0000", "1111", "2222", "3333", "4444", "5555", "6666"].filter((c) => c !== store.code);
    for (let i = 0; i < CODE_ATTEMPT_LIMIT; i++) expect((await post(wrong[i])).status).toBe(400);
    const throttled = await post(store.code);
    expect(throttled.status).toBe(429);
    expect(await db().collaboratorRequest.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});

