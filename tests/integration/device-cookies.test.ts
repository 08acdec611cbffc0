// Sign-in throttle without lock-out (OWASP device cookies): ten wrong passwords from unknown browsers stop
// unknown browsers, while the person, on a browser that signed in to their login before, still signs in;
// that browser has its own, smaller failure limit.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createUser, TEST_PASSWORD } from "../helpers/factories";
import { outcome, post, routeArgs } from "../helpers/routes";
import { signIn } from "~/services/auth.server";
import { LOGIN_THROTTLE } from "~/domain/auth";
import { DEVICE_THROTTLE } from "~/domain/account";
import { hashToken } from "~/lib/tokens.server";
import * as loginRoute from "~/routes/login";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const victimMeta = { ip: "203.0.113.10", userAgent: "victim's browser" };
let n = 0;
const attackerMeta = () => ({ ip: `198.51.100.${++n}` });

async function deviceOf(email: string): Promise<string> {
  const result = await signIn({ email, password: TEST_PASSWORD }, victimMeta);
  if (!result.ok || !result.value.device) throw new Error("sign-in gave no device cookie");
  return result.value.device.token;
}

describe("device cookies", () => {
  test("a successful sign-in hands the browser a device token; only its hash is stored, tied to the login", async () => {
    const user = await createUser();
    const token = await deviceOf(user.email);
    expect(await t.db.trustedDevice.count({ where: { id: token } })).toBe(0);
    expect((await t.db.trustedDevice.findUniqueOrThrow({ where: { id: hashToken(token) } })).userId).toBe(user.id);
    // Signing in again from that browser keeps its token.
    const again = await signIn({ email: user.email, password: TEST_PASSWORD }, { ...victimMeta, deviceToken: token });
    expect(again.ok && again.value.device?.token).toBe(token);
    expect(await t.db.trustedDevice.count({ where: { userId: user.id } })).toBe(1);
  });

  test("the attacker (no device cookie) is stopped; the victim (with one) still signs in", async () => {
    const user = await createUser();
    const device = await deviceOf(user.email);
    for (let i = 0; i <= LOGIN_THROTTLE.perAccount; i++) await signIn({ email: user.email, password: `guess-${i}` }, attackerMeta());
    // The attacker, even with the right password, from an unknown browser: throttled.
    const attacker = await signIn({ email: user.email, password: TEST_PASSWORD }, attackerMeta());
    expect(attacker.ok ? "ok" : attacker.kind).toBe("throttled");
    // The victim, on their browser: in.
    const victim = await signIn({ email: user.email, password: TEST_PASSWORD }, { ...victimMeta, deviceToken: device });
    expect(victim.ok).toBe(true);
    // Another login's device cookie does not count as trusted for this one.
    const other = await createUser();
    const otherDevice = await deviceOf(other.email);
    const borrowed = await signIn({ email: user.email, password: TEST_PASSWORD }, { ...victimMeta, deviceToken: otherDevice });
    expect(borrowed.ok ? "ok" : borrowed.kind).toBe("throttled");
    // A forged or unknown token neither.
    const forged = await signIn({ email: user.email, password: TEST_PASSWORD }, { ...victimMeta, deviceToken: device.slice(0, -2) + "xx" });
    expect(forged.ok ? "ok" : forged.kind).toBe("throttled");
  });

  test("a trusted browser has its own, smaller limit, which does not touch the account's", async () => {
    const user = await createUser();
    const device = await deviceOf(user.email);
    for (let i = 0; i < DEVICE_THROTTLE.perDevice; i++) {
      const wrong = await signIn({ email: user.email, password: `typo-${i}` }, { ...victimMeta, deviceToken: device });
      expect(wrong.ok ? "ok" : wrong.kind).toBe("invalid");
    }
    const stopped = await signIn({ email: user.email, password: TEST_PASSWORD }, { ...victimMeta, deviceToken: device });
    expect(stopped.ok ? "ok" : stopped.kind).toBe("throttled");
    // Unknown browsers still have the account's full allowance.
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, attackerMeta())).ok).toBe(true);
  });

  test("simultaneous guesses through one device cookie never pass its limit", async () => {
    const user = await createUser();
    const device = await deviceOf(user.email);
    const results = await Promise.all(Array.from({ length: DEVICE_THROTTLE.perDevice + 5 }, (_, i) => signIn({ email: user.email, password: `burst-${i}` }, { ...victimMeta, deviceToken: device })));
    expect(results.filter((r) => !r.ok && r.kind === "invalid").length).toBeLessThanOrEqual(DEVICE_THROTTLE.perDevice);
  });

  test("the sign-in route sets the device cookie next to the session cookie and reads it back", async () => {
    const user = await createUser();
    const answer = (await loginRoute.action(routeArgs(post("/login", undefined, { email: user.email, password: TEST_PASSWORD })))) as Response;
    const cookies = answer.headers.getSetCookie();
    expect(cookies.some((c) => /^portier_session=/.test(c))).toBe(true);
    const deviceCookie = cookies.find((c) => /^portier_device=/.test(c));
    expect(deviceCookie).toMatch(/HttpOnly/i);
    const token = /^portier_device=([^;]+)/.exec(deviceCookie ?? "")?.[1] ?? "";
    for (let i = 0; i <= LOGIN_THROTTLE.perAccount; i++) await signIn({ email: user.email, password: `guess-${i}` }, attackerMeta());
    const withCookie = await outcome(loginRoute.action(routeArgs(post("/login", `portier_device=${token}`, { email: user.email, password: TEST_PASSWORD }))));
    expect(withCookie).toMatchObject({ status: 302, location: "/" });
    const without = await outcome(loginRoute.action(routeArgs(post("/login", undefined, { email: user.email, password: TEST_PASSWORD }))));
    expect(without.status).toBe(429);
  });
});
