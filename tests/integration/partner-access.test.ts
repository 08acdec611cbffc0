// Log in, Remove access, Remove from list, Dismiss (SPEC.md rules 9 and 10), from the partner's side.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createSession, createStore, createUser } from "../helpers/factories";
import { asPartner, createManagedAccess, declineAsOwner, readResult, sendRequest } from "../helpers/partner-factories";
import { logInToStore } from "~/services/collaborator-login.server";
import { removeAccess, removeFromList, dismissDeclined } from "~/services/partner-access.server";
import { resolveStoreActor } from "~/services/store-access.server";
import { removeMember } from "~/services/organizations.server";
import { listPartnerStores } from "~/services/partner-stores.server";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function managedWorld(permissions: Parameters<typeof createManagedAccess>[4] = ["home_view", "orders_manage", "products_view"]) {
  const partner = await createUser({ firstName: "Nadia", lastName: "Okafor" });
  const organization = await createOrganization({ name: "Northwind Agency", members: [partner] });
  const { store, owner } = await createStore({ name: "Maple Goods" });
  const request = await createManagedAccess(partner, organization.id, store, owner, permissions);
  const session = await createSession(partner);
  return { partner, organization, store, owner, session, accessId: request.accessId, requestId: request.requestId };
}

describe("Log in", () => {
  test("opens the store admin as a collaborator of the organization, with only the granted permissions", async () => {
    const { organization, store, session, accessId, partner } = await managedWorld();
    // Before "Log in" there is no way in: the store does not exist for this person.
    expect(await resolveStoreActor(session, store.id)).toEqual({ ok: false, reason: "notFound" });

    expect(await logInToStore(session, organization.id, accessId, "203.0.113.5")).toEqual({ ok: true, value: { storeId: store.id } });
    expect(await t.db.collaboratorSession.count({ where: { sessionId: session.sessionId, accessId } })).toBe(1);
    const decision = await resolveStoreActor(session, store.id);
    expect(decision.ok && decision.actor).toMatchObject({ kind: "collaborator", organizationId: organization.id, organizationName: "Northwind Agency" });
    expect(decision.ok && [...decision.actor.permissions].sort()).toEqual(["home_view", "orders_manage", "products_view"]);

    const log = await t.db.activityLog.findMany({ where: { storeId: store.id, action: "collaborator_access.logged_in" } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ organizationId: organization.id, actorUserId: partner.id, actorKind: "collaborator" });

    // Logging in twice keeps one session row.
    expect((await logInToStore(session, organization.id, accessId)).ok).toBe(true);
    expect(await t.db.collaboratorSession.count({ where: { sessionId: session.sessionId } })).toBe(1);
  });

  test("another session of the same person is not let in by this one's log-in", async () => {
    const { organization, store, session, accessId, partner } = await managedWorld();
    await logInToStore(session, organization.id, accessId);
    const otherBrowser = await createSession(partner);
    expect(await resolveStoreActor(otherBrowser, store.id)).toEqual({ ok: false, reason: "notFound" });
  });

  test("only on a managed store of the person's own organization", async () => {
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    const { store } = await createStore({ codeRequired: false });
    const pending = await sendRequest(partner, organization.id, store);
    const session = await createSession(partner);
    expect(readResult(await logInToStore(session, organization.id, pending.accessId))).toEqual({ kind: "conflict", errors: { form: "partner.stores.errors.notManaged" } });

    const other = await managedWorld();
    // Someone else's access id, with or without their organization id.
    expect(await logInToStore(session, organization.id, other.accessId)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await logInToStore(session, other.organization.id, other.accessId)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await t.db.collaboratorSession.count({ where: { sessionId: session.sessionId } })).toBe(0);
  });

  test("a suspended access cannot be used to log in", async () => {
    const { organization, session, accessId } = await managedWorld();
    await t.db.collaboratorAccess.update({ where: { id: accessId }, data: { state: "SUSPENDED" } });
    expect(readResult(await logInToStore(session, organization.id, accessId))).toEqual({ kind: "conflict", errors: { form: "partner.stores.errors.suspended" } });
  });

  test("a person removed from the organization is refused on their next request", async () => {
    const { organization, store, session, accessId, partner } = await managedWorld();
    const owner2 = await createUser();
    await t.db.membership.create({ data: { organizationId: organization.id, userId: owner2.id, role: "OWNER" } });
    await logInToStore(session, organization.id, accessId);
    const membership = await t.db.membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: partner.id } });
    expect(readResult(await removeMember(asPartner(owner2), organization.id, membership.id))).toEqual({ ok: true });
    expect((await resolveStoreActor(session, store.id)).ok).toBe(false);
  });
});

describe("Remove access", () => {
  test("ends the access at once: Access removed, sessions gone, the owner told, logged", async () => {
    const { organization, store, session, accessId, partner } = await managedWorld();
    await logInToStore(session, organization.id, accessId);
    expect((await resolveStoreActor(session, store.id)).ok).toBe(true);

    expect(readResult(await removeAccess(asPartner(partner), organization.id, accessId, "203.0.113.5"))).toEqual({ ok: true });
    const access = await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: accessId } });
    expect(access).toMatchObject({ state: "REMOVED", listed: true, permissions: [] });
    expect(await t.db.collaboratorSession.count({ where: { accessId } })).toBe(0);
    // The next request in the store admin is refused.
    expect(await resolveStoreActor(session, store.id)).toEqual({ ok: false, reason: "notFound" });

    const notification = await t.db.notification.findFirstOrThrow({ where: { storeId: store.id, kind: "collaborator_access.removed_by_partner" } });
    expect(notification.params).toMatchObject({ organizationName: "Northwind Agency", partnerEmail: partner.email });
    const log = await t.db.activityLog.findFirstOrThrow({ where: { storeId: store.id, action: "collaborator_access.removed" } });
    expect(log).toMatchObject({ organizationId: organization.id, actorUserId: partner.id });
    expect(log.details).toMatchObject({ by: "partner", previousPermissions: ["home_view", "orders_manage", "products_view"] });

    // It shows as "Access removed" in the list, and can be requested again.
    const page = await listPartnerStores(organization.id);
    expect(page.rows.find((r) => r.accessId === accessId)?.state).toBe("REMOVED");
    const again = await sendRequest(partner, organization.id, store);
    expect(again.accessId).toBe(accessId);
  });

  test("twice is harmless; a pending, declined or foreign access is refused", async () => {
    const { organization, partner, accessId } = await managedWorld();
    expect(readResult(await removeAccess(asPartner(partner), organization.id, accessId))).toEqual({ ok: true });
    expect(readResult(await removeAccess(asPartner(partner), organization.id, accessId))).toEqual({ ok: true });
    expect(await t.db.notification.count({ where: { kind: "collaborator_access.removed_by_partner", params: { path: ["organizationId"], equals: organization.id } } })).toBe(1);

    const { store } = await createStore({ codeRequired: false });
    const pending = await sendRequest(partner, organization.id, store);
    expect(readResult(await removeAccess(asPartner(partner), organization.id, pending.accessId))).toEqual({ kind: "conflict", errors: { form: "partner.stores.errors.wrongState" } });

    const other = await managedWorld();
    expect(await removeAccess(asPartner(partner), organization.id, other.accessId)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await removeAccess(asPartner(partner), other.organization.id, other.accessId)).toMatchObject({ ok: false, kind: "notFound" });
    expect((await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: other.accessId } })).state).toBe("MANAGED");
  });

  test("a suspended access can be given back too", async () => {
    const { organization, partner, accessId } = await managedWorld();
    await t.db.collaboratorAccess.update({ where: { id: accessId }, data: { state: "SUSPENDED" } });
    expect(readResult(await removeAccess(asPartner(partner), organization.id, accessId))).toEqual({ ok: true });
    expect((await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: accessId } })).state).toBe("REMOVED");
  });

  test("Log in and Remove access sent together never leave a usable session on a removed access, whichever runs first", async () => {
    for (let round = 0; round < 5; round++) {
      const { organization, store, session, accessId, partner } = await managedWorld();
      const [login, removal] = await Promise.all([logInToStore(session, organization.id, accessId), removeAccess(asPartner(partner), organization.id, accessId)]);
      expect(readResult(removal)).toEqual({ ok: true });
      expect(readResult(login)).toMatchObject(login.ok ? { ok: true } : { kind: "conflict", errors: { form: "partner.stores.errors.notManaged" } });
      expect(await t.db.collaboratorSession.count({ where: { accessId } })).toBe(0);
      expect((await resolveStoreActor(session, store.id)).ok).toBe(false);
    }
  });
});

describe("Remove from list and Dismiss", () => {
  test("Remove from list hides an Access removed row, and only that", async () => {
    const { organization, partner, accessId } = await managedWorld();
    expect(readResult(await removeFromList(asPartner(partner), organization.id, accessId))).toEqual({ kind: "conflict", errors: { form: "partner.stores.errors.wrongState" } });
    await removeAccess(asPartner(partner), organization.id, accessId);
    expect(readResult(await removeFromList(asPartner(partner), organization.id, accessId))).toEqual({ ok: true });
    expect((await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: accessId } })).listed).toBe(false);
    expect((await listPartnerStores(organization.id)).rows.map((r) => r.accessId)).not.toContain(accessId);
    expect(await t.db.activityLog.count({ where: { organizationId: organization.id, action: "collaborator_access.removed_from_list" } })).toBe(1);
    // Again: already done.
    expect(readResult(await removeFromList(asPartner(partner), organization.id, accessId))).toEqual({ ok: true });
  });

  test("a declined request stays visible as Declined until dismissed", async () => {
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    const { store, owner } = await createStore({ codeRequired: false });
    const request = await sendRequest(partner, organization.id, store);
    await declineAsOwner(owner, store.id, request.requestId);
    expect((await listPartnerStores(organization.id)).rows).toMatchObject([{ accessId: request.accessId, state: "DECLINED" }]);
    expect(readResult(await removeFromList(asPartner(partner), organization.id, request.accessId))).toEqual({ kind: "conflict", errors: { form: "partner.stores.errors.wrongState" } });
    expect(readResult(await dismissDeclined(asPartner(partner), organization.id, request.accessId))).toEqual({ ok: true });
    expect((await listPartnerStores(organization.id)).rows).toEqual([]);
  });

  test("a stranger cannot touch the list", async () => {
    const { organization, partner, accessId } = await managedWorld();
    await removeAccess(asPartner(partner), organization.id, accessId);
    const stranger = await createUser();
    expect(await removeFromList(asPartner(stranger), organization.id, accessId)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await removeAccess(asPartner(stranger), organization.id, accessId)).toMatchObject({ ok: false, kind: "notFound" });
  });
});
