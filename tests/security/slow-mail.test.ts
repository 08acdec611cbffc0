// A mail server that takes 20 s to answer must not slow the app: the outbox is leased in a short
// statement and SMTP is spoken outside any transaction, so pages keep their usual latency on both
// databases, no PostgreSQL connection sits "idle in transaction", and each mail arrives once, with the
// outbox row's own Message-ID. Two instances deliver side by side on PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, test } from "vitest";
import { SMTPServer } from "smtp-server";
import { PrismaClient } from "~/generated/prisma/client";
import { openPGlite } from "~/lib/db-adapter.server";
import { db, disconnectDatabase, setDatabase } from "~/lib/db.server";
import { newToken } from "~/lib/tokens.server";
import { createTestDatabase } from "../helpers/test-database";
import { migrationSql } from "../helpers/migrations-sql";
import { createPerson, newStore } from "./support/world";
import { freePort, startServer, type AppServer } from "./support/server";
import { send } from "./support/http";
import { recordFigure } from "./support/figures";

const SMTP_DELAY_MS = Number(process.env.SECURITY_SLOW_SMTP_MS ?? 20_000);
const MAILS = 3;
/** Outbox rows fall due this long after the servers start: the idle latency is measured first. */
const DUE_AFTER_MS = 6_000;
/** On the embedded database the rows must be made before the server starts (it then owns the database). */
const DUE_AFTER_EMBEDDED_MS = 20_000;

interface Received {
  to: string;
  messageId: string;
}

/** An SMTP server that waits SMTP_DELAY_MS before its greeting, then accepts everything. */
async function slowSmtp(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onConnect(_session, callback) {
      setTimeout(() => callback(), SMTP_DELAY_MS);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const messageId = /^Message-ID: (.*)$/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1]?.trim() ?? "";
        for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address.toLowerCase(), messageId });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The owner of a store with a session, and MAILS outbox rows, not due yet (fallDue sets when). */
async function prepare() {
  const owner = await createPerson("SlowMailOwner");
  const store = await newStore(owner, "Slow Mail Store");
  const { token, hash } = newToken();
  await db().session.create({ data: { id: hash, userId: owner.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  const later = new Date(Date.now() + 3_600_000);
  const rows = [];
  for (let i = 0; i < MAILS; i++) {
    rows.push(await db().emailOutbox.create({ data: { to: `slow-${i}@example.test`, subject: `Slow mail ${i}`, text: "Hello", nextAttemptAt: later } }));
  }
  return { token, pagePath: `/store/${store.id}`, rowIds: rows.map((row) => row.id) };
}

/** Once the servers are up (however long they took to start), the rows fall due DUE_AFTER_MS later. */
async function fallDue(rowIds: string[], client = db(), after = DUE_AFTER_MS) {
  const due = new Date(Date.now() + after);
  await client.emailOutbox.updateMany({ where: { id: { in: rowIds } }, data: { nextAttemptAt: due } });
  return due;
}

async function latencies(server: AppServer, pagePath: string, token: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const sent = await send(server.baseUrl, pagePath, { token });
    times.push(performance.now() - started);
    expect(sent.status).toBe(200);
  }
  return times.sort((a, b) => a - b);
}

const median = (values: number[]) => values[Math.floor(values.length / 2)];

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Pages while mail is stuck in SMTP cost what they cost before: the median within 2× (+50 ms), none over 1 s. */
function expectUsualLatency(idle: number[], duringDelivery: number[]) {
  recordFigure("slowMail.requests", duringDelivery.length, "page requests timed while SMTP hangs");
  expect(median(duringDelivery), `idle ${idle.map(Math.round)} ms, during delivery ${duringDelivery.map(Math.round)} ms`).toBeLessThan(2 * median(idle) + 50);
  expect(Math.max(...duringDelivery)).toBeLessThan(1_000);
}

const mailEnv = (smtpUrl: string) => ({ SMTP_URL: smtpUrl, MAIL_DELIVERY: "smtp", MAIL_INTERVAL_MS: "200", MAIL_FROM: "Portier <no-reply@portier.test>" });

describe(`an SMTP server that answers after ${SMTP_DELAY_MS / 1000} s`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  test("PostgreSQL, two instances delivering: pages keep their latency, no connection idles in a transaction, each mail arrives once", async () => {
    const t = await createTestDatabase();
    cleanups.push(() => t.close());
    if (!t.url) throw new Error("needs PostgreSQL (TEST_DATABASE_URL)");
    const smtp = await slowSmtp();
    cleanups.push(smtp.close);
    const { token, pagePath, rowIds } = await prepare();
    const servers = await Promise.all([startServer({ databaseUrl: t.url, env: mailEnv(smtp.url) }), startServer({ databaseUrl: t.url, env: mailEnv(smtp.url) })]);
    cleanups.push(async () => void (await Promise.all(servers.map((s) => s.stop()))));
    const due = await fallDue(rowIds);

    const idle = await latencies(servers[0], pagePath, token, 10);
    expect(Date.now()).toBeLessThan(due.getTime());
    // Both instances have claimed rows and are waiting for the greeting.
    await until(async () => (await db().emailOutbox.count({ where: { id: { in: rowIds }, leaseToken: { not: null } } })) === MAILS, DUE_AFTER_MS + 5_000);
    const during = [...(await latencies(servers[0], pagePath, token, 5)), ...(await latencies(servers[1], pagePath, token, 5))].sort((a, b) => a - b);
    const stuck = await t.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
    expect(Number(stuck[0].count)).toBe(0);
    expectUsualLatency(idle, during);

    await until(() => smtp.received.length >= MAILS, SMTP_DELAY_MS * 3);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rows = await db().emailOutbox.findMany({ where: { id: { in: rowIds } } });
    expect(rows.every((row) => row.sentAt !== null && row.leaseToken === null)).toBe(true);
    expect(smtp.received.map((mail) => mail.messageId).sort()).toEqual(rowIds.map((id) => `<${id}@portier.test>`).sort());
  });

  test("embedded database: pages keep their latency while the only connection is never held by SMTP, each mail arrives once", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "portier-slow-mail-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const pglite = new PGlite({ dataDir: dir });
    for (const sql of migrationSql()) await pglite.exec(sql);
    const target = openPGlite(pglite);
    setDatabase(new PrismaClient({ adapter: target.adapter }), target);
    const { token, pagePath, rowIds } = await prepare();
    // The server will own this database alone: the rows fall due long enough after now for it to start
    // and for the idle latency to be measured first, even on a busy machine.
    const due = await fallDue(rowIds, db(), DUE_AFTER_EMBEDDED_MS);
    await disconnectDatabase();

    const smtp = await slowSmtp();
    cleanups.push(smtp.close);
    const server = await startServer({ pgliteDataDir: dir, env: mailEnv(smtp.url) });
    let stopped = false;
    cleanups.push(async () => void (stopped || (await server.stop())));

    const idle = await latencies(server, pagePath, token, 10);
    expect(Date.now()).toBeLessThan(due.getTime());
    await new Promise((resolve) => setTimeout(resolve, due.getTime() - Date.now() + 1_500));
    expect(smtp.received).toHaveLength(0);
    const during = await latencies(server, pagePath, token, 10).catch((error: Error) => {
      throw new Error(`${error.message}; the server said:\n${server.output().slice(-3000)}`);
    });
    expectUsualLatency(idle, during);

    await until(() => smtp.received.length >= MAILS, SMTP_DELAY_MS * 3);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await server.stop();
    stopped = true;
    const reopened = openPGlite(new PGlite({ dataDir: dir }));
    const client = new PrismaClient({ adapter: reopened.adapter });
    try {
      const rows = await client.emailOutbox.findMany({ where: { id: { in: rowIds } } });
      expect(rows.every((row) => row.sentAt !== null && row.leaseToken === null)).toBe(true);
    } finally {
      await client.$disconnect();
      await reopened.close();
    }
    expect(smtp.received.map((mail) => mail.messageId).sort()).toEqual(rowIds.map((id) => `<${id}@portier.test>`).sort());
  });
});
