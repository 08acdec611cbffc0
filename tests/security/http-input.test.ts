// Bad input over HTTP, against the production build: a smaller random sample of hostile forms at every
// action (the in-process fuzz runs the large one), bodies that are not forms at all, and text that must
// come back escaped on every page that shows it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { COLUMNS, MATRIX, personFor, type MatrixRow } from "./authorization-matrix";
import { baseVars, cellsOf, fill } from "./support/matrix-walk";
import { openSession, seedWorld, type World } from "./support/world";
import { startServer, type AppServer } from "./support/server";
import { changedTables, fingerprint } from "./support/fingerprint";
import { send } from "./support/http";
import { recordFigure } from "./support/figures";

const RUNS = Number(process.env.SECURITY_HTTP_FUZZ_RUNS ?? 6);

let t: TestDatabase;
let world: World;
let server: AppServer;
let cases = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await seedWorld();
  server = await startServer({ databaseUrl: t.url! });
});
afterAll(async () => {
  recordFigure("fuzz cases over HTTP", cases);
  await server?.stop();
  await t?.close();
});

function allowedColumn(row: MatrixRow) {
  const cells = cellsOf(row);
  return (["owner", "pOwn", "anon", ...COLUMNS] as const).find((c) => cells[c] === "ok")!;
}
const actions = MATRIX.filter((r) => r.method === "POST");
const RECORDED_ON_REFUSAL: Record<string, string[]> = { "login.tsx": ["LoginAttempt"], "partners.$orgId.stores.request.tsx": ["CodeAttempt", "ActivityLog"] };

async function target(row: MatrixRow) {
  const person = personFor(allowedColumn(row), row.section);
  const prepared = row.prepare ? await row.prepare({ world, person }) : {};
  const vars = { ...baseVars(world), ...prepared.vars };
  return {
    person,
    path: fill(row.path, vars),
    form: (prepared.form ?? row.form ?? []).map(([k, v]) => [k, fill(v, vars)] as [string, string]),
    cleanup: prepared.cleanup,
  };
}

const hostile = fc.oneof(
  fc.constantFrom("<script>alert(1)</script>", "' OR 1=1 --", "\u0000", "\u202Eabc", "x".repeat(300_000), "-1", "NaN", "{}", "00000000-0000-0000-0000-000000000000"),
  fc.string({ unit: "binary", maxLength: 40 }),
);

describe("hostile forms over HTTP", () => {
  test.each(actions.map((row) => [`${row.route}${row.intent ? ` (${row.intent})` : ""}`, row] as const))("%s", async (_name, row) => {
    const { person, path, form, cleanup } = await target(row);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...form.map(([k]) => k), "intent", "id", "extra"), hostile), { maxLength: 5 }), fc.boolean(), async (noise, keepBase) => {
          cases++;
          const token = person ? await openSession(world, person) : undefined;
          const before = await fingerprint(t.db);
          const fields = [...(keepBase ? form : []), ...noise];
          let sent;
          try {
            sent = await send(server.baseUrl, path, { token, method: "POST", form: fields });
          } catch (error) {
            // A route that answers without reading the body (the customers export) may close the
            // connection while a large body is still being sent: not a server error, if the server lives on.
            if (!/ECONNRESET|EPIPE|other side closed/.test(String((error as { cause?: unknown }).cause ?? error))) throw error;
            expect((await send(server.baseUrl, "/login")).status).toBe(200);
            expect(changedTables(before, await fingerprint(t.db)).filter((x) => x !== "ActivityLog")).toEqual([]);
            return;
          }
          expect(sent.status, `${JSON.stringify(fields).slice(0, 200)} → ${sent.body.slice(0, 200)}`).toBeLessThan(500);
          if (sent.status >= 400) {
            const changed = changedTables(before, await fingerprint(t.db)).filter((x) => !(RECORDED_ON_REFUSAL[row.route] ?? []).includes(x));
            expect(changed).toEqual([]);
          }
        }),
        { numRuns: RUNS },
      );
    } finally {
      await cleanup?.();
    }
  });
});

describe("bodies that are not forms", () => {
  const bodies: [string, Record<string, string>, BodyInit | undefined][] = [
    ["JSON", { "content-type": "application/json" }, '{"intent":"x","email":"a@b.test"}'],
    ["text/plain", { "content-type": "text/plain" }, "intent=x"],
    ["a broken multipart body", { "content-type": "multipart/form-data; boundary=xyz" }, "garbage"],
    ["no body and no type", {}, undefined],
  ];

  // Actions that read no field (sign out, the CSV exports) do their one job whatever the body says.
  const TAKES_NO_FIELDS = new Set(["logout.tsx", "store.$storeId.customers.export.tsx", "store.$storeId.activity[.]csv.tsx"]);

  test("every action answers a non-form body with a 4xx, never a server error, and changes nothing", async () => {
    const outcomes: string[] = [];
    for (const row of actions) {
      const { person, path, cleanup } = await target(row);
      try {
        for (const [label, headers, body] of bodies) {
          const token = person ? await openSession(world, person) : undefined;
          const before = await fingerprint(t.db);
          const sent = await send(server.baseUrl, path, { token, method: "POST", headers, body });
          cases++;
          const changed = TAKES_NO_FIELDS.has(row.route) ? [] : changedTables(before, await fingerprint(t.db));
          if (sent.status >= 500 || changed.length) outcomes.push(`${row.route}${row.intent ? ` (${row.intent})` : ""}, ${label}: ${sent.status}${changed.length ? ` changed ${changed}` : ""}`);
        }
      } finally {
        await cleanup?.();
      }
    }
    expect(outcomes, `server errors on ${outcomes.length} of ${actions.length * bodies.length} (action, body) pairs:\n${outcomes.join("\n")}`).toEqual([]);
  });

  test("an oversized form is refused without a server error", async () => {
    const token = await openSession(world, "owner");
    const sent = await send(server.baseUrl, `/store/${world.store.id}/products/new`, { token, method: "POST", form: { title: "x".repeat(8_000_000), price: "1", status: "ACTIVE" } });
    cases++;
    expect(sent.status).toBeGreaterThanOrEqual(400);
    expect(sent.status).toBeLessThan(500);
  });
});

// ------------------------------------------------------------------------------------------------

const PAYLOAD = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;

describe("text is rendered escaped", () => {
  test("names, titles, notes and messages with HTML in them come back as text on every page that shows them", async () => {
    const owner = await openSession(world, "owner");
    const S = world.store.id;
    const post = async (path: string, form: Record<string, string>, token = owner) => {
      const sent = await send(server.baseUrl, path, { token, method: "POST", form });
      expect(sent.status, `${path}: ${sent.body.slice(0, 300)}`).toBeLessThan(400);
      return sent;
    };
    // The owner writes it into the store's own records.
    const product = await post(`/store/${S}/products/new`, { title: PAYLOAD, description: PAYLOAD, price: "1.00", inventory: "1", sku: PAYLOAD.slice(0, 90), status: "ACTIVE" });
    const customer = await post(`/store/${S}/customers/new`, { firstName: PAYLOAD.slice(0, 90), lastName: "Doe", email: `xss-${Date.now()}@example.test`, note: PAYLOAD, company: PAYLOAD.slice(0, 90), acceptsMarketing: "false" });
    await post(`/store/${S}/orders/${world.s.order}`, { intent: "note", note: PAYLOAD });
    await post(`/store/${S}/users/staff/new`, { email: `xss-staff-${Date.now()}@example.test`, firstName: PAYLOAD.slice(0, 70), lastName: "Staff", "perm.orders": "view" });
    // A stranger writes it into what the owner and partners read: their name, their agency, their message.
    const signup = await send(server.baseUrl, "/signup", { form: { firstName: PAYLOAD.slice(0, 70), lastName: "Evil", email: `xss-partner-${Date.now()}@example.test`, password: "a fine passphrase" } });
    const partnerToken = /__Host-portier_session=([^;]+)/.exec(signup.headers.getSetCookie().join(";"))?.[1];
    expect(partnerToken).toBeTruthy();
    const org = await post("/organizations/new", { name: PAYLOAD.slice(0, 95) }, partnerToken);
    const orgPath = org.location!;
    const code = (await db().store.findUniqueOrThrow({ where: { id: S } })).collaboratorCode;
    await post(`${orgPath}/request`, { storeUrl: world.store.domain, code, "perm.orders": "view", message: PAYLOAD }, partnerToken);
    await post(`/store/${S}/settings`, { intent: "details", name: PAYLOAD.slice(0, 95), contactEmail: world.people.owner.email, address: PAYLOAD, currency: "EUR", timezone: "Europe/Paris", inactivityDays: "90" });

    const productPath = product.location!.split("?")[0];
    const customerPath = customer.location!.split("?")[0];
    const pages: [string, string | undefined][] = [
      [`/store/${S}`, owner],
      [`/store/${S}/products`, owner],
      [productPath, owner],
      [`/store/${S}/customers`, owner],
      [customerPath, owner],
      [`/store/${S}/orders/${world.s.order}`, owner],
      [`/store/${S}/users/staff`, owner],
      [`/store/${S}/users/requests`, owner],
      [`/store/${S}/settings`, owner],
      [orgPath, partnerToken],
      [`${orgPath.replace(/\/stores$/, "")}/activity`, partnerToken],
      ["/account", partnerToken],
    ];
    const raw = ["<script>alert(", "<img src=x onerror"];
    for (const [path, token] of pages) {
      const sent = await send(server.baseUrl, path, { token });
      cases++;
      expect(sent.status, path).toBe(200);
      for (const fragment of raw) expect(sent.body.includes(fragment), `${path} contains the raw ${fragment}`).toBe(false);
      expect(sent.body, `${path} shows the text`).toMatch(/&lt;script&gt;alert\(|\\u003cscript\\u003ealert\(/);
    }
    // The CSV export of the activity log too (it would be opened in a spreadsheet, not a browser, but
    // it must not be served as HTML).
    const csv = await send(server.baseUrl, `/store/${S}/activity.csv`, { token: owner, method: "POST", form: {} });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(csv.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
