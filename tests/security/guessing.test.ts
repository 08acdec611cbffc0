// Guessing (ASVS V6): collaborator request codes and passwords cannot be guessed online. These tests
// show each throttle at its limit, under concurrency too, and what an attacker can and cannot do around
// it. The README's "Security" section turns the same numbers into the attacker's best odds per day.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { requestAccess, CODE_ATTEMPT_LIMIT_PER_ADDRESS } from "~/services/access-requests.server";
import { getCodeSettings } from "~/services/store-settings.server";
import { signIn } from "~/services/auth.server";
import { CODE_ATTEMPT_LIMIT, CODE_LOCKOUT_MINUTES } from "~/domain/collaborator-code";
import { LOGIN_THROTTLE } from "~/domain/auth";
import { decodeMessage } from "~/i18n/messages";
import { createPerson, newOrganization, newStore, ownerActor, WORLD_PASSWORD, type Person } from "./support/world";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const asUser = (p: Person) => ({ ...p, locale: null });

/** On PostgreSQL the guesses race on their own connections; on PGlite (SECURITY_ON_PGLITE) its one connection takes them in turn. */
const TOGETHER = process.env.TEST_DATABASE_URL ? "simultaneous" : "successive (embedded database: one connection)";

/** A use case's answer as the person reads it: "ok", or the refusal's kind and message key (parameters apart). */
type Answer = { ok: true } | { ok: false; kind: string; errors: Record<string, string> };
const said = (result: Answer) => (result.ok ? "ok" : `${result.kind} ${decodeMessage(Object.values(result.errors)[0]).key}`);
const paramsOf = (result: Answer) => (result.ok ? {} : (decodeMessage(Object.values(result.errors)[0]).params ?? {}));
const wrongCodes = (right: string) => Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, "0")).filter((c) => c !== right);

async function scene() {
  const owner = await createPerson("CodeOwner");
  const store = await newStore(owner, "Guarded Store");
  const attacker = await createPerson("Guesser");
  const organization = await newOrganization("Guessers", [attacker]);
  const guess = (code: string, ip: string, org = organization.id, who = attacker) =>
    requestAccess(asUser(who), org, { storeDomain: store.domain, code, permissions: ["orders_view"], message: null }, ip);
  return { owner, store, attacker, organization, guess };
}

describe("collaborator request code throttle", () => {
  test(`after ${CODE_ATTEMPT_LIMIT} wrong codes an organization is refused for the store for ${CODE_LOCKOUT_MINUTES} minutes, even with the right code; the owner sees the attempts`, async () => {
    const { owner, store, organization, guess } = await scene();
    const wrong = wrongCodes(store.code);
    for (let i = 0; i < CODE_ATTEMPT_LIMIT; i++) {
      expect(said(await guess(wrong[i], "198.51.100.10"))).toBe("invalid partner.request.errors.code");
    }
    const locked = await guess(store.code, "198.51.100.10");
    expect(said(locked)).toBe("throttled partner.request.errors.throttled");
    expect(Number(paramsOf(locked).minutes)).toBeGreaterThan(CODE_LOCKOUT_MINUTES - 2);
    // Refused attempts while locked are not even counted (nothing was checked).
    expect(await db().codeAttempt.count({ where: { storeId: store.id } })).toBe(CODE_ATTEMPT_LIMIT);
    expect(await db().collaboratorRequest.count({ where: { storeId: store.id } })).toBe(0);

    // The owner sees who tried, and that they are blocked; each attempt is in the store's activity log.
    const settings = await getCodeSettings(await ownerActor(owner, store.id), store.id);
    expect(settings?.failedAttempts).toEqual([expect.objectContaining({ organizationId: organization.id, attempts: CODE_ATTEMPT_LIMIT, blocked: true })]);
    expect(await db().activityLog.count({ where: { storeId: store.id, action: "collaborator_code.failed_attempt" } })).toBe(CODE_ATTEMPT_LIMIT);

    // An hour later the right code works again.
    await db().$executeRaw`UPDATE "CodeAttempt" SET "createdAt" = "createdAt" - interval '61 minutes' WHERE "storeId" = ${store.id}::uuid`;
    expect((await guess(store.code, "198.51.100.10")).ok).toBe(true);
  });

  test(`30 ${TOGETHER} guesses from one organization still check at most 5 codes`, async () => {
    const { store, guess } = await scene();
    const wrong = wrongCodes(store.code);
    const results = await Promise.all(wrong.slice(0, 30).map((code, i) => guess(code, `198.51.100.${i}`)));
    const answers = results.map(said);
    expect(answers.filter((a) => a === "invalid partner.request.errors.code")).toHaveLength(CODE_ATTEMPT_LIMIT);
    expect(answers.filter((a) => a === "throttled partner.request.errors.throttled")).toHaveLength(30 - CODE_ATTEMPT_LIMIT);
    expect(await db().codeAttempt.count({ where: { storeId: store.id } })).toBe(CODE_ATTEMPT_LIMIT);
  });

  test(`one address is stopped after ${CODE_ATTEMPT_LIMIT_PER_ADDRESS} wrong codes for a store, however many organizations it uses`, async () => {
    const { store, attacker, guess } = await scene();
    const wrong = wrongCodes(store.code);
    const organizations = [];
    for (let i = 0; i < 6; i++) organizations.push(await newOrganization(`Sock puppet ${i}`, [attacker]));
    const answers: string[] = [];
    // Concurrent as well: the per-address count is read under the store's row lock.
    await Promise.all(
      organizations.map(async (org, o) => {
        for (let i = 0; i < CODE_ATTEMPT_LIMIT; i++) {
          const r = await guess(wrong[o * 10 + i], "203.0.113.66", org.id);
          answers.push(said(r));
        }
      }),
    );
    expect(answers.filter((a) => a === "invalid partner.request.errors.code")).toHaveLength(CODE_ATTEMPT_LIMIT_PER_ADDRESS);
    expect(await db().codeAttempt.count({ where: { storeId: store.id, ip: "203.0.113.66" } })).toBe(CODE_ATTEMPT_LIMIT_PER_ADDRESS);
    // A fresh organization on that address is refused too, even with the right code.
    const fresh = await newOrganization("Fresh puppet", [attacker]);
    expect(said(await guess(store.code, "203.0.113.66", fresh.id))).toBe("throttled partner.request.errors.throttled");
    // A partner from another address is not locked out by the attacker.
    const honest = await createPerson("Honest");
    const honestOrg = await newOrganization("Honest", [honest]);
    expect((await guess(store.code, "192.0.2.200", honestOrg.id, honest)).ok).toBe(true);
  });

  test("an empty code is refused without costing an attempt; a store without a code ignores the field", async () => {
    const { store, guess } = await scene();
    for (let i = 0; i < 10; i++) expect(said(await guess("", "198.51.100.20"))).toBe("invalid partner.request.errors.code");
    expect(await db().codeAttempt.count({ where: { storeId: store.id } })).toBe(0);
    await db().store.update({ where: { id: store.id }, data: { collaboratorCodeRequired: false } });
    expect((await guess("9999", "198.51.100.20")).ok).toBe(true);
  });
});

describe("sign-in throttles", () => {
  const meta = (ip: string) => ({ ip, userAgent: "security-suite" });

  test(`per account: after ${LOGIN_THROTTLE.perAccount} failures in ${LOGIN_THROTTLE.windowMinutes} minutes, from any addresses, even the right password is refused`, async () => {
    const victim = await createPerson("Victim");
    const results = await Promise.all(
      Array.from({ length: LOGIN_THROTTLE.perAccount }, (_, i) => signIn({ email: victim.email, password: `guess ${i}` }, meta(`198.51.100.${i}`))),
    );
    expect(results.map(said)).toEqual(results.map(() => "invalid auth.errors.incorrect"));
    expect(said(await signIn({ email: victim.email, password: WORLD_PASSWORD }, meta("192.0.2.1")))).toBe("throttled auth.errors.throttled");
    // Once the window has passed, the right password works.
    await db().$executeRaw`UPDATE "LoginAttempt" SET "createdAt" = "createdAt" - interval '16 minutes' WHERE "email" = ${victim.email}`;
    expect((await signIn({ email: victim.email, password: WORLD_PASSWORD }, meta("192.0.2.1"))).ok).toBe(true);
  });

  test(`a burst of 40 ${TOGETHER} guesses against one account checks at most the allowed number of passwords`, async () => {
    const victim = await createPerson("Burst");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn({ email: victim.email, password: `burst guess ${i}` }, meta(`198.51.100.${100 + i}`))),
    );
    const checked = await db().loginAttempt.count({ where: { email: victim.email } });
    expect(checked, `${checked} passwords checked; answers: ${JSON.stringify(results.map(said))}`).toBeLessThanOrEqual(LOGIN_THROTTLE.perAccount);
  });

  test(`per address: after ${LOGIN_THROTTLE.perAddress} failures from one address, that address is refused for every account`, async () => {
    const someone = await createPerson("Someone");
    for (let i = 0; i < LOGIN_THROTTLE.perAddress; i++) await signIn({ email: `spray-${i}@security.test`, password: "Winter2026!" }, meta("203.0.113.200"));
    expect(said(await signIn({ email: someone.email, password: WORLD_PASSWORD }, meta("203.0.113.200")))).toBe("throttled auth.errors.throttled");
    expect((await signIn({ email: someone.email, password: WORLD_PASSWORD }, meta("203.0.113.201"))).ok).toBe(true);
  });

  test("the answer never says whether the account exists, and throttled attempts are not checked at all", async () => {
    const known = await createPerson("Known");
    const a = await signIn({ email: known.email, password: "wrong password" }, meta("192.0.2.50"));
    const b = await signIn({ email: "nobody-at-all@security.test", password: "wrong password" }, meta("192.0.2.51"));
    expect(a).toEqual(b);
    const before = await db().loginAttempt.count();
    const victim = await createPerson("Locked");
    for (let i = 0; i < LOGIN_THROTTLE.perAccount; i++) await signIn({ email: victim.email, password: "x" }, meta("192.0.2.52"));
    const countAtLimit = await db().loginAttempt.count();
    expect(countAtLimit - before).toBe(LOGIN_THROTTLE.perAccount);
    for (let i = 0; i < 5; i++) await signIn({ email: victim.email, password: `another ${i}` }, meta("192.0.2.53"));
    expect(await db().loginAttempt.count()).toBe(countAtLimit);
  });
});
