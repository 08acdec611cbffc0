import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createUser, createStore, createOrganization, createStaff, TEST_PASSWORD } from "../helpers/factories";
import { signIn, signUp } from "~/services/auth.server";
import { findSession, endSession } from "~/services/sessions.server";
import { createStore as createStoreService } from "~/services/stores.server";
import { createOrganization as createOrganizationService } from "~/services/organizations.server";
import { landingPath, listWorkspaces } from "~/services/workspaces.server";
import { LOGIN_THROTTLE } from "~/domain/auth";
import { violates } from "~/lib/transaction.server";
import { decodeMessage } from "~/i18n/messages";
import type { Result } from "~/domain/result";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const meta = { ip: "203.0.113.7", userAgent: "vitest" };

/** A refusal as the tests read it: its kind and each field's message key (parameters apart). */
function refusalOf(result: Result<unknown>) {
  if (result.ok) return null;
  return { kind: result.kind, errors: Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [field, decodeMessage(message).key])) };
}

describe("sign up and sign in", () => {
  test("sign up creates a login with a hashed password and a working session", async () => {
    const result = await signUp({ firstName: "Ada", lastName: "Lovelace", email: "ada@example.test", password: "a long passphrase" }, meta);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain("a long passphrase");
    const session = await findSession(result.value.token);
    expect(session?.user.email).toBe("ada@example.test");
    // Only the token's hash is stored.
    expect(await t.db.session.count({ where: { id: result.value.token } })).toBe(0);
  });

  test("the same email twice is a field error, whatever its letter case", async () => {
    const result = await signUp({ firstName: "A", lastName: "B", email: "ada@example.test", password: "another passphrase" }, meta);
    expect(refusalOf(result)).toEqual({ kind: "conflict", errors: { email: "auth.errors.emailTaken" } });
  });

  test("wrong password and unknown email get the same answer", async () => {
    const user = await createUser();
    const wrongPassword = await signIn({ email: user.email, password: "nope nope nope" }, meta);
    const unknown = await signIn({ email: "nobody@example.test", password: "nope nope nope" }, meta);
    expect(refusalOf(wrongPassword)).toEqual({ kind: "invalid", errors: { form: "auth.errors.incorrect" } });
    expect(unknown).toEqual(wrongPassword);
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, meta)).ok).toBe(true);
  });

  test("sign-in is throttled per account, even with the right password", async () => {
    const user = await createUser();
    for (let i = 0; i < LOGIN_THROTTLE.perAccount; i++) {
      await signIn({ email: user.email, password: `wrong-${i}` }, { ip: `198.51.100.${i}` });
    }
    expect(refusalOf(await signIn({ email: user.email, password: TEST_PASSWORD }, meta))).toEqual({ kind: "throttled", errors: { form: "auth.errors.throttled" } });
  });

  test("sign-in is throttled per address across accounts", async () => {
    const user = await createUser();
    const ip = "192.0.2.99";
    for (let i = 0; i < LOGIN_THROTTLE.perAddress; i++) await signIn({ email: `guess-${i}@example.test`, password: "x" }, { ip });
    expect(refusalOf(await signIn({ email: user.email, password: TEST_PASSWORD }, { ip }))).toEqual({ kind: "throttled", errors: { form: "auth.errors.throttled" } });
    expect((await signIn({ email: user.email, password: TEST_PASSWORD }, meta)).ok).toBe(true);
  });

  test("sign-out ends the session on the server", async () => {
    const user = await createUser();
    const result = await signIn({ email: user.email, password: TEST_PASSWORD }, meta);
    if (!result.ok) throw new Error("sign-in failed");
    await endSession(result.value.token);
    expect(await findSession(result.value.token)).toBeNull();
  });

  test("an expired session is refused and removed", async () => {
    const user = await createUser();
    const result = await signIn({ email: user.email, password: TEST_PASSWORD }, meta);
    if (!result.ok) throw new Error("sign-in failed");
    await t.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSession(result.value.token)).toBeNull();
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("workspaces", () => {
  test("creating a store makes the creator its owner, with a random required code", async () => {
    const user = await createUser();
    const result = await createStoreService(user, { name: "Test Shop", handle: "test-shop", contactEmail: "hello@test-shop.test", plan: "BASIC" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const store = await t.db.store.findUniqueOrThrow({ where: { id: result.value.storeId }, include: { staffAccounts: true } });
    expect(store.domain).toBe("test-shop.portier.test");
    expect(store.collaboratorCode).toMatch(/^\d{4}$/);
    expect(store.collaboratorCodeRequired).toBe(true);
    expect(store.staffAccounts).toHaveLength(1);
    expect(store.staffAccounts[0]).toMatchObject({ isOwner: true, status: "ACTIVE", userId: user.id });
    const again = await createStoreService(user, { name: "Other", handle: "test-shop", contactEmail: "x@example.test", plan: "BASIC" });
    expect(refusalOf(again)).toEqual({ kind: "conflict", errors: { handle: "stores.new.errors.handleTaken" } });
  });

  test("a second owner for a store is refused by the database", async () => {
    const { store } = await createStore();
    const other = await createUser();
    const error = await t.db.staffAccount
      .create({ data: { storeId: store.id, userId: other.id, email: other.email, firstName: "x", lastName: "y", isOwner: true, status: "ACTIVE", permissions: [] } })
      .catch((e: unknown) => e);
    expect(violates(error, "StaffAccount_one_owner_per_store")).toBe(true);
  });

  test("people land in their only workspace, or choose among several", async () => {
    const user = await createUser();
    expect(landingPath(await listWorkspaces(user.id))).toBeNull();
    const org = await createOrganizationService(user, { name: "Solo Studio" });
    if (!org.ok) throw new Error("organization not created");
    expect(landingPath(await listWorkspaces(user.id))).toBe(`/partners/${org.value.id}/stores`);
    await createStore({ owner: user });
    expect(landingPath(await listWorkspaces(user.id))).toBeNull();
    const workspaces = await listWorkspaces(user.id);
    expect(workspaces.organizations).toHaveLength(1);
    expect(workspaces.stores).toHaveLength(1);
  });

  test("the switcher lists organizations and usable stores by name: owned, or staffed actively with a permission", async () => {
    const user = await createUser();
    const zeta = await createOrganization({ name: "Zeta Agency", members: [user] });
    const alpha = await createOrganization({ name: "Alpha Agency", members: [user] });
    await createOrganization({ name: "Not Mine" });
    const owned = await createStore({ owner: user, name: "Yew Shop" });
    const staffed = await createStore({ name: "Birch Shop" });
    await createStaff(staffed.store.id, user, ["orders_view"]);
    for (const [name, permissions, status] of [
      ["Locked Shop", ["orders_view"], "LOCKED"],
      ["Archived Shop", ["orders_view"], "ARCHIVED"],
      ["Empty Shop", [], "ACTIVE"],
    ] as const) {
      const { store } = await createStore({ name });
      await createStaff(store.id, user, [...permissions], status);
    }
    expect(await listWorkspaces(user.id)).toEqual({
      organizations: [
        { id: alpha.id, name: "Alpha Agency" },
        { id: zeta.id, name: "Zeta Agency" },
      ],
      stores: [
        { id: staffed.store.id, name: "Birch Shop", domain: staffed.store.domain, isOwner: false },
        { id: owned.store.id, name: "Yew Shop", domain: owned.store.domain, isOwner: true },
      ],
    });
    // The frame's switcher takes the first few of each; the account page lists them all.
    expect(await listWorkspaces(user.id, 1)).toEqual({
      organizations: [{ id: alpha.id, name: "Alpha Agency" }],
      stores: [{ id: staffed.store.id, name: "Birch Shop", domain: staffed.store.domain, isOwner: false }],
    });
  });

  test("the activity log cannot be edited or deleted", async () => {
    await createOrganization();
    await t.db.activityLog.create({ data: { action: "test", actorLabel: "x", actorKind: "system" } });
    await expect(t.db.activityLog.updateMany({ data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(t.db.activityLog.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
