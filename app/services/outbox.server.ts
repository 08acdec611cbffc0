// Email goes through an outbox row written in the same transaction as the change it announces, then
// a deliverer sends it over SMTP: a mail is never sent for a change that rolled back, and a failed
// delivery is retried instead of lost (at-least-once).
import nodemailer from "nodemailer";
import { db, type Tx } from "~/lib/db.server";
import { env } from "~/lib/env.server";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export async function enqueueMail(tx: Tx, mail: Mail): Promise<void> {
  await tx.emailOutbox.create({ data: { to: mail.to.toLowerCase(), subject: mail.subject, text: mail.text } });
}

const MAX_ATTEMPTS = 12;

function backoffSeconds(attempts: number): number {
  return Math.min(3600, 5 * 2 ** attempts);
}

/**
 * Sends what is due. Each row is claimed with FOR UPDATE SKIP LOCKED so that several app instances can
 * deliver side by side without sending a mail twice.
 */
export async function deliverDueMail(options: { smtpUrl?: string; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const smtpUrl = options.smtpUrl ?? env().SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  let failed = 0;
  try {
    for (let i = 0; i < (options.limit ?? 50); i++) {
      const outcome = await db().$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ id: string; to: string; subject: string; text: string; attempts: number }[]>`
          SELECT "id", "to", "subject", "text", "attempts" FROM "EmailOutbox"
          WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now() AND "attempts" < ${MAX_ATTEMPTS}
          ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        const row = rows[0];
        if (!row) return "empty" as const;
        try {
          await transport.sendMail({ from: env().MAIL_FROM, to: row.to, subject: row.subject, text: row.text });
          await tx.emailOutbox.update({ where: { id: row.id }, data: { sentAt: new Date(), attempts: row.attempts + 1, lastError: null } });
          return "sent" as const;
        } catch (error) {
          await tx.emailOutbox.update({
            where: { id: row.id },
            data: {
              attempts: row.attempts + 1,
              lastError: String((error as Error).message ?? error).slice(0, 500),
              nextAttemptAt: new Date(Date.now() + backoffSeconds(row.attempts + 1) * 1000),
            },
          });
          return "failed" as const;
        }
      }, { timeout: 60_000 });
      if (outcome === "empty") break;
      if (outcome === "sent") sent++;
      else failed++;
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
