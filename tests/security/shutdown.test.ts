// Graceful shutdown: SIGTERM while a request is still arriving and while a mail is in the middle of its
// SMTP conversation. The request is answered and its change kept, the mail is sent once and marked sent,
// mail claimed but not started is given back and delivered once by the next instance, and the process
// exits 0.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SMTPServer } from "smtp-server";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { freePort, startServer } from "./support/server";
import { recordFigure } from "./support/figures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  if (!t.url) throw new Error("needs PostgreSQL (TEST_DATABASE_URL)");
});
afterAll(() => t?.close());

const exitOf = (child: import("node:child_process").ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

describe("SIGTERM", () => {
  test("during a request whose body is still arriving: it is answered, its change is kept, the process exits 0", async () => {
    const server = await startServer({ databaseUrl: t.url! });
    const email = `slow-${Date.now()}@example.test`;
    const body = new URLSearchParams({ firstName: "Slow", lastName: "Sender", email, password: "a long enough passphrase" }).toString();
    const answer = new Promise<{ status: number; connection?: string }>((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port: server.port, method: "POST", path: "/signup", headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" } },
        (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 10));
      // The rest arrives a second after the server was told to stop.
      setTimeout(() => request.end(body.slice(10)), 1_500);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.process.kill("SIGTERM");
    const exited = exitOf(server.process);
    expect(await answer).toMatchObject({ status: 302 });
    expect(await exited).toBe(0);
    expect(await db().user.count({ where: { email } })).toBe(1);
    // New connections are refused once it stopped.
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
  });

  test("during a mail delivery: that mail is sent once and marked sent, the rest is given back and sent once by the next instance", async () => {
    const received: string[] = [];
    let firstGreeting = true;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      // The first conversation is slow: the server is stopped while it is going on.
      onConnect(_session, callback) {
        const delay = firstGreeting ? 2_500 : 0;
        firstGreeting = false;
        setTimeout(() => callback(), delay);
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push(/^Message-ID: (.*)$/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1]?.trim() ?? "");
          callback();
        });
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
    try {
      await db().emailOutbox.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
      const rows = [];
      for (let i = 0; i < 5; i++) rows.push(await db().emailOutbox.create({ data: { to: `stop-${i}@example.test`, subject: `Stop ${i}`, text: "Hello" } }));
      const env = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_DELIVERY: "smtp", MAIL_INTERVAL_MS: "100" };
      const first = await startServer({ databaseUrl: t.url!, env });
      // Wait until it holds a lease (the SMTP greeting is slow), then stop it.
      for (let i = 0; i < 100 && (await db().emailOutbox.count({ where: { leaseToken: { not: null } } })) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await db().emailOutbox.count({ where: { leaseToken: { not: null } } })).toBeGreaterThan(0);
      first.process.kill("SIGTERM");
      expect(await exitOf(first.process)).toBe(0);
      // It finished the mail in hand and gave the rest back: nothing is leased any more.
      expect(await db().emailOutbox.count({ where: { id: { in: rows.map((r) => r.id) }, leaseToken: { not: null } } })).toBe(0);
      const sentByFirst = await db().emailOutbox.count({ where: { id: { in: rows.map((r) => r.id) }, sentAt: { not: null } } });
      expect(sentByFirst).toBeGreaterThanOrEqual(1);
      expect(sentByFirst).toBeLessThan(5);

      const second = await startServer({ databaseUrl: t.url!, env });
      for (let i = 0; i < 100 && received.length < 5; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      await second.stop();
      expect(received.sort()).toEqual(rows.map((row) => `<${row.id}@portier.test>`).sort());
      expect(await db().emailOutbox.count({ where: { id: { in: rows.map((r) => r.id) }, sentAt: null } })).toBe(0);
      recordFigure("shutdown.mails", received.length, "mails delivered exactly once across a graceful restart");
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
