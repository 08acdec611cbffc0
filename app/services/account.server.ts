// Your account (SPEC.md, Logins and accounts): name and language, password (the current one asked; the
// person's other sessions end), and email, which changes only when the link sent to the new address is
// opened (single use, hashed, expiring) and the old address is told. Every change is logged.
import { db } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "~/lib/password.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { inTransaction, violates } from "~/lib/transaction.server";
import { LOGIN_THROTTLE } from "~/domain/auth";
import { EMAIL_CHANGE_HOURS, EMAIL_CHANGES_PER_HOUR, linkState, plausibleToken, type LinkState } from "~/domain/account";
import { ok, refuse, type Refusal, type Result } from "~/domain/result";
import type { Locale } from "~/i18n";
import { enqueueMail } from "./outbox.server";
import { actorLabel, logActivity, type Actor } from "./activity.server";

interface Person {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

const selfActor = (user: Person, ip: string): Actor => ({ userId: user.id, label: actorLabel(user), kind: "anonymous", ip });

export const emailChangePath = (token: string) => `/account/email/${token}`;

export async function getAccountSettings(userId: string) {
  const now = new Date();
  const [user, pending] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, lastName: true, locale: true } }),
    db().emailChange.findFirst({ where: { userId, usedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, select: { newEmail: true } }),
  ]);
  return { ...user, pendingEmail: pending?.newEmail ?? null };
}

/**
 * The current password, asked before a change: checked under the sign-in throttle (a failure is recorded
 * as a failed sign-in BEFORE the counts are read), so a stolen session cannot guess it faster.
 */
async function checkCurrentPassword(user: Person, password: string, ip: string): Promise<Refusal | null> {
  const attempt = await db().loginAttempt.create({ data: { email: user.email, ip, succeeded: false }, select: { id: true } });
  const since = new Date(Date.now() - LOGIN_THROTTLE.windowMinutes * 60_000);
  const failures = await db().loginAttempt.count({ where: { email: user.email, deviceId: null, succeeded: false, createdAt: { gte: since } } });
  if (failures > LOGIN_THROTTLE.perAccount) {
    await db().loginAttempt.delete({ where: { id: attempt.id } });
    return refuse.throttled("form", "auth.errors.throttled", LOGIN_THROTTLE.windowMinutes * 60);
  }
  const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(password, stored.passwordHash))) return refuse.invalid("currentPassword", "account.errors.currentPassword");
  await db().loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  return null;
}

export async function updateProfile(user: Person, input: { firstName: string; lastName: string; locale: Locale }, ip: string): Promise<Result<{ locale: Locale }>> {
  return inTransaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { firstName: true, lastName: true, locale: true } });
    const fields = (["firstName", "lastName", "locale"] as const).filter((field) => before[field] !== input[field]);
    if (fields.length === 0) return ok({ locale: input.locale });
    const after = await tx.user.update({ where: { id: user.id }, data: input, select: { id: true, email: true, firstName: true, lastName: true } });
    await logActivity(tx, selfActor(after, ip), { action: "user.profile_changed", subject: user.email, details: { fields, ...(fields.includes("locale") ? { locale: input.locale } : {}) } });
    return ok({ locale: input.locale });
  });
}

/** Sets a new password; every session of the person but this one (`sessionId`) ends. */
export async function changePassword(user: Person, sessionId: string, input: { currentPassword: string; newPassword: string }, ip: string): Promise<Result> {
  const refused = await checkCurrentPassword(user, input.currentPassword, ip);
  if (refused) return refused;
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await tx.session.deleteMany({ where: { userId: user.id, id: { not: sessionId } } });
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await logActivity(tx, selfActor(user, ip), { action: "user.password_changed", subject: user.email, details: { otherSessionsEnded: ended.count } });
    return ok();
  });
}

/** Sends the confirmation link to the new address; nothing changes until it is opened. */
export async function requestEmailChange(user: Person & { locale: Locale | null }, input: { newEmail: string; currentPassword: string }, ip: string): Promise<Result<{ newEmail: string }>> {
  if (input.newEmail === user.email) return refuse.invalid("newEmail", "account.errors.sameEmail");
  const refused = await checkCurrentPassword(user, input.currentPassword, ip);
  if (refused) return refused;
  const { token, hash } = newToken();
  return inTransaction(async (tx) => {
    // The person's row, locked: their simultaneous requests queue, so none passes the hourly count.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id}::uuid FOR UPDATE`;
    const now = new Date();
    const recent = await tx.emailChange.count({ where: { userId: user.id, createdAt: { gte: new Date(now.getTime() - 3_600_000) } } });
    if (recent >= EMAIL_CHANGES_PER_HOUR) return refuse.throttled("form", "account.errors.emailChangesThrottled", 3600);
    if (await tx.user.findUnique({ where: { email: input.newEmail }, select: { id: true } })) return refuse.conflict("newEmail", "auth.errors.emailTaken");
    // One pending change at a time: an earlier link stops working.
    await tx.emailChange.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.emailChange.create({ data: { userId: user.id, newEmail: input.newEmail, tokenHash: hash, expiresAt: new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3_600_000) } });
    await enqueueMail(tx, {
      to: input.newEmail,
      locale: user.locale,
      mail: { kind: "emailChangeConfirm", params: { name: user.firstName, newEmail: input.newEmail, confirmPath: emailChangePath(token), hours: EMAIL_CHANGE_HOURS } },
    });
    await logActivity(tx, selfActor(user, ip), { action: "user.email_change_requested", subject: user.email, details: { newEmail: input.newEmail } });
    return ok({ newEmail: input.newEmail });
  });
}

/** What the confirmation page shows; opening it never applies the change. */
export async function getEmailChange(token: string | undefined): Promise<{ state: LinkState; newEmail: string | null; currentEmail: string | null }> {
  if (!plausibleToken(token)) return { state: "invalid", newEmail: null, currentEmail: null };
  const change = await db().emailChange.findUnique({ where: { tokenHash: hashToken(token) }, select: { newEmail: true, expiresAt: true, usedAt: true, user: { select: { email: true } } } });
  const state = linkState(change, new Date());
  return state === "valid" && change ? { state, newEmail: change.newEmail, currentEmail: change.user.email } : { state, newEmail: null, currentEmail: null };
}

const STATE_BODY = { used: "account.email.used.body", expired: "account.email.expired.body", invalid: "account.email.invalid.body" } as const;

/**
 * Applies the change: the link is taken by one conditional UPDATE (`usedAt IS NULL`), the email is set
 * under its unique constraint (another login may have taken the address since the link was sent), the
 * old address is told, and reset links mailed to the old address stop working.
 */
export async function confirmEmailChange(token: string | undefined, ip: string): Promise<Result<{ userId: string; newEmail: string }>> {
  if (!plausibleToken(token)) return refuse.conflict("form", STATE_BODY.invalid);
  const tokenHash = hashToken(token);
  try {
    return await inTransaction(async (tx) => {
      const now = new Date();
      const taken = await tx.$queryRaw<{ userId: string; newEmail: string }[]>`
        UPDATE "EmailChange" SET "usedAt" = ${now}
        WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > ${now}
        RETURNING "userId", "newEmail"`;
      if (taken.length === 0) {
        const change = await tx.emailChange.findUnique({ where: { tokenHash }, select: { expiresAt: true, usedAt: true } });
        const state = linkState(change, now);
        return refuse.conflict("form", STATE_BODY[state === "valid" ? "invalid" : state]);
      }
      const { userId, newEmail } = taken[0];
      const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true, lastName: true, locale: true } });
      const user = await tx.user.update({ where: { id: userId }, data: { email: newEmail }, select: { id: true, email: true, firstName: true, lastName: true } });
      await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
      await enqueueMail(tx, { to: before.email, locale: before.locale, mail: { kind: "emailChanged", params: { name: before.firstName, newEmail } } });
      await logActivity(tx, selfActor(user, ip), { action: "user.email_changed", subject: newEmail, details: { from: before.email } });
      return ok({ userId, newEmail });
    });
  } catch (error) {
    if (violates(error, "User_email_key")) return refuse.conflict("form", "account.email.taken", { email: await newEmailOf(tokenHash) });
    throw error;
  }
}

async function newEmailOf(tokenHash: string): Promise<string> {
  return (await db().emailChange.findUnique({ where: { tokenHash }, select: { newEmail: true } }))?.newEmail ?? "";
}
