// Sign up and sign in: one use case each, one transaction each.
import { db } from "~/lib/db.server";
import { hashPassword, verifyPassword, burnPasswordCheck } from "~/lib/password.server";
import { inTransaction, violates } from "~/lib/transaction.server";
import { LOGIN_THROTTLE } from "~/domain/auth";
import { ok, refuse, type Result } from "~/domain/result";
import { startSession } from "./sessions.server";
import { logActivity, actorLabel } from "./activity.server";
import { acceptPendingInvitationsFor } from "./organizations.server";

interface Meta {
  ip: string;
  userAgent?: string | null;
}

export type AuthResult = Result<{ token: string; expiresAt: Date; userId: string }>;

export async function signUp(
  input: { firstName: string; lastName: string; email: string; password: string },
  meta: Meta,
): Promise<AuthResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, firstName: input.firstName, lastName: input.lastName, passwordHash },
      });
      await acceptPendingInvitationsFor(tx, user);
      await logActivity(tx, { userId: user.id, label: actorLabel(user), kind: "anonymous", ip: meta.ip }, { action: "user.signed_up" });
      const session = await startSession(tx, user.id, meta);
      return ok({ ...session, userId: user.id });
    });
  } catch (error) {
    if (violates(error, "User_email_key")) return refuse.conflict("email", "auth.errors.emailTaken");
    throw error;
  }
}

/**
 * Throttled per account and per address; the answer never says whether the email exists.
 * The attempt is recorded as failed BEFORE the counts are read and the password checked: of N
 * simultaneous guesses, the k-th to be recorded sees at least k failures, so at most the limit are
 * ever checked, however many arrive at once. A correct password then marks its row as succeeded.
 */
export async function signIn(input: { email: string; password: string }, meta: Meta): Promise<AuthResult> {
  const attempt = await db().loginAttempt.create({ data: { email: input.email, ip: meta.ip, succeeded: false }, select: { id: true } });
  const since = new Date(Date.now() - LOGIN_THROTTLE.windowMinutes * 60_000);
  const [accountFailures, addressFailures] = await Promise.all([
    db().loginAttempt.count({ where: { email: input.email, succeeded: false, createdAt: { gte: since } } }),
    db().loginAttempt.count({ where: { ip: meta.ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (accountFailures > LOGIN_THROTTLE.perAccount || addressFailures > LOGIN_THROTTLE.perAddress) {
    // Refused unchecked: not a guess, so it does not extend the lockout.
    await db().loginAttempt.delete({ where: { id: attempt.id } });
    return refuse.throttled("form", "auth.errors.throttled", LOGIN_THROTTLE.windowMinutes * 60);
  }
  const user = await db().user.findUnique({ where: { email: input.email } });
  const valid = user ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) return refuse.invalid("form", "auth.errors.incorrect");
  return inTransaction(async (tx) => {
    await tx.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
    const session = await startSession(tx, user.id, meta);
    return ok({ ...session, userId: user.id });
  });
}
