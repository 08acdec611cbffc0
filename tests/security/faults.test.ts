// Faults: a use case that fails halfway leaves nothing behind, and mail survives an SMTP server that is
// down or refuses: each outbox row arrives exactly once when the server comes back (at-least-once
// delivery with the row marked sent in the same transaction that claimed it).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SMTPServer } from "smtp-server";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { requestAccess } from "~/services/access-requests.server";
import { approveRequest, removeCollaborator } from "~/services/collaborator-decisions.server";
import { inviteStaff } from "~/services/staff.server";
import { deliverDueMail } from "~/services/outbox.server";
import { createPerson, newManagedAccess, newOrganization, newRequest, newStore, ownerActor, type Person } from "./support/world";
import { changedTables, fingerprint } from "./support/fingerprint";
import { brokenInvariants } from "./support/invariants";
import { freePort } from "./support/server";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const asUser = (p: Person) => ({ ...p, locale: null });

/** Makes every INSERT into `table` fail, inside the same transaction as the use case's other writes. */
async function failInserts(table: "EmailOutbox" | "ActivityLog" | "Notification") {
  await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION security_injected_failure() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'injected failure on %', TG_TABLE_NAME USING ERRCODE = 'XX000'; END $$ LANGUAGE plpgsql`);
  await db().$executeRawUnsafe(`CREATE TRIGGER "security_injected_failure" BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION security_injected_failure()`);
  return () => db().$executeRawUnsafe(`DROP TRIGGER "security_injected_failure" ON "${table}"`);
}

describe("a transaction that fails halfway leaves no partial state", () => {
  test.each(["EmailOutbox", "ActivityLog", "Notification"] as const)("request access, when the %s insert throws", async (table) => {
    const owner = await createPerson("FaultOwner");
    const partner = await createPerson("FaultPartner");
    const store = await newStore(owner, "Fault Store");
    const organization = await newOrganization("Fault", [partner]);
    const before = await fingerprint(t.db);
    const restore = await failInserts(table);
    try {
      await expect(
        requestAccess(asUser(partner), organization.id, { storeDomain: store.domain, code: store.code, permissions: ["orders_view"], message: "hi" }, "192.0.2.1"),
      ).rejects.toThrow(/injected failure/);
    } finally {
      await restore();
    }
    expect(changedTables(before, await fingerprint(t.db))).toEqual([]);
    // And the same request then goes through: nothing half-written is in its way.
    const retry = await requestAccess(asUser(partner), organization.id, { storeDomain: store.domain, code: store.code, permissions: ["orders_view"], message: "hi" }, "192.0.2.1");
    expect(retry.ok).toBe(true);
    expect(await brokenInvariants(t.db)).toEqual({});
  });

  test("approve, remove collaborator and invite staff, when the outbox insert throws", async () => {
    const owner = await createPerson("FaultOwner2");
    const partner = await createPerson("FaultPartner2");
    const store = await newStore(owner, "Fault Store 2");
    const organization = await newOrganization("Fault2", [partner]);
    const pending = await newRequest(partner, organization.id, store, ["orders_view"]);
    const partner3 = await createPerson("FaultPartner3");
    const other = await newOrganization("Fault3", [partner3]);
    const managed = await newManagedAccess(partner3, other.id, store, owner, ["orders_view"]);
    const actor = await ownerActor(owner, store.id);

    const before = await fingerprint(t.db);
    const restore = await failInserts("EmailOutbox");
    try {
      await expect(approveRequest(actor, store.id, pending.requestId, ["orders_view"], "203.0.113.1")).rejects.toThrow(/injected failure/);
      await expect(removeCollaborator(actor, store.id, managed.accessId, "203.0.113.1")).rejects.toThrow(/injected failure/);
      await expect(
        inviteStaff(actor, store.id, { email: `fault-${randomUUID().slice(0, 6)}@security.test`, firstName: "F", lastName: "S", permissions: ["orders_view"] }, "203.0.113.1"),
      ).rejects.toThrow(/injected failure/);
    } finally {
      await restore();
    }
    expect(changedTables(before, await fingerprint(t.db))).toEqual([]);
    expect(await brokenInvariants(t.db)).toEqual({});
  });
});

// ------------------------------------------------------------------------------------------------
// Mail: at-least-once through a real SMTP server that goes down and comes back

interface Catcher {
  received: { to: string; subject: string }[];
  refuseNext: number;
  close: () => Promise<void>;
}

async function smtpOn(port: number, state: { received: Catcher["received"]; refuseNext: number }): Promise<Catcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.refuseNext > 0) {
          state.refuseNext--;
          const error = new Error("Mailbox busy, try later") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? "";
        for (const rcpt of session.envelope.rcptTo) state.received.push({ to: rcpt.address.toLowerCase(), subject });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return Object.assign(state, { close: () => new Promise<void>((resolve) => server.close(() => resolve())) }) as Catcher;
}

/** The backoff has elapsed (instead of waiting for it): every unsent row is due again now. */
const makeDue = () => db().emailOutbox.updateMany({ where: { sentAt: null }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

describe("email delivery from the outbox", () => {
  test("SMTP down, refusing, then back: every outbox row arrives exactly once", async () => {
    await db().emailOutbox.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } }); // earlier tests' mail is not ours
    const owner = await createPerson("MailOwner");
    const store = await newStore(owner, "Mail Store");
    // Ten mails from real use cases: each request mails the owner (store contact = owner, one row each).
    for (let i = 0; i < 10; i++) {
      const partner = await createPerson(`MailPartner${i}`);
      const organization = await newOrganization(`Mail${i}`, [partner]);
      await newRequest(partner, organization.id, store, ["orders_view"]);
    }
    const rows = await db().emailOutbox.findMany({ where: { sentAt: null } });
    expect(rows.length).toBe(10);
    const port = await freePort();
    const smtpUrl = `smtp://127.0.0.1:${port}`;
    const state = { received: [] as Catcher["received"], refuseNext: 0 };

    // 1. Nobody listening: nothing is lost, every row records the failure and waits.
    const down = await deliverDueMail({ smtpUrl, limit: 5 });
    expect(down.sent).toBe(0);
    expect(down.failed).toBe(5);
    const failedRows = await db().emailOutbox.findMany({ where: { attempts: { gt: 0 } } });
    expect(failedRows.every((r) => r.sentAt === null && r.lastError && r.nextAttemptAt > new Date())).toBe(true);

    // 2. Up, but refusing the first three messages with a temporary error, and accepting three more.
    await makeDue();
    let smtp = await smtpOn(port, state);
    state.refuseNext = 3;
    const partly = await deliverDueMail({ smtpUrl, limit: 6 });
    expect(partly).toEqual({ sent: 3, failed: 3 });
    await smtp.close();

    // 3. Down again in the middle of the run.
    await makeDue();
    const downAgain = await deliverDueMail({ smtpUrl, limit: 50 });
    expect(downAgain.sent).toBe(0);

    // 4. Back for good, with two deliverers side by side (two app instances): the rest arrives, once.
    smtp = await smtpOn(port, state);
    await makeDue();
    const [a, b] = await Promise.all([deliverDueMail({ smtpUrl }), deliverDueMail({ smtpUrl })]);
    expect(a.sent + b.sent).toBe(7);
    expect(await deliverDueMail({ smtpUrl })).toEqual({ sent: 0, failed: 0 });
    await smtp.close();

    const sent = await db().emailOutbox.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(sent.every((r) => r.sentAt !== null)).toBe(true);
    // Exactly once per row: the subjects name each organization, so each row is recognisable.
    const bySubject = new Map<string, number>();
    for (const mail of state.received) bySubject.set(mail.subject, (bySubject.get(mail.subject) ?? 0) + 1);
    for (const row of rows) {
      const encoded = [...bySubject.keys()].filter((s) => s === row.subject || decodeMimeHeader(s) === row.subject);
      expect(encoded, `mail "${row.subject}"`).toHaveLength(1);
      expect(bySubject.get(encoded[0]), `mail "${row.subject}"`).toBe(1);
    }
    expect(state.received).toHaveLength(10);
  });
});

/** Subjects with non-ASCII characters arrive MIME-encoded (=?UTF-8?Q?...?=). */
function decodeMimeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );
}
