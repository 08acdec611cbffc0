// Your account, through its routes on the real database: name and language, password (the current one
// asked, the other sessions end), email (changed only by the link sent to the new address; the old one
// is told). Every change logged.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createUser, TEST_PASSWORD } from "../helpers/factories";
import { cookieFor } from "../helpers/sections-factories";
import { errorsOf, get, outcome, post, routeArgs, toastOf } from "../helpers/routes";
import { signIn } from "~/services/auth.server";
import { findSession } from "~/services/sessions.server";
import { confirmEmailChange, getEmailChange } from "~/services/account.server";
import { hashToken } from "~/lib/tokens.server";
import { EMAIL_CHANGES_PER_HOUR } from "~/domain/account";
import * as settingsRoute from "~/routes/account_.settings";
import * as confirmRoute from "~/routes/account_.email.$token";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const meta = { ip: "203.0.113.50", userAgent: "vitest" };
const settings = (cookie: string | undefined, fields: Record<string, string>) => outcome(settingsRoute.action(routeArgs(post("/account/settings", cookie, fields))));
const tokenOf = (text: string) => {
  const token = /\/account\/email\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no confirmation link in: ${text}`);
  return token;
};

describe("account settings", () => {
  test("signed out, the page and its forms send to sign-in", async () => {
    expect((await outcome(settingsRoute.loader(routeArgs(get("/account/settings"))))).location).toBe("/login?redirectTo=%2Faccount%2Fsettings");
    expect((await settings(undefined, { intent: "profile", firstName: "X", lastName: "Y", locale: "fr" })).location).toBe("/login");
  });

  test("name and language: saved, the language cookie set, logged", async () => {
    const user = await createUser();
    const cookie = await cookieFor(user);
    const page = await outcome(settingsRoute.loader(routeArgs(get("/account/settings", cookie))));
    expect(page.body).toMatchObject({ email: user.email, firstName: user.firstName, pendingEmail: null });
    const raw = await settingsRoute.action(routeArgs(post("/account/settings", cookie, { intent: "profile", firstName: " Grace\u202E ", lastName: "Hopper", locale: "fr" })));
    expect(raw).toBeInstanceOf(Response);
    expect((raw as Response).headers.get("set-cookie")).toMatch(/portier_lang=fr/);
    expect(await toastOf(cookie)).toEqual({ key: "account.settings.profile.saved" });
    const saved = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([saved.firstName, saved.lastName, saved.locale]).toEqual(["Grace", "Hopper", "fr"]);
    const log = await t.db.activityLog.findFirstOrThrow({ where: { action: "user.profile_changed", actorUserId: user.id } });
    expect(log.details).toEqual({ fields: ["firstName", "lastName", "locale"], locale: "fr" });
    expect(errorsOf((await settings(cookie, { intent: "profile", firstName: "", lastName: "Hopper", locale: "de" })).body)).toEqual({ firstName: "errors.required", locale: "account.errors.locale" });
  });

  test("password: the current one is asked; the other sessions end, this one stays; logged", async () => {
    const user = await createUser();
    const other = await signIn({ email: user.email, password: TEST_PASSWORD }, meta);
    if (!other.ok) throw new Error("sign-in failed");
    const cookie = await cookieFor(user);
    const wrong = await settings(cookie, { intent: "password", currentPassword: "not it at all", newPassword: "a new passphrase", confirmPassword: "a new passphrase" });
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong.body)).toEqual({ currentPassword: "account.errors.currentPassword" });
    const differ = await settings(cookie, { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "a new passphrase", confirmPassword: "another passphrase" });
    expect(errorsOf(differ.body)).toEqual({ confirmPassword: "account.errors.passwordsDiffer" });
    expect(await findSession(other.value.token)).not.toBeNull();

    const done = await settings(cookie, { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "a new passphrase", confirmPassword: "a new passphrase" });
    expect(done.location).toBe("/account/settings");
    expect(await toastOf(cookie)).toEqual({ key: "account.settings.password.changed" });
    expect(await findSession(other.value.token)).toBeNull();
    expect(await findSession(decodeURIComponent(cookie.split("=")[1]))).not.toBeNull();
    expect((await signIn({ email: user.email, password: "a new passphrase" }, meta)).ok).toBe(true);
    expect(await t.db.activityLog.count({ where: { action: "user.password_changed", actorUserId: user.id } })).toBe(1);
  });

  test("email: nothing changes until the link at the new address is opened and confirmed; the old address is told", async () => {
    const user = await createUser();
    const cookie = await cookieFor(user);
    const newEmail = `moved-${user.id.slice(0, 8)}@example.test`;
    expect(errorsOf((await settings(cookie, { intent: "email", newEmail: user.email.toUpperCase(), currentPassword: TEST_PASSWORD })).body)).toEqual({ newEmail: "account.errors.sameEmail" });
    expect(errorsOf((await settings(cookie, { intent: "email", newEmail, currentPassword: "wrong password" })).body)).toEqual({ currentPassword: "account.errors.currentPassword" });
    const taken = await createUser();
    expect(errorsOf((await settings(cookie, { intent: "email", newEmail: taken.email, currentPassword: TEST_PASSWORD })).body)).toEqual({ newEmail: "auth.errors.emailTaken" });

    const asked = await settings(cookie, { intent: "email", newEmail, currentPassword: TEST_PASSWORD });
    expect(asked.location).toBe("/account/settings");
    expect(await toastOf(cookie)).toEqual({ key: "account.settings.email.sent", params: { email: newEmail } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: newEmail } });
    const token = tokenOf(mail.text);
    expect(await t.db.emailChange.count({ where: { tokenHash: token } })).toBe(0);
    expect(((await outcome(settingsRoute.loader(routeArgs(get("/account/settings", cookie))))).body as { pendingEmail: string }).pendingEmail).toBe(newEmail);

    // Opening the link (twice) changes nothing.
    for (let i = 0; i < 2; i++) {
      const page = await outcome(confirmRoute.loader(routeArgs(get(`/account/email/${token}`), { token })));
      expect(page.body).toEqual({ state: "valid", newEmail, currentEmail: user.email });
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const confirmed = await outcome(confirmRoute.action(routeArgs(post(`/account/email/${token}`, cookie, {}), { token })));
    expect(confirmed.location).toBe("/account/settings");
    expect(await toastOf(cookie)).toEqual({ key: "account.email.done", params: { email: newEmail } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    const told = await t.db.emailOutbox.findFirstOrThrow({ where: { to: user.email, subject: "The email of your Portier login was changed" } });
    expect(told.text).toContain(newEmail);
    const log = await t.db.activityLog.findFirstOrThrow({ where: { action: "user.email_changed", actorUserId: user.id } });
    expect([log.subject, log.details]).toEqual([newEmail, { from: user.email }]);
    expect((await signIn({ email: newEmail, password: TEST_PASSWORD }, meta)).ok).toBe(true);

    // A second use: refused, with its page.
    expect((await getEmailChange(token)).state).toBe("used");
    const again = await outcome(confirmRoute.action(routeArgs(post(`/account/email/${token}`, undefined, {}), { token })));
    expect(again.status).toBe(409);
    expect(errorsOf(again.body)).toEqual({ form: "account.email.used.body" });
  });

  test("the address taken meanwhile by another login: refused by the unique constraint, nothing changed", async () => {
    const user = await createUser();
    const cookie = await cookieFor(user);
    const newEmail = `race-${user.id.slice(0, 8)}@example.test`;
    await settings(cookie, { intent: "email", newEmail, currentPassword: TEST_PASSWORD });
    const token = tokenOf((await t.db.emailOutbox.findFirstOrThrow({ where: { to: newEmail } })).text);
    await createUser({ email: newEmail });
    const result = await confirmEmailChange(token, meta.ip);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.form).toContain("account.email.taken");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await t.db.activityLog.count({ where: { action: "user.email_changed", actorUserId: user.id } })).toBe(0);
  });

  test("one link confirmed twice at once: exactly one applies; an expired or replaced link does not", async () => {
    const user = await createUser();
    const cookie = await cookieFor(user);
    const first = `first-${user.id.slice(0, 8)}@example.test`;
    const second = `second-${user.id.slice(0, 8)}@example.test`;
    await settings(cookie, { intent: "email", newEmail: first, currentPassword: TEST_PASSWORD });
    const replaced = tokenOf((await t.db.emailOutbox.findFirstOrThrow({ where: { to: first } })).text);
    await settings(cookie, { intent: "email", newEmail: second, currentPassword: TEST_PASSWORD });
    const token = tokenOf((await t.db.emailOutbox.findFirstOrThrow({ where: { to: second } })).text);
    expect((await getEmailChange(replaced)).state).toBe("used");

    const results = await Promise.all([confirmEmailChange(token, meta.ip), confirmEmailChange(token, meta.ip)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.db.activityLog.count({ where: { action: "user.email_changed", actorUserId: user.id } })).toBe(1);

    const third = `third-${user.id.slice(0, 8)}@example.test`;
    await settings(cookie, { intent: "email", newEmail: third, currentPassword: TEST_PASSWORD });
    const late = tokenOf((await t.db.emailOutbox.findFirstOrThrow({ where: { to: third } })).text);
    await t.db.emailChange.update({ where: { tokenHash: hashToken(late) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getEmailChange(late)).state).toBe("expired");
    expect((await confirmEmailChange(late, meta.ip)).ok).toBe(false);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(second);
  });
});

describe("email change requests", () => {
  test("at most EMAIL_CHANGES_PER_HOUR confirmation mails per login and hour, even at once", async () => {
    const user = await createUser();
    const cookie = await cookieFor(user);
    const answers = await Promise.all(
      Array.from({ length: EMAIL_CHANGES_PER_HOUR + 3 }, (_, i) => settings(cookie, { intent: "email", newEmail: `burst-${i}-${user.id.slice(0, 8)}@example.test`, currentPassword: TEST_PASSWORD })),
    );
    expect(answers.filter((a) => a.status === 302)).toHaveLength(EMAIL_CHANGES_PER_HOUR);
    const refused = answers.filter((a) => a.status !== 302);
    expect(refused.map((a) => [a.status, errorsOf(a.body).form])).toEqual(refused.map(() => [429, "account.errors.emailChangesThrottled"]));
    expect(await t.db.emailChange.count({ where: { userId: user.id } })).toBe(EMAIL_CHANGES_PER_HOUR);
  });
});
