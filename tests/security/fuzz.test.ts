// Bad input (ASVS V1/V2 style): fast-check throws random and hostile forms at EVERY form action of the
// authorization matrix, as the person allowed to use it, by calling the route module's own `action`
// in-process with a real Request (fast). Each answer must be a 2xx/3xx, or a 4xx (with field errors when
// it is a 400), never a server error, and a refused submission must leave the database as it was.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { COLUMNS, MATRIX, personFor, type MatrixRow } from "./authorization-matrix";
import { baseVars, cellsOf, fill, ROUTES_DIR } from "./support/matrix-walk";
import { openSession, seedWorld, type World } from "./support/world";
import { changedTables, fingerprint } from "./support/fingerprint";
import { recordFigure } from "./support/figures";
import { expectKnownBug } from "./support/known-bug";

const RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 60);

let t: TestDatabase;
let world: World;
let cases = 0;
beforeAll(async () => {
  t = await createTestDatabase();
  world = await seedWorld();
});
afterAll(async () => {
  recordFigure("fuzz cases (hostile forms at every action, in-process)", cases);
  await t?.close();
});

/** Refusals that are recorded on purpose: failed sign-ins and failed code attempts (the throttles' memory). */
const RECORDED_ON_REFUSAL: Record<string, string[]> = {
  "login.tsx": ["LoginAttempt"],
  "partners.$orgId.stores.request.tsx": ["CodeAttempt", "ActivityLog"],
};

// ------------------------------------------------------------------------------------------------
// Hostile values

const SQL = ["' OR '1'='1", "'; DROP TABLE \"User\"; --", "1; SELECT pg_sleep(5)--", "\\'", "%' AND 1=1 --", "$1", "::uuid"];
const HTML = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "<svg/onload=alert(1)>", "{{7*7}}", "${7*7}"];
const WEIRD = ["", " ", "\u0000", "\u202Eevil\u202C", "\u200B", "\uFEFF", "\r\n", "\t", "😀".repeat(50), "é".normalize("NFD"), "NaN", "-1", "1e309", "0x10", "99999999999999999999", "true", "null", "undefined", "[]", "{}", '{"__proto__":{"admin":true}}', "__proto__", "constructor", "00000000-0000-0000-0000-000000000000", "../../etc/passwd", "%00", "%0d%0aSet-Cookie: x=1"];
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SQL, ...HTML, ...WEIRD) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(1_001, 5_001, 20_000, 200_000).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom("view", "manage", "none", "ACTIVE", "OPEN", "FULFILLED", "BASIC", "EUR", "true", "false", "on", "fr") },
);

/** Names every plain object answers to: tried as intents by their own test below, not at random. */
const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__"];
const hostileIntent = hostile.filter((v) => !PROTOTYPE_NAMES.includes(v));
const valueFor = (key: string) => (key === "intent" ? hostileIntent : hostile);

type Field = [string, string | { file: string }];

/** Per field: keep it, drop it, replace its value, repeat it with a second value, or send a file instead. */
function mutations(base: [string, string][]): fc.Arbitrary<Field[]> {
  const perField = base.map(([key, value]) =>
    fc.oneof(
      fc.constant<Field[]>([[key, value]]),
      fc.constant<Field[]>([]),
      valueFor(key).map((v): Field[] => [[key, v]]),
      valueFor(key).map((v): Field[] => [[key, value], [key, v]]),
      valueFor(key).map((v): Field[] => [[key, v], [key, value]]),
      valueFor(key).map((v): Field[] => [[key, { file: v }]]),
    ),
  );
  const extraKey = fc.oneof(fc.constantFrom("intent", "perm.staff", "perm.orders", "perm.bogus", "id", "storeId", "userId", "isOwner", "status", "permissions", "__proto__", "redirectTo"), fc.string({ maxLength: 12 }));
  const extras = fc.array(extraKey.chain((k) => valueFor(k).map((v): Field => [k, v])), { maxLength: 3 });
  return fc.tuple(fc.tuple(...perField), extras).map(([fields, extra]) => [...fields.flat(), ...extra]);
}

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
  if (value instanceof Response) return { status: value.status, body: null };
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init?: { status?: number } | null };
    return { status: d.init?.status ?? 200, body: d.data };
  }
  return { status: 200, body: value };
}

function allowedColumn(row: MatrixRow) {
  const cells = cellsOf(row);
  return (["owner", "pOwn", "anon", ...COLUMNS] as const).find((c) => cells[c] === "ok")!;
}

const rows = MATRIX.filter((r) => r.method === "POST");

/** Reported bugs the fuzz finds, by row: announced loudly, and the marker must go once fixed. */
const KNOWN_BUGS: Record<string, string> = {};

const short = (value: unknown) => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.replace(/(.)\1{40,}/g, (run, c: string) => `${c}×${run.length}`).slice(0, 400);
};

describe(`hostile forms at every action (${RUNS} cases each)`, () => {
  test.each(rows.map((row) => [`${row.route}${row.intent ? ` (${row.intent})` : ""}`, row] as const))("%s", async (_name, row) => {
    const module = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, row.route))) as { action: (args: unknown) => Promise<unknown> };
    const column = allowedColumn(row);
    const person = personFor(column, row.section);
    const prepared = row.prepare ? await row.prepare({ world, person }) : {};
    const vars = { ...baseVars(world), ...prepared.vars };
    const url = new URL(fill(row.path, vars), "http://portier.test").toString();
    const params = paramsFor(row.route, url);
    const base = (prepared.form ?? row.form ?? []).map(([k, v]) => [k, fill(v, vars)] as [string, string]);
    const mayWrite = RECORDED_ON_REFUSAL[row.route] ?? [];
    const run = () =>
      fc.assert(
        fc.asyncProperty(mutations(base), async (fields) => {
          cases++;
          // A fresh session each time: a case may sign out, or be the one that signs in.
          const token = person ? await openSession(world, person) : undefined;
          const before = await fingerprint(t.db);
          const body = new FormData();
          for (const [key, value] of fields) {
            if (typeof value === "string") body.append(key, value);
            else body.append(key, new Blob([value.file], { type: "application/octet-stream" }), "upload.bin");
          }
          const request = new Request(url, {
            method: "POST",
            body,
            headers: { ...(token ? { cookie: `portier_session=${token}` } : {}), "x-portier-remote-address": "198.51.100.77", origin: "http://portier.test" },
          });
          let answer: Answer;
          try {
            answer = await answerOf(() => module.action({ request, params, context: {} }));
          } catch (error) {
            throw new Error(`server error: ${short((error as Error)?.message ?? String(error))}\n  form: ${short(fields)}`);
          }
          expect(answer.status, short(fields)).toBeLessThan(500);
          if (answer.status >= 400) {
            if (answer.status === 400) {
              const errors = (answer.body as { errors?: Record<string, unknown> } | null)?.errors;
              expect(errors && Object.values(errors).every((v) => typeof v === "string" && v.length > 0), `400 without field errors: ${short(answer.body)}`).toBe(true);
            }
            const changed = changedTables(before, await fingerprint(t.db)).filter((table) => !mayWrite.includes(table));
            expect(changed, `refused (${answer.status}) but changed ${changed.join(", ")}: ${short(fields)}`).toEqual([]);
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      ).catch((error: Error) => {
        // fast-check's report repeats the counterexample in full; keep it readable.
        const lines = error.message.split("\n");
        throw new Error([...lines.slice(0, 4), ...lines.filter((l) => /Got |Error|server error|expected|form:/.test(l)).slice(0, 6)].map(short).join("\n"));
      });
    try {
      const known = KNOWN_BUGS[`${row.route} ${row.intent ?? ""}`.trim()];
      if (known) await expectKnownBug(`${row.route} (${row.intent}): ${known}`, run);
      else await run();
    } finally {
      await prepared.cleanup?.();
    }
  });
});

describe("intents named like a plain object's own properties", () => {
  const withIntents = rows.filter((r) => r.intent);
  const routes = [...new Set(withIntents.map((r) => r.route))];
  const KNOWN: Record<string, string> = {};

  test.each(routes)("%s: __proto__, constructor, toString... as intent behave like any unknown intent", async (route) => {
    const row = withIntents.find((r) => r.route === route)!;
    const module = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, route))) as { action: (args: unknown) => Promise<unknown> };
    const person = personFor(allowedColumn(row), row.section);
    const outcomes: string[] = [];
    /** One submission with this intent on fresh targets: its status (or "server error") and whether it wrote. */
    const submit = async (intent: string) => {
      cases++;
      const prepared = row.prepare ? await row.prepare({ world, person }) : {};
      try {
        const vars = { ...baseVars(world), ...prepared.vars };
        const url = new URL(fill(row.path, vars), "http://portier.test").toString();
        const base = (prepared.form ?? row.form ?? []).map(([k, v]) => [k, fill(v, vars)] as [string, string]).filter(([k]) => k !== "intent");
        const token = person ? await openSession(world, person) : undefined;
        const body = new FormData();
        body.append("intent", intent);
        for (const [k, v] of base) body.append(k, v);
        const before = await fingerprint(t.db);
        const request = new Request(url, { method: "POST", body, headers: { ...(token ? { cookie: `portier_session=${token}` } : {}), "x-portier-remote-address": "198.51.100.78" } });
        try {
          const answer = await answerOf(() => module.action({ request, params: paramsFor(route, url), context: {} }));
          return { status: String(answer.status), wrote: changedTables(before, await fingerprint(t.db)).length > 0 };
        } catch (error) {
          return { status: `server error (${short((error as Error).message)})`, wrote: false };
        }
      } finally {
        await prepared.cleanup?.();
      }
    };
    // Whatever the route does with an intent it does not know (refuse it, or take its default form), it
    // must do the same with these names.
    const unknown = await submit("no-such-intent");
    for (const intent of PROTOTYPE_NAMES) {
      const got = await submit(intent);
      if (got.status !== unknown.status) outcomes.push(`${intent}: ${got.status}, where an unknown intent gets ${unknown.status}`);
      else if (got.wrote && !unknown.wrote) outcomes.push(`${intent}: wrote to the database, where an unknown intent does not`);
    }
    if (KNOWN[route]) await expectKnownBug(`${route} ${KNOWN[route]}`, () => expect(outcomes).toEqual([]));
    else expect(outcomes).toEqual([]);
  });
});
