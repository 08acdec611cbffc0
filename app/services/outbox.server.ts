// Email goes through an outbox row written in the same transaction as the change it announces, then
// a deliverer sends it over SMTP: a mail is never sent for a change that rolled back, and a failed
// delivery is retried instead of lost. The deliverer leases rows (background/leases.server.ts) and
// speaks SMTP outside any transaction, so a slow mail server holds no database connection.
import nodemailer from "nodemailer";
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { appOrigin, env } from "~/lib/env.server";
import { renderMail, type AnyMail } from "~/mail/render";
import type { Locale } from "~/i18n";
import { claimDue, release, retryDelayMs, settle, type LeasedQueue } from "./background/leases.server";

export interface Outgoing {
  to: string;
  /** The recipient's language (their login's, when they have one); English otherwise. */
  locale: Locale | null | undefined;
  mail: AnyMail;
}

/** Writes the mail, in its recipient's language, into the outbox of the transaction `tx`. */
export async function enqueueMail(tx: Tx, outgoing: Outgoing): Promise<void> {
  const { subject, text } = renderMail(outgoing.mail, outgoing.locale ?? "en", appOrigin());
  await tx.emailOutbox.create({ data: { to: outgoing.to.toLowerCase(), subject, text } });
}

const OUTBOX: LeasedQueue = {
  table: "EmailOutbox",
  unfinished: `"sentAt" IS NULL`,
  orderBy: `"createdAt"`,
  returning: `"id", "to", "subject", "text", "attempts"`,
  maxAttempts: 12,
};

/**
 * Longer than one delivery can take: the transport gives up on a silent server well before (the
 * timeouts below), so a lease never runs out under a delivery that is still going.
 */
const LEASE_MS = 5 * 60_000;
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
const BATCH = 10;

interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  attempts: number;
}

/** The same Message-ID for every attempt at one row: a receiver can tell a retry from a second mail. */
export function messageIdOf(rowId: string, from = env().MAIL_FROM): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "portier.invalid";
  return `<${rowId}@${domain}>`;
}

/**
 * Sends what is due, a batch at a time, until nothing is due, `limit` rows were tried, or `stopping()`
 * says the server is shutting down (claimed rows not tried yet are released for another instance).
 */
export async function deliverDueMail(
  options: { smtpUrl?: string; limit?: number; stopping?: () => boolean; now?: () => Date } = {},
): Promise<{ sent: number; failed: number }> {
  const smtpUrl = options.smtpUrl ?? env().SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const now = options.now ?? (() => new Date());
  const stopping = options.stopping ?? (() => false);
  const limit = options.limit ?? 50;
  // One pooled connection for the whole run: a batch pays for one greeting, not one per mail.
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 1, ...SMTP_TIMEOUTS });
  let sent = 0;
  let failed = 0;
  try {
    while (sent + failed < limit && !stopping()) {
      const claim = await claimDue<OutboxRow>(OUTBOX, { limit: Math.min(BATCH, limit - sent - failed), leaseMs: LEASE_MS, now: now() });
      if (claim.rows.length === 0) break;
      const untried = claim.rows.map((row) => row.id);
      for (const row of claim.rows) {
        if (stopping()) break;
        untried.shift();
        try {
          await transport.sendMail({ from: env().MAIL_FROM, to: row.to, subject: row.subject, text: row.text, messageId: messageIdOf(row.id) });
          await settle(OUTBOX, row.id, claim.token, Prisma.sql`"sentAt" = ${now()}, "lastError" = NULL`);
          sent++;
        } catch (error) {
          const lastError = String((error as Error).message ?? error).slice(0, 500);
          const retryAt = new Date(now().getTime() + retryDelayMs(row.attempts));
          await settle(OUTBOX, row.id, claim.token, Prisma.sql`"lastError" = ${lastError}, "nextAttemptAt" = ${retryAt}`);
          failed++;
        }
      }
      await release(OUTBOX, claim.token, untried);
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}

/** Development mailbox: the newest mails, sent or not. */
export async function listMailbox(limit = 50) {
  return db().emailOutbox.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
