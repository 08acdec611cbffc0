// The rules hold across instances: TWO production app servers share one PostgreSQL database, and the
// product's races are driven over HTTP with the simultaneous requests spread over both. After every
// round the invariants are checked in the database, and no request may fail with a server error.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectTestDatabase, createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { newToken } from "~/lib/tokens.server";
import { ALL_PERMISSIONS } from "~/domain/permissions";
import { createPerson, newOrganization, newRequest, newStaff, newStore, type Person } from "./support/world";
import { freePort, runningServer, startServer, type AppServer } from "./support/server";
import { send, type Sent } from "./support/http";
import { brokenInvariants } from "./support/invariants";
import { recordFigure } from "./support/figures";

const ROUNDS = Number(process.env.SECURITY_INSTANCE_ROUNDS ?? 8);
const suiteStarted = new Date();

let t: TestDatabase;
let servers: AppServer[] = [];
let rounds = 0;
let requests = 0;
/** Message-IDs the SMTP server received from both instances (an in-process one, or CI's catcher's folder). */
const received: string[] = [];
let smtp: SMTPServer | undefined;

const messageIdOf = (raw: string) => /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? "";

/** Both instances deliver the outbox to one SMTP server at the same time. */
async function startSmtp(): Promise<string> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(messageIdOf(Buffer.concat(chunks).toString("utf8")));
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => smtp!.listen(port, "127.0.0.1", resolve));
  return `smtp://127.0.0.1:${port}`;
}

function receivedSoFar(): string[] {
  const dir = process.env.SECURITY_INSTANCE_MAIL_DIR;
  if (!external.length || !dir) return received;
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((file) => messageIdOf((JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { raw: string }).raw));
}

// CI points this suite at two production instances it started itself with `npm start`, the way the
// README says, on a PostgreSQL database it migrated with `npm run db:migrate`
// (SECURITY_INSTANCE_URLS=http://…,http://… and SECURITY_INSTANCE_DATABASE_URL). Without them the suite
// starts two servers of the build on a fresh database of its own.
const external = process.env.SECURITY_INSTANCE_URLS?.split(",").filter(Boolean) ?? [];

beforeAll(async () => {
  if (external.length) {
    if (external.length < 2) throw new Error("SECURITY_INSTANCE_URLS needs two instances");
    const url = process.env.SECURITY_INSTANCE_DATABASE_URL;
    if (!url) throw new Error("SECURITY_INSTANCE_URLS needs SECURITY_INSTANCE_DATABASE_URL, the database those instances use");
    t = await connectTestDatabase(url);
    servers = external.map((baseUrl) => runningServer(baseUrl));
    return;
  }
  t = await createTestDatabase();
  if (!t.url) throw new Error("needs PostgreSQL (TEST_DATABASE_URL)");
  const env = { SMTP_URL: await startSmtp(), MAIL_DELIVERY: "smtp", MAIL_INTERVAL_MS: "100" };
  servers = await Promise.all([startServer({ databaseUrl: t.url, env }), startServer({ databaseUrl: t.url, env })]);
});
afterAll(async () => {
  recordFigure("instances.servers", servers.length, external.length ? "app server instances started by `npm start`, sharing one PostgreSQL" : "app server instances sharing one PostgreSQL");
  recordFigure("instances.rounds", rounds, "race rounds across two instances");
  recordFigure("instances.requests", requests, "simultaneous HTTP requests in cross-instance races");
  await Promise.all(servers.map((s) => s.stop()));
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await t?.close();
});

async function sessionOf(person: Person): Promise<string> {
  const { token, hash } = newToken();
  await db().session.create({ data: { id: hash, userId: person.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  return token;
}

/** Fires every request before any answers, alternating instances; the origin is each instance's own. */
async function burst(calls: { path: string; token: string; form: Record<string, string> }[]): Promise<Sent[]> {
  requests += calls.length;
  const order = calls.map((_, i) => i).sort(() => Math.random() - 0.5);
  const pending: Promise<Sent>[] = new Array(calls.length);
  for (const i of order) {
    const server = servers[i % servers.length];
    pending[i] = send(server.baseUrl, calls[i].path, { token: calls[i].token, method: "POST", form: calls[i].form });
  }
  const answers = await Promise.all(pending);
  for (const a of answers) expect(a.status, a.body.slice(0, 300)).toBeLessThan(500);
  return answers;
}

async function expectInvariants(label: string) {
  expect(await brokenInvariants(t.db), label).toEqual({});
  rounds++;
}

const succeeded = (answers: Sent[]) => answers.filter((a) => a.status >= 300 && a.status < 400 && !a.location?.startsWith("/login"));

describe(`two app instances, one PostgreSQL, ${ROUNDS} rounds per race`, () => {
  test("both instances serve the same sessions and data", async () => {
    const person = await createPerson("Both");
    const token = await sessionOf(person);
    for (const server of servers) expect((await send(server.baseUrl, "/account", { token })).status).toBe(200);
    await send(servers[0].baseUrl, "/logout", { token, method: "POST" });
    expect((await send(servers[1].baseUrl, "/account", { token })).location).toMatch(/^\/login/);
  });

  test("cap of 10: 30 simultaneous requests to 30 stores through both instances leave exactly 10 pending", async () => {
    const owner = await createPerson("CapOwner");
    const stores = [];
    for (let i = 0; i < 30; i++) stores.push(await newStore(owner, `Cap ${i}`, "BASIC"));
    for (let round = 1; round <= ROUNDS; round++) {
      const partner = await createPerson("CapPartner");
      const organization = await newOrganization("Cap", [partner]);
      const token = await sessionOf(partner);
      const answers = await burst(
        stores.map((s) => ({ path: `/partners/${organization.id}/stores/request`, token, form: { storeUrl: s.domain, code: s.code, "perm.orders": "view" } })),
      );
      expect(succeeded(answers), `round ${round}`).toHaveLength(10);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(20);
      expect(await db().collaboratorRequest.count({ where: { organizationId: organization.id, status: "PENDING" } })).toBe(10);
      await expectInvariants(`cap, round ${round}`);
    }
  });

  test("one request per store: 12 simultaneous requests for one store by one organization leave exactly one", async () => {
    const owner = await createPerson("OneOwner");
    for (let round = 1; round <= ROUNDS; round++) {
      const store = await newStore(owner, "One", "BASIC");
      const members = [await createPerson("One1"), await createPerson("One2")];
      const organization = await newOrganization("One", members);
      const tokens = await Promise.all(members.map(sessionOf));
      const answers = await burst(
        Array.from({ length: 12 }, (_, i) => ({ path: `/partners/${organization.id}/stores/request`, token: tokens[i % 2], form: { storeUrl: store.domain, code: store.code, "perm.orders": "view" } })),
      );
      expect(succeeded(answers), `round ${round}`).toHaveLength(1);
      expect(await db().collaboratorRequest.count({ where: { storeId: store.id } })).toBe(1);
      await expectInvariants(`one per store, round ${round}`);
    }
  });

  test("approve (instance 1) vs cancel (instance 2) vs decline: exactly one outcome", async () => {
    const owner = await createPerson("DecideOwner");
    const manager = await createPerson("DecideManager");
    const store = await newStore(owner, "Decide", "ADVANCED");
    await newStaff(store.id, manager, ALL_PERMISSIONS);
    const ownerToken = await sessionOf(owner);
    const managerToken = await sessionOf(manager);
    const outcomes: Record<string, number> = {};
    for (let round = 1; round <= ROUNDS * 2; round++) {
      const partner = await createPerson("DecidePartner");
      const organization = await newOrganization("Decide", [partner]);
      const request = await newRequest(partner, organization.id, store, ["orders_view"]);
      const partnerToken = await sessionOf(partner);
      const answers = await burst([
        { path: `/store/${store.id}/users/requests`, token: ownerToken, form: { intent: "approve", requestId: request.requestId, "perm.orders": "view" } },
        { path: `/partners/${organization.id}/stores?index`, token: partnerToken, form: { intent: "cancel", id: request.requestId } },
        { path: `/store/${store.id}/users/requests`, token: managerToken, form: { intent: "decline", requestId: request.requestId } },
      ]);
      const final = await db().collaboratorRequest.findUniqueOrThrow({ where: { id: request.requestId } });
      const access = await db().collaboratorAccess.findUniqueOrThrow({ where: { id: request.accessId } });
      expect(final.status).not.toBe("PENDING");
      expect(access.state).toBe({ APPROVED: "MANAGED", CANCELLED: "CANCELLED", DECLINED: "DECLINED", PENDING: "?" }[final.status]);
      // The winner succeeded, the two others were told (409), none failed.
      expect(answers.filter((a) => a.status === 409), JSON.stringify(answers.map((a) => a.status))).toHaveLength(2);
      outcomes[final.status] = (outcomes[final.status] ?? 0) + 1;
      await expectInvariants(`decide, round ${round}`);
    }
    console.info("cross-instance decision outcomes:", outcomes);
  });

  test("staff invite (one instance) vs collaborator request (the other) for the same person: never both", async () => {
    const owner = await createPerson("ExOwner");
    const ownerToken = await sessionOf(owner);
    const outcomes: Record<string, number> = {};
    for (let round = 1; round <= ROUNDS * 2; round++) {
      const store = await newStore(owner, "Exclusive", "ADVANCED");
      const person = await createPerson("ExPerson");
      const colleague = await createPerson("ExColleague");
      const organization = await newOrganization("Exclusive", [person, colleague]);
      const colleagueToken = await sessionOf(colleague);
      const [invite, request] = await burst([
        { path: `/store/${store.id}/users/staff/new`, token: ownerToken, form: { email: person.email, firstName: "P", lastName: "Q", "perm.orders": "view" } },
        { path: `/partners/${organization.id}/stores/request`, token: colleagueToken, form: { storeUrl: store.domain, code: store.code, "perm.orders": "view" } },
      ]);
      const wins = succeeded([invite, request]).length;
      expect(wins, `round ${round}: ${invite.status} ${request.status}`).toBe(1);
      const key = succeeded([invite]).length ? "staff won" : "collaborator won";
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      await expectInvariants(`exclusive, round ${round}`);
    }
    console.info("cross-instance staff vs collaborator outcomes:", outcomes);
  });

  test("staff limit: 6 simultaneous invitations on a Basic store (2 seats) through both instances give 2 accounts", async () => {
    const owner = await createPerson("LimitOwner");
    const ownerToken = await sessionOf(owner);
    for (let round = 1; round <= ROUNDS; round++) {
      const store = await newStore(owner, "Limit", "BASIC");
      const answers = await burst(
        Array.from({ length: 6 }, (_, i) => ({
          path: `/store/${store.id}/users/staff/new`,
          token: ownerToken,
          form: { email: `seat-${i}-${randomUUID().slice(0, 6)}@instances.test`, firstName: "S", lastName: String(i), "perm.orders": "view" },
        })),
      );
      expect(succeeded(answers), `round ${round}`).toHaveLength(2);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(4);
      await expectInvariants(`staff limit, round ${round}`);
    }
  });

  test.runIf(!external.length || process.env.SECURITY_INSTANCE_MAIL_DIR)("the races' mail: both instances deliver at once, every outbox row arrives exactly once", async () => {
    const sentRows = async () => db().emailOutbox.findMany({ where: { createdAt: { gte: suiteStarted } }, select: { id: true, sentAt: true, to: true } });
    let rows = await sentRows();
    for (let i = 0; i < 300 && rows.some((row) => !row.sentAt); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rows = await sentRows();
    }
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((row) => !row.sentAt)).toEqual([]);
    const ids = receivedSoFar();
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const twice = rows.filter((row) => (counts.get(`<${row.id}@portier.test>`) ?? 0) > 1);
    const missing = rows.filter((row) => !counts.has(`<${row.id}@portier.test>`));
    expect({ twice, missing }).toEqual({ twice: [], missing: [] });
    recordFigure("instances.mails", rows.length, "mails delivered exactly once by two instances at once");
  });
});
