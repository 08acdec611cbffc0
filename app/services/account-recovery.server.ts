// "Forgot your password?" (SPEC.md, Logins and accounts): a link by mail, single use, valid 1 hour; then
// the new password, and every session of the login ends. The request's answer never tells whether the
// email has a login, in its words or its timing: both cases run the same statements (record the request,
// look the email up, one UPDATE of the request, one mail into the outbox) and the outbox sends later.
import { db } from "~/lib/db.server";
import { hashPassword } from "~/lib/password.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { inTransaction } from "~/lib/transaction.server";
import { RESET_LINK_MINUTES, RESET_THROTTLE, linkState, plausibleToken, type LinkState } from "~/domain/account";
import { ok, refuse, type Result } from "~/domain/result";
import type { Locale } from "~/i18n";
import { enqueueMail } from "./outbox.server";
import { actorLabel, logActivity } from "./activity.server";

interface Meta {
  ip: string;
  /** The language of the page the request came from: the mail's, when the email has no login. */
  locale: Locale;
}

export const resetPath = (token: string) => `/reset-password/${token}`;

/**
 * The request is recorded BEFORE the counts are read (as sign-in attempts are): of N simultaneous
 * requests, the k-th recorded sees at least k, so no race passes the limit. A refused request is removed:
 * a flood of refused requests does not keep the owner of the address from asking later.
 */
export async function requestPasswordReset(input: { email: string }, meta: Meta): Promise<Result> {
  const { token, hash } = newToken();
  const now = new Date();
  const request = await db().passwordReset.create({
    data: { email: input.email, ip: meta.ip, tokenHash: hash, expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) },
    select: { id: true },
  });
  const since = new Date(now.getTime() - RESET_THROTTLE.windowMinutes * 60_000);
  const [perEmail, perAddress] = await Promise.all([
    db().passwordReset.count({ where: { email: input.email, createdAt: { gte: since } } }),
    db().passwordReset.count({ where: { ip: meta.ip, createdAt: { gte: since } } }),
  ]);
  if (perEmail > RESET_THROTTLE.perEmail || perAddress > RESET_THROTTLE.perAddress) {
    await db().passwordReset.delete({ where: { id: request.id } });
    return refuse.throttled("form", "account.forgot.throttled", RESET_THROTTLE.windowMinutes * 60);
  }
  await inTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, firstName: true, locale: true } });
    await tx.passwordReset.update({ where: { id: request.id }, data: { userId: user?.id ?? null } });
    await enqueueMail(
      tx,
      user
        ? { to: user.email, locale: user.locale, mail: { kind: "passwordReset", params: { name: user.firstName, resetPath: resetPath(token), minutes: RESET_LINK_MINUTES } } }
        : { to: input.email, locale: meta.locale, mail: { kind: "passwordResetNoLogin", params: { signupPath: "/signup", forgotPath: "/forgot-password" } } },
    );
  });
  return ok();
}

/** What the link's page shows; reading it never uses the link (mail scanners open links too). */
export async function getPasswordReset(token: string | undefined): Promise<{ state: LinkState; email: string | null }> {
  if (!plausibleToken(token)) return { state: "invalid", email: null };
  const reset = await db().passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, usedAt: true, user: { select: { email: true } } },
  });
  if (!reset?.user) return { state: "invalid", email: null };
  const state = linkState(reset, new Date());
  return { state, email: state === "valid" ? reset.user.email : null };
}

/**
 * Uses the link and sets the password. The link is taken by one conditional UPDATE (`usedAt IS NULL`):
 * of two submissions at once, exactly one changes the password. Every session of the login ends, the
 * login's other reset links die with this one, and the change is logged.
 */
export async function resetPassword(token: string | undefined, input: { newPassword: string }, meta: { ip: string }): Promise<Result<{ email: string }>> {
  if (!plausibleToken(token)) return refuse.conflict("form", "account.reset.invalid.body");
  // A link that is no longer usable is refused before the (costly) hash; the UPDATE below still decides.
  const { state } = await getPasswordReset(token);
  if (state !== "valid") return refuse.conflict("form", `account.reset.${state}.body`);
  const passwordHash = await hashPassword(input.newPassword);
  const tokenHash = hashToken(token);
  return inTransaction(async (tx) => {
    const now = new Date();
    const taken = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "PasswordReset" SET "usedAt" = ${now}
      WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > ${now} AND "userId" IS NOT NULL
      RETURNING "userId"`;
    if (taken.length === 0) {
      const reset = await tx.passwordReset.findUnique({ where: { tokenHash }, select: { expiresAt: true, usedAt: true, userId: true } });
      const state = reset?.userId ? linkState(reset, now) : "invalid";
      return refuse.conflict("form", state === "used" ? "account.reset.used.body" : state === "expired" ? "account.reset.expired.body" : "account.reset.invalid.body");
    }
    const userId = taken[0].userId;
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true, email: true, firstName: true, lastName: true } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await logActivity(tx, { userId, label: actorLabel(user), kind: "anonymous", ip: meta.ip }, { action: "user.password_reset", subject: user.email });
    return ok({ email: user.email });
  });
}
