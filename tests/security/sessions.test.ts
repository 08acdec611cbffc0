// Forgery, sessions and headers (ASVS V3, V7-style session rules), over HTTP against the production build:
// cross-origin POSTs are refused on every action, the session cookie is HttpOnly/SameSite=Lax/Secure with
// the __Host- prefix, sign-in issues a new session, sign-out and revocation end sessions on the server,
// and every page carries the security headers.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { LOGIN_THROTTLE } from "~/domain/auth";
import { COLUMNS, MATRIX, type MatrixRow } from "./authorization-matrix";
import { baseVars, cellsOf, fill } from "./support/matrix-walk";
import { openSession, seedWorld, WORLD_PASSWORD, type World } from "./support/world";
import { personFor } from "./authorization-matrix";
import { startServer, type AppServer } from "./support/server";
import { changedTables, fingerprint } from "./support/fingerprint";
import { send, setCookie } from "./support/http";
import { recordFigure } from "./support/figures";

let t: TestDatabase;
let world: World;
let server: AppServer;
let requests = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  if (!t.url) throw new Error("needs PostgreSQL (TEST_DATABASE_URL)");
  world = await seedWorld();
  server = await startServer({ databaseUrl: t.url });
});
afterAll(async () => {
  recordFigure("sessions.requests", requests, "forgery, session and header requests");
  await server?.stop();
  await t?.close();
});

/** The first column allowed to perform a row (the owner when possible), so that only the Origin is wrong. */
function allowedColumn(row: MatrixRow) {
  const cells = cellsOf(row);
  return (["owner", "pOwn", "anon", ...COLUMNS] as const).find((c) => cells[c] === "ok");
}

const actions = MATRIX.filter((r) => r.method === "POST");

describe("cross-site request forgery", () => {
  const origins: [string, (base: string) => string | null][] = [
    ["a foreign Origin", () => "https://evil.test"],
    ["no Origin at all", () => null],
    ["Origin: null (sandboxed frame, file:)", () => "null"],
    ["the same host on another port", (base) => base.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 1}`)],
    ["the same host over https", (base) => base.replace("http://", "https://")],
    ["a look-alike suffix", (base) => `${base}.evil.test`],
  ];

  test.each(actions.map((row) => [`${row.route}${row.intent ? ` (${row.intent})` : ""}`, row] as const))(
    "%s refuses every cross-origin POST and changes nothing",
    async (_name, row) => {
      const column = allowedColumn(row);
      expect(column, "a row nobody may perform").toBeTruthy();
      const person = personFor(column!, row.section);
      const token = person ? await openSession(world, person) : undefined;
      const prepared = row.prepare ? await row.prepare({ world, person }) : {};
      try {
        const vars = { ...baseVars(world), ...prepared.vars };
        const target = fill(row.path, vars);
        const form = (prepared.form ?? row.form ?? []).map(([k, v]) => [k, fill(v, vars)] as [string, string]);
        for (const [label, origin] of origins) {
          const before = await fingerprint(t.db);
          const sent = await send(server.baseUrl, target, { token, method: "POST", form, origin: origin(server.baseUrl) });
          requests++;
          expect(sent.status, `${label}: ${sent.body.slice(0, 100)}`).toBe(403);
          expect(sent.body).toMatch(/Cross-site request refused/);
          expect(changedTables(before, await fingerprint(t.db)), label).toEqual([]);
        }
        // Sanity: the very same request from our own origin is accepted (the refusal above was the Origin's).
        const same = await send(server.baseUrl, target, { token, method: "POST", form, ...(row.multipart ? { form: undefined, body: multipart(form) } : {}) });
        requests++;
        expect(same.status, same.body.slice(0, 200)).toBeLessThan(400);
      } finally {
        await prepared.cleanup?.();
      }
    },
  );

  test("other state-changing methods are refused cross-site as well (the app answers them 405 from anywhere) and change nothing", async () => {
    const token = await openSession(world, "owner");
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const before = await fingerprint(t.db);
      const sent = await send(server.baseUrl, `/store/${world.store.id}/settings`, { token, method, origin: "https://evil.test", body: "intent=regenerate" });
      requests++;
      expect(sent.status, method).toBe(405);
      expect(sent.headers.get("allow"), method).toBe("GET, HEAD, POST");
      expect(changedTables(before, await fingerprint(t.db)), method).toEqual([]);
    }
  });
});

function multipart(fields: [string, string][]) {
  const body = new FormData();
  for (const [key, value] of fields) body.append(key, new Blob([value], { type: "text/csv" }), "customers.csv");
  return body;
}

// ------------------------------------------------------------------------------------------------

describe("the session cookie", () => {
  test("sign-in sets a __Host- cookie that is HttpOnly, SameSite=Lax, Secure, Path=/, without Domain, and expiring", async () => {
    const sent = await send(server.baseUrl, "/login", { form: { email: world.people.partnerB.email, password: WORLD_PASSWORD } });
    requests++;
    expect(sent.status).toBe(302);
    const cookie = setCookie(sent);
    expect(cookie, sent.headers.getSetCookie().join("\n")).toBeTruthy();
    const attributes = cookie!.attributes.map((a) => a.toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("secure");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
    expect(attributes.some((a) => a.startsWith("max-age=") || a.startsWith("expires="))).toBe(true);
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // Only the token's hash is stored.
    expect(await db().session.count({ where: { id: cookie!.value } })).toBe(0);
    expect(await db().session.count({ where: { id: hashToken(cookie!.value) } })).toBe(1);
  });

  test("sign-in never adopts a session id the browser already had (fixation)", async () => {
    // A cookie planted by an attacker: unknown, and one of the attacker's own valid sessions.
    const planted = newToken().token;
    const attackerToken = await openSession(world, "partnerB");
    for (const previous of [planted, attackerToken]) {
      const sent = await send(server.baseUrl, "/login", { token: previous, form: { email: world.people.otherOwner.email, password: WORLD_PASSWORD } });
      requests++;
      const issued = setCookie(sent);
      expect(issued?.value).toBeTruthy();
      expect(issued!.value).not.toBe(previous);
      const session = await db().session.findUnique({ where: { id: hashToken(issued!.value) } });
      expect(session?.userId).toBe(world.people.otherOwner.id);
    }
    expect(await db().session.count({ where: { id: hashToken(planted) } })).toBe(0);
    const attackerSession = await db().session.findUniqueOrThrow({ where: { id: hashToken(attackerToken) } });
    expect(attackerSession.userId).toBe(world.people.partnerB.id);
  });

  test("the plain (development) cookie name is not accepted in production", async () => {
    const token = await openSession(world, "owner");
    const sent = await send(server.baseUrl, "/account", { headers: { cookie: `portier_session=${token}` } });
    requests++;
    expect(sent.status).toBe(302);
    expect(sent.location).toMatch(/^\/login/);
  });

  test("sign-out ends the session on the server: the same cookie no longer works", async () => {
    const token = await openSession(world, "partnerA");
    expect((await send(server.baseUrl, "/account", { token })).status).toBe(200);
    const out = await send(server.baseUrl, "/logout", { token, method: "POST" });
    requests += 2;
    expect(out.status).toBe(302);
    expect(setCookie(out)?.attributes.map((a) => a.toLowerCase())).toContain("max-age=0");
    expect(await db().session.count({ where: { id: hashToken(token) } })).toBe(0);
    const again = await send(server.baseUrl, "/account", { token });
    requests++;
    expect(again.status).toBe(302);
    expect(again.location).toMatch(/^\/login/);
  });

  test("an expired session is refused and deleted", async () => {
    const token = await openSession(world, "partnerA");
    await db().session.update({ where: { id: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const sent = await send(server.baseUrl, "/account", { token });
    requests++;
    expect(sent.location).toMatch(/^\/login/);
    expect(await db().session.count({ where: { id: hashToken(token) } })).toBe(0);
  });

  test("revocation takes effect on the very next request: locked staff, removed and suspended collaborators", async () => {
    const owner = await openSession(world, "owner");
    // A staff member with an open session, then locked by the owner over HTTP.
    const person = await db().user.create({ data: { email: `revoked-${Date.now()}@security.test`, firstName: "Rev", lastName: "Oked", passwordHash: "x" } });
    const account = await db().staffAccount.create({ data: { storeId: world.store.id, userId: person.id, email: person.email, firstName: "Rev", lastName: "Oked", status: "ACTIVE", permissions: ["orders_view"] } });
    const { token: staffToken, hash } = newToken();
    await db().session.create({ data: { id: hash, userId: person.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    expect((await send(server.baseUrl, `/store/${world.store.id}/orders`, { token: staffToken })).status).toBe(200);
    expect((await send(server.baseUrl, `/store/${world.store.id}/users/staff/${account.id}`, { token: owner, form: { intent: "lock" } })).status).toBe(302);
    expect((await send(server.baseUrl, `/store/${world.store.id}/orders`, { token: staffToken })).status).toBe(403);
    requests += 3;

    // A collaborator session, then the access removed (and another suspended) by the owner over HTTP.
    for (const intent of ["remove", "suspend"] as const) {
      const partner = await db().user.create({ data: { email: `collab-${intent}-${Date.now()}@security.test`, firstName: "Co", lastName: "Lab", passwordHash: "x" } });
      const organization = await db().partnerOrganization.create({ data: { name: `Revoked ${intent}` } });
      await db().membership.create({ data: { organizationId: organization.id, userId: partner.id } });
      const access = await db().collaboratorAccess.create({
        data: { organizationId: organization.id, storeId: world.store.id, state: "MANAGED", permissions: ["orders_view"], grantedAt: new Date() },
      });
      const request = await db().collaboratorRequest.create({
        data: { organizationId: organization.id, storeId: world.store.id, requestedById: partner.id, status: "APPROVED", permissions: ["orders_view"], grantedPermissions: ["orders_view"], decidedAt: new Date(), decidedById: world.people.owner.id },
      });
      await db().collaboratorAccess.update({ where: { id: access.id }, data: { requestId: request.id } });
      const { token, hash: sessionId } = newToken();
      await db().session.create({ data: { id: sessionId, userId: partner.id, expiresAt: new Date(Date.now() + 3_600_000) } });
      await db().collaboratorSession.create({ data: { sessionId, accessId: access.id, userId: partner.id } });
      expect((await send(server.baseUrl, `/store/${world.store.id}/orders`, { token })).status).toBe(200);
      const done = await send(server.baseUrl, `/store/${world.store.id}/users/collaborators`, { token: owner, form: { intent, accessId: access.id } });
      expect(done.status, done.body.slice(0, 200)).toBe(302);
      const after = await send(server.baseUrl, `/store/${world.store.id}/orders`, { token });
      requests += 3;
      expect([403, 404], `after ${intent}`).toContain(after.status);
      expect(await db().collaboratorSession.count({ where: { accessId: access.id } })).toBe(0);
    }
  });
});

// ------------------------------------------------------------------------------------------------

describe("security headers on every page", () => {
  const gets = MATRIX.filter((r) => r.method === "GET");

  function checkHeaders(headers: Headers, where: string) {
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp, `${where}: Content-Security-Policy`).toMatch(/default-src 'self'/);
    expect(csp, where).toMatch(/frame-ancestors 'none'/);
    expect(csp, where).toMatch(/object-src 'none'/);
    expect(csp, where).toMatch(/base-uri 'none'/);
    expect(csp, where).toMatch(/form-action 'self'/);
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scripts, `${where}: scripts only from us or with this response's nonce`).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts, where).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(headers.get("x-content-type-options"), where).toBe("nosniff");
    expect(headers.get("referrer-policy"), where).toMatch(/^(same-origin|no-referrer|strict-origin(-when-cross-origin)?)$/);
    expect(headers.get("x-frame-options"), where).toBe("DENY");
    expect(headers.get("strict-transport-security"), where).toMatch(/max-age=\d{7,}/);
    expect(headers.get("x-powered-by"), where).toBeNull();
  }

  test.each(gets.map((row) => [row.path, row] as const))("%s, for each actor", async (_path, row) => {
    const vars = baseVars(world);
    for (const column of ["anon", "owner", "cView", "sNone", "pOther"] as const) {
      const person = personFor(column, row.section);
      const token = person ? await openSession(world, person) : undefined;
      const prepared = row.prepare ? await row.prepare({ world, person }) : {};
      const sent = await send(server.baseUrl, fill(row.path, { ...vars, ...prepared.vars }), { token });
      requests++;
      checkHeaders(sent.headers, `${row.path} as ${column} (${sent.status})`);
      await prepared.cleanup?.();
    }
  });

  test("a fresh nonce on every response; error pages and unknown URLs carry the headers too", async () => {
    const a = await send(server.baseUrl, "/login");
    const b = await send(server.baseUrl, "/login");
    const nonce = (s: typeof a) => /'nonce-([^']+)'/.exec(s.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    // Every inline script in the page carries the nonce.
    const scripts = [...a.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) if (!/\bsrc=/.test(attributes)) expect(attributes).toContain(`nonce="${nonce(a)}"`);
    for (const path of ["/no/such/page", `/store/${world.store.id}/orders/00000000-0000-0000-0000-000000000000`, "/favicon.svg"]) {
      const sent = await send(server.baseUrl, path, { token: await openSession(world, "owner") });
      checkHeaders(sent.headers, `${path} (${sent.status})`);
    }
    requests += 5;
  });
});

// ------------------------------------------------------------------------------------------------

describe("guessing and sign-in over HTTP", () => {
  test("the throttled answer is a 429, and a forged client address does not get around the per-address count", async () => {
    // The app sees the socket's address; X-Forwarded-For and its own header, sent from outside, are ignored.
    const forged = (i: number) => ({ "x-forwarded-for": `10.0.${i}.1`, "x-portier-remote-address": `10.1.${i}.1` });
    let last = 0;
    for (let i = 0; i < LOGIN_THROTTLE.perAddress + 1; i++) {
      const sent = await send(server.baseUrl, "/login", { form: { email: `nobody-${i}@security.test`, password: "wrong password" }, headers: forged(i) });
      requests++;
      last = sent.status;
    }
    expect(last).toBe(429);
    const ips = await db().loginAttempt.findMany({ distinct: ["ip"], select: { ip: true } });
    expect(ips.map((r) => r.ip).filter((ip) => ip.startsWith("10."))).toEqual([]);
    await db().loginAttempt.deleteMany({});
  });

  test("the collaborator code throttle over HTTP: five wrong codes, then 429 even with the right code", async () => {
    const token = await openSession(world, "partnerB");
    const code = (await db().store.findUniqueOrThrow({ where: { id: world.store.id } })).collaboratorCode;
    const wrong = code === "1111" ? "2222" : "1111";
    const path = `/partners/${world.orgB.id}/stores/request`;
    for (let i = 0; i < 5; i++) {
      const sent = await send(server.baseUrl, path, { token, form: { storeUrl: world.store.domain, code: wrong, "perm.orders": "view" } });
      expect(sent.status).toBe(400);
    }
    const locked = await send(server.baseUrl, path, { token, form: { storeUrl: world.store.domain, code, "perm.orders": "view" } });
    requests += 6;
    expect(locked.status).toBe(429);
    expect(await db().collaboratorRequest.count({ where: { organizationId: world.orgB.id, storeId: world.store.id } })).toBe(0);
    expect(await db().activityLog.count({ where: { storeId: world.store.id, organizationId: world.orgB.id, action: "collaborator_code.failed_attempt" } })).toBe(5);
  });

  test("hostile redirect targets after sign-in never leave the site and never crash the server", async () => {
    const targets = ["//evil.test", "https://evil.test", "/\\evil.test", "/%2F%2Fevil.test", "javascript:alert(1)", "/\t/evil.test", "/\n/evil.test", "/\r\n/evil.test"];
    const outcomes: string[] = [];
    for (const redirectTo of targets) {
      const sent = await send(server.baseUrl, "/login", { form: { email: world.people.partnerB.email, password: WORLD_PASSWORD, redirectTo } });
      requests++;
      const location = sent.location ?? "";
      const lands = location ? new URL(location, server.baseUrl).origin : server.baseUrl;
      outcomes.push(`${JSON.stringify(redirectTo)} → ${sent.status} ${JSON.stringify(location)} (${lands === server.baseUrl ? "stays" : "LEAVES"})`);
    }
    console.info(outcomes.join("\n"));
    for (const line of outcomes) expect(line).toMatch(/→ 30\d .*\(stays\)$/);
  });
});
