// Sign up and sign in: one use case each, one transaction each.
import { db } from "~/lib/db.server";
import { hashPassword, verifyPassword, burnPasswordCheck } from "~/lib/password.server";
import { inTransaction, violates } from "~/lib/transaction.server";
import { LOGIN_THROTTLE } from "~/domain/auth";
import { DEVICE_DAYS, DEVICE_THROTTLE, plausibleToken } from "~/domain/account";
import { hashToken, newToken } from "~/lib/tokens.server";
import { ok, refuse, type Result } from "~/domain/result";
import { startSession } from "./sessions.server";
import { logActivity, actorLabel } from "./activity.server";
import { acceptPendingInvitationsFor } from "./organizations.server";

interface Meta {
  ip: string;
  userAgent?: string | null;
}

/** A trusted browser's cookie (README, "Device cookies"): handed out by sign-in, sent back by the browser. */
export interface DeviceCookie {
  token: string;
  expiresAt: Date;
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
 *
 * Device cookies (OWASP): a browser that signed in to this login before sends back the random token it
 * was given (`deviceToken`; only its hash is stored, tied to the login). Its attempts are counted apart,
 * against a smaller limit of their own, and not against the account's: guesses from unknown browsers
 * stop unknown browsers, never the person on their own browser.
 */
export async function signIn(
  input: { email: string; password: string },
  meta: Meta & { deviceToken?: string },
): Promise<Result<{ token: string; expiresAt: Date; userId: string; device: DeviceCookie | null }>> {
  const device = await trustedDevice(meta.deviceToken, input.email);
  const attempt = await db().loginAttempt.create({ data: { email: input.email, ip: meta.ip, succeeded: false, deviceId: device?.id ?? null }, select: { id: true } });
  const since = new Date(Date.now() - LOGIN_THROTTLE.windowMinutes * 60_000);
  const throttled = device
    ? (await db().loginAttempt.count({ where: { deviceId: device.id, succeeded: false, createdAt: { gte: since } } })) > DEVICE_THROTTLE.perDevice
    : await Promise.all([
        db().loginAttempt.count({ where: { email: input.email, deviceId: null, succeeded: false, createdAt: { gte: since } } }),
        db().loginAttempt.count({ where: { ip: meta.ip, deviceId: null, succeeded: false, createdAt: { gte: since } } }),
      ]).then(([accountFailures, addressFailures]) => accountFailures > LOGIN_THROTTLE.perAccount || addressFailures > LOGIN_THROTTLE.perAddress);
  if (throttled) {
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
    const now = new Date();
    const expiresAt = new Date(now.getTime() + DEVICE_DAYS * 86_400_000);
    // Devices unused for as long as a cookie lives are gone for good.
    await tx.trustedDevice.deleteMany({ where: { userId: user.id, lastUsedAt: { lt: new Date(now.getTime() - DEVICE_DAYS * 86_400_000) } } });
    if (device && meta.deviceToken) {
      await tx.trustedDevice.update({ where: { id: device.id }, data: { lastUsedAt: now } });
      return ok({ ...session, userId: user.id, device: { token: meta.deviceToken, expiresAt } });
    }
    const fresh = newToken();
    await tx.trustedDevice.create({ data: { id: fresh.hash, userId: user.id } });
    return ok({ ...session, userId: user.id, device: { token: fresh.token, expiresAt } });
  });
}

/** The trusted device behind a cookie, when it is one of this email's login (else the browser is unknown). */
async function trustedDevice(token: string | undefined, email: string): Promise<{ id: string } | null> {
  if (!plausibleToken(token)) return null;
  const device = await db().trustedDevice.findUnique({ where: { id: hashToken(token) }, select: { id: true, lastUsedAt: true, user: { select: { email: true } } } });
  if (!device || device.user.email !== email) return null;
  if (device.lastUsedAt.getTime() < Date.now() - DEVICE_DAYS * 86_400_000) return null;
  return { id: device.id };
}
