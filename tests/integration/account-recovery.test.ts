// "Forgot your password?" on the real database: the same answer and the same work whether or not the
// email has a login, a single-use link valid 1 hour stored as a hash, the throttle, and the sessions ended.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createUser, TEST_PASSWORD } from "../helpers/factories";
import { errorsOf, get, outcome, post, routeArgs } from "../helpers/routes";
import { getPasswordReset, requestPasswordReset, resetPassword } from "~/services/account-recovery.server";
import { signIn } from "~/services/auth.server";
import { findSession } from "~/services/sessions.server";
import { hashToken } from "~/lib/tokens.server";
import { RESET_THROTTLE } from "~/domain/account";
import { decodeMessage } from "~/i18n/messages";
import type { Result } from "~/domain/result";
import * as forgotRoute from "~/routes/forgot-password";
import * as resetRoute from "~/routes/reset-password.$token";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

let n = 0;
const meta = () => ({ ip: `198.51.100.${++n}`, locale: "en" as const, userAgent: "vitest" });
const keyOf = (result: Result<unknown>) => (result.ok ? null : { kind: result.kind, form: decodeMessage(result.errors.form ?? "").key });

async function lastMailTo(email: string) {
  return t.db.emailOutbox.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
}
function tokenIn(text: string): string {
  const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no reset link in: ${text}`);
  return token;
}
async function resetLinkFor(email: string) {
  const result = await requestPasswordReset({ email }, meta());
  expect(result.ok).toBe(true);
  return tokenIn((await lastMailTo(email)).text);
}

describe("asking for a link", () => {
  test("an email with a login and one without get the same answer, the same statements, and one mail each", async () => {
    const user = await createUser();
    const known = await requestPasswordReset({ email: user.email }, meta());
    const unknown = await requestPasswordReset({ email: "nobody-here@example.test" }, meta());
    expect(known).toEqual(unknown);
    expect(known.ok).toBe(true);
    // Both recorded as a request (the same UPDATE either way); only the login's is tied to a user.
    const rows = await t.db.passwordReset.findMany({ where: { email: { in: [user.email, "nobody-here@example.test"] } } });
    expect(rows.map((row) => [row.email, row.userId])).toEqual(expect.arrayContaining([[user.email, user.id], ["nobody-here@example.test", null]]));
    const toUser = await lastMailTo(user.email);
    expect(toUser.subject).toBe("Reset your Portier password");
    const token = tokenIn(toUser.text);
    expect(toUser.text).toContain("60 minutes");
    // Only the hash is stored.
    expect(rows.some((row) => row.tokenHash === token)).toBe(false);
    expect(rows.some((row) => row.tokenHash === hashToken(token))).toBe(true);
    // The address without a login is told so, with no link that could reset anything.
    const toNobody = await lastMailTo("nobody-here@example.test");
    expect(toNobody.text).not.toMatch(/reset-password\//);
  });

  test("the route answers the same redirect for both, and the page says the same thing", async () => {
    const user = await createUser();
    const a = await outcome(forgotRoute.action(routeArgs(post("/forgot-password", undefined, { email: user.email }))));
    const b = await outcome(forgotRoute.action(routeArgs(post("/forgot-password", undefined, { email: "ghost@example.test" }))));
    expect(a).toEqual({ status: 302, body: null, location: "/forgot-password?sent=1" });
    expect(b).toEqual(a);
  });

  test("French logins get the French mail", async () => {
    const user = await createUser();
    await t.db.user.update({ where: { id: user.id }, data: { locale: "fr" } });
    await requestPasswordReset({ email: user.email }, meta());
    expect((await lastMailTo(user.email)).subject).toBe("Réinitialisez votre mot de passe Portier");
  });

  test("throttled per email, whatever the address, and per address, whatever the email", async () => {
    const user = await createUser();
    for (let i = 0; i < RESET_THROTTLE.perEmail; i++) expect((await requestPasswordReset({ email: user.email }, meta())).ok).toBe(true);
    const mails = await t.db.emailOutbox.count({ where: { to: user.email } });
    expect(keyOf(await requestPasswordReset({ email: user.email }, meta()))).toEqual({ kind: "throttled", form: "account.forgot.throttled" });
    expect(await t.db.emailOutbox.count({ where: { to: user.email } })).toBe(mails);

    const ip = "192.0.2.77";
    for (let i = 0; i < RESET_THROTTLE.perAddress; i++) await requestPasswordReset({ email: `probe-${i}@example.test` }, { ip, locale: "en" });
    const other = await createUser();
    expect(keyOf(await requestPasswordReset({ email: other.email }, { ip, locale: "en" }))).toEqual({ kind: "throttled", form: "account.forgot.throttled" });
    expect((await requestPasswordReset({ email: other.email }, meta())).ok).toBe(true);
  });

  test("simultaneous requests never pass the limit (recorded before counted)", async () => {
    const user = await createUser();
    const results = await Promise.all(Array.from({ length: RESET_THROTTLE.perEmail + 4 }, () => requestPasswordReset({ email: user.email }, meta())));
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(RESET_THROTTLE.perEmail);
    expect(await t.db.emailOutbox.count({ where: { to: user.email } })).toBeLessThanOrEqual(RESET_THROTTLE.perEmail);
  });
});

describe("using the link", () => {
  test("opening the link does not use it; the form sets the password, ends every session and is logged", async () => {
    const user = await createUser();
    const s1 = await signIn({ email: user.email, password: TEST_PASSWORD }, meta());
    const s2 = await signIn({ email: user.email, password: TEST_PASSWORD }, meta());
    if (!s1.ok || !s2.ok) throw new Error("sign-in failed");
    const token = await resetLinkFor(user.email);

    // GET twice (a mail scanner, then the person): still valid.
    for (let i = 0; i < 2; i++) {
      const page = await outcome(resetRoute.loader(routeArgs(get(`/reset-password/${token}`), { token })));
      expect(page.body).toEqual({ state: "valid", email: user.email });
    }

    const done = await outcome(resetRoute.action(routeArgs(post(`/reset-password/${token}`, undefined, { newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" }), { token })));
    expect(done).toEqual({ status: 302, body: null, location: "/login?reset=done" });

    expect(await findSession(s1.value.token)).toBeNull();
    expect(await findSession(s2.value.token)).toBeNull();
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, meta())).ok).toBe(false);
    expect((await signIn({ email: user.email, password: "a brand new passphrase" }, meta())).ok).toBe(true);
    const log = await t.db.activityLog.findFirstOrThrow({ where: { action: "user.password_reset", actorUserId: user.id } });
    expect(log.subject).toBe(user.email);
    expect(JSON.stringify(log.details)).not.toContain("passphrase");

    // Second use: a clear page, and the form refused.
    expect((await getPasswordReset(token)).state).toBe("used");
    const again = await outcome(resetRoute.action(routeArgs(post(`/reset-password/${token}`, undefined, { newPassword: "yet another passphrase", confirmPassword: "yet another passphrase" }), { token })));
    expect(again.status).toBe(409);
    expect(errorsOf(again.body)).toEqual({ form: "account.reset.used.body" });
  });

  test("the two passwords must match: the error is beside the second field, and the link stays unused", async () => {
    const user = await createUser();
    const token = await resetLinkFor(user.email);
    const answer = await outcome(resetRoute.action(routeArgs(post(`/reset-password/${token}`, undefined, { newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrasf" }), { token })));
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.body)).toEqual({ confirmPassword: "account.errors.passwordsDiffer" });
    expect((await getPasswordReset(token)).state).toBe("valid");
  });

  test("an expired link and a tampered link are refused, with their own page", async () => {
    const user = await createUser();
    const token = await resetLinkFor(user.email);
    await t.db.passwordReset.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getPasswordReset(token)).state).toBe("expired");
    expect(keyOf(await resetPassword(token, { newPassword: "a brand new passphrase" }, meta()))).toEqual({ kind: "conflict", form: "account.reset.expired.body" });

    const fresh = await resetLinkFor(user.email);
    const tampered = fresh.slice(0, -2) + (fresh.endsWith("AA") ? "BB" : "AA");
    expect((await getPasswordReset(tampered)).state).toBe("invalid");
    expect((await getPasswordReset("../../etc")).state).toBe("invalid");
    expect(keyOf(await resetPassword(tampered, { newPassword: "a brand new passphrase" }, meta()))).toEqual({ kind: "conflict", form: "account.reset.invalid.body" });
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, meta())).ok).toBe(true);
  });

  test("one link used twice at once: exactly one sets its password", async () => {
    const user = await createUser();
    const token = await resetLinkFor(user.email);
    const results = await Promise.all([
      resetPassword(token, { newPassword: "first passphrase wins" }, meta()),
      resetPassword(token, { newPassword: "second passphrase wins" }, meta()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map(keyOf)).toEqual([{ kind: "conflict", form: "account.reset.used.body" }]);
    const winner = results[0].ok ? "first passphrase wins" : "second passphrase wins";
    expect((await signIn({ email: user.email, password: winner }, meta())).ok).toBe(true);
    expect(await t.db.activityLog.count({ where: { action: "user.password_reset", actorUserId: user.id } })).toBe(1);
  });

  test("using one link voids the login's other links", async () => {
    const user = await createUser();
    const first = await resetLinkFor(user.email);
    const second = await resetLinkFor(user.email);
    expect((await resetPassword(second, { newPassword: "a brand new passphrase" }, meta())).ok).toBe(true);
    expect((await getPasswordReset(first)).state).toBe("used");
  });
});
