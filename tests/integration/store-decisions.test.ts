import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStaff, createStore, createUser } from "../helpers/factories";
import { accessOf, actorFor, collaboratorSession, createPendingRequest, logOf, mailsTo, resolveFor } from "../helpers/store-factories";
import {
  approveRequest,
  changeCollaboratorPermissions,
  declineRequest,
  listCollaborators,
  listPendingRequests,
  changeCollaboratorAccess,
} from "~/services/collaborator-decisions.server";
import { cancelRequest } from "~/services/access-requests.server";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function world(options: { plan?: "BASIC" | "STANDARD" | "ADVANCED" } = {}) {
  const { store, owner } = await createStore({ plan: options.plan });
  const partner = await createUser({ firstName: "Nadia", lastName: "Okafor" });
  const colleague = await createUser();
  const organization = await createOrganization({ members: [partner, colleague] });
  const ownerActor = await actorFor(owner, store.id);
  return { store, owner, partner, colleague, organization, ownerActor };
}

describe("approving and declining requests", () => {
  test("the owner sees the pending request with who asked, what and why", async () => {
    const { store, partner, organization } = await world();
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner, permissions: ["orders_manage", "customers_view"], message: "Seasonal campaign" });
    const pending = await listPendingRequests(store.id);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      id: request.id,
      permissions: ["orders_manage", "customers_view"],
      message: "Seasonal campaign",
      organization: { name: organization.name },
      requestedBy: { email: partner.email },
    });
  });

  test("approve with narrowed permissions creates the access, resolves the notification, mails every member and logs", async () => {
    const { store, partner, colleague, organization, ownerActor } = await world();
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner, permissions: ["orders_manage", "products_manage"] });
    const result = await approveRequest(ownerActor, store.id, request.id, ["orders_view", "home_view"]);
    expect(result).toEqual({ ok: true, value: { organizationName: organization.name } });

    const decided = await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(decided.status).toBe("APPROVED");
    expect(decided.grantedPermissions).toEqual(["home_view", "orders_view"]);
    expect(decided.decidedById).toBe(ownerActor.userId);
    const access = await accessOf(organization.id, store.id);
    expect(access).toMatchObject({ state: "MANAGED", permissions: ["home_view", "orders_view"], listed: true, requestId: request.id });
    expect(access.grantedAt).toBeInstanceOf(Date);
    expect((await t.db.notification.findFirstOrThrow({ where: { requestId: request.id } })).resolvedAt).not.toBeNull();
    for (const person of [partner, colleague]) {
      const mails = await mailsTo(person.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toContain(store.name);
      expect(mails[0].text).toContain("Orders: View");
    }
    const [entry] = await logOf(store.id, "collaborator_request.approved");
    expect(entry).toMatchObject({ organizationId: organization.id, actorKind: "owner", subject: organization.name });
    expect((await t.db.partnerOrganization.findUniqueOrThrow({ where: { id: organization.id } })).pendingRequestCount).toBe(0);
    expect(await listCollaborators(store.id)).toMatchObject([{ id: access.id, state: "MANAGED", organization: { name: organization.name } }]);
  });

  test("the staff section is never granted to a collaborator, and at least one section is needed", async () => {
    const { store, partner, organization, ownerActor } = await world();
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    expect(await approveRequest(ownerActor, store.id, request.id, ["staff_view", "orders_view"])).toMatchObject({ ok: false, kind: "invalid", errors: { permissions: "store.permissions.errors.staffSection" } });
    expect(await approveRequest(ownerActor, store.id, request.id, [])).toMatchObject({ ok: false, errors: { permissions: "errors.permissions.empty" } });
    expect((await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  test("a request of another store is not found, and nothing changes", async () => {
    const { partner, organization, ownerActor } = await world();
    const other = await createStore();
    const request = await createPendingRequest({ organization, storeId: other.store.id, requester: partner });
    expect(await approveRequest(ownerActor, ownerActor.store.id, request.id, ["orders_view"])).toMatchObject({ ok: false, kind: "notFound" });
    expect(await declineRequest(ownerActor, ownerActor.store.id, request.id)).toMatchObject({ ok: false, kind: "notFound" });
    // Nor may an actor of one store act on another store by passing its id.
    expect(await approveRequest(ownerActor, other.store.id, request.id, ["orders_view"])).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  test("staff with staff:manage decide but grant only what they hold; staff:view and collaborators cannot decide", async () => {
    const { store, partner, organization } = await world();
    const manager = await createUser();
    await createStaff(store.id, manager, ["staff_manage", "orders_view", "home_view"]);
    const viewer = await createUser();
    await createStaff(store.id, viewer, ["staff_view", "orders_manage"]);
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner, permissions: ["orders_manage"] });

    const managerActor = await actorFor(manager, store.id);
    expect(await approveRequest(managerActor, store.id, request.id, ["orders_manage"])).toMatchObject({ ok: false, errors: { permissions: "store.permissions.errors.exceeds" } });
    expect(await approveRequest(await actorFor(viewer, store.id), store.id, request.id, ["orders_view"])).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await approveRequest(managerActor, store.id, request.id, ["orders_view"])).toMatchObject({ ok: true });
    expect((await logOf(store.id, "collaborator_request.approved"))[0].actorKind).toBe("staff");

    // The approved collaborator, signed in through the dashboard, cannot decide either.
    const access = await accessOf(organization.id, store.id);
    const decision = await resolveFor(await collaboratorSession(partner, access.id), store.id);
    if (!decision.ok) throw new Error("collaborator refused");
    const second = await createOrganization({ members: [await createUser()] });
    const other = await createPendingRequest({ organization: second, storeId: store.id, requester: (await t.db.membership.findFirstOrThrow({ where: { organizationId: second.id }, include: { user: true } })).user });
    expect(await approveRequest(decision.actor, store.id, other.id, ["orders_view"])).toMatchObject({ ok: false, kind: "forbidden" });
  });

  test("decline marks the request and the access declined, tells the partner, resolves the notification and logs", async () => {
    const { store, partner, organization, ownerActor } = await world();
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    expect(await declineRequest(ownerActor, store.id, request.id)).toMatchObject({ ok: true });
    expect((await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("DECLINED");
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "DECLINED", listed: true });
    expect((await mailsTo(partner.email))[0].subject).toMatch(/declined/i);
    expect((await t.db.notification.findFirstOrThrow({ where: { requestId: request.id } })).resolvedAt).not.toBeNull();
    expect(await logOf(store.id, "collaborator_request.declined")).toHaveLength(1);
  });

  test("deciding a request the partner cancelled a moment earlier says so; deciding twice says what happened", async () => {
    const { store, partner, organization, ownerActor } = await world();
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    expect(await cancelRequest(partner, organization.id, request.id)).toEqual({ ok: true });
    expect(await approveRequest(ownerActor, store.id, request.id, ["orders_view"])).toMatchObject({ ok: false, kind: "conflict", errors: { form: "store.requests.errors.cancelled" } });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "CANCELLED" });

    const again = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    expect(await approveRequest(ownerActor, store.id, again.id, ["orders_view"])).toMatchObject({ ok: true });
    expect(await declineRequest(ownerActor, store.id, again.id)).toMatchObject({ ok: false, errors: { form: "store.requests.errors.alreadyApproved" } });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "MANAGED" });
  });

  test("approve and cancel sent together on one request leave exactly one outcome, every time", async () => {
    const { owner } = await world();
    const rounds = 12;
    const outcomes: string[] = [];
    for (let i = 0; i < rounds; i++) {
      const { store } = await createStore({ owner });
      const ownerActor = await actorFor(owner, store.id);
      const partner = await createUser();
      const organization = await createOrganization({ members: [partner] });
      const request = await createPendingRequest({ organization, storeId: store.id, requester: partner, permissions: ["orders_view"] });
      const [approved, cancelled] = await Promise.all([
        approveRequest(ownerActor, store.id, request.id, ["orders_view"]),
        cancelRequest(partner, organization.id, request.id),
      ]);
      expect(approved.ok !== cancelled.ok, "exactly one side wins").toBe(true);
      const row = await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: request.id } });
      const access = await accessOf(organization.id, store.id);
      if (approved.ok) {
        expect(row.status).toBe("APPROVED");
        expect(access.state).toBe("MANAGED");
        expect(cancelled).toMatchObject({ ok: false, kind: "conflict", errors: { form: "partner.stores.outcome.APPROVED" } });
      } else {
        expect(row.status).toBe("CANCELLED");
        expect(access.state).toBe("CANCELLED");
        expect(access.permissions).toEqual([]);
        expect(approved).toMatchObject({ errors: { form: "store.requests.errors.cancelled" } });
      }
      expect((await t.db.partnerOrganization.findUniqueOrThrow({ where: { id: organization.id } })).pendingRequestCount).toBe(0);
      outcomes.push(row.status);
    }
    // Across the whole database: never an access without an approved request, never a cancelled request with one.
    const managed = await t.db.collaboratorAccess.findMany({ where: { state: { in: ["MANAGED", "SUSPENDED"] } } });
    for (const access of managed) {
      expect((await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: access.requestId! } })).status).toBe("APPROVED");
    }
    const cancelledRequests = await t.db.collaboratorRequest.findMany({ where: { status: "CANCELLED" } });
    for (const request of cancelledRequests) {
      const access = await accessOf(request.organizationId, request.storeId);
      expect(access.requestId === request.id && ["MANAGED", "SUSPENDED"].includes(access.state)).toBe(false);
    }
    expect(outcomes).toHaveLength(rounds);
  });
});

describe("managing collaborators", () => {
  async function managed(permissions: ("orders_manage" | "products_view" | "home_view" | "orders_view")[] = ["orders_manage", "products_view"]) {
    const setup = await world();
    const request = await createPendingRequest({ organization: setup.organization, storeId: setup.store.id, requester: setup.partner, permissions });
    const approved = await approveRequest(setup.ownerActor, setup.store.id, request.id, permissions);
    if (!approved.ok) throw new Error("approve failed");
    const access = await accessOf(setup.organization.id, setup.store.id);
    const session = await collaboratorSession(setup.partner, access.id);
    await t.db.emailOutbox.deleteMany({});
    return { ...setup, access, session };
  }

  test("edit permissions takes effect on the collaborator's next request, and is logged", async () => {
    const { store, access, session, ownerActor } = await managed();
    const before = await resolveFor(session, store.id);
    expect(before.ok && before.actor.permissions).toEqual(["orders_manage", "products_view"]);
    expect(await changeCollaboratorPermissions(ownerActor, store.id, access.id, ["customers_view"])).toMatchObject({ ok: true });
    const after = await resolveFor(session, store.id);
    expect(after.ok && after.actor.permissions).toEqual(["customers_view"]);
    const [entry] = await logOf(store.id, "collaborator_access.permissions_changed");
    expect(entry.details).toEqual({ from: ["orders_manage", "products_view"], to: ["customers_view"] });
    expect(await changeCollaboratorPermissions(ownerActor, store.id, access.id, ["staff_manage"])).toMatchObject({ ok: false, errors: { permissions: "store.permissions.errors.staffSection" } });
  });

  test("a staff manager may leave alone a section they cannot grant, but not raise it", async () => {
    const { store, access } = await managed(["orders_manage", "home_view"]);
    const manager = await createUser();
    await createStaff(store.id, manager, ["staff_manage", "home_manage", "orders_view"]);
    const managerActor = await actorFor(manager, store.id);
    expect(await changeCollaboratorPermissions(managerActor, store.id, access.id, ["orders_manage", "home_manage"])).toMatchObject({ ok: true });
    expect(await changeCollaboratorPermissions(managerActor, store.id, access.id, ["orders_manage", "home_manage", "products_view"])).toMatchObject({ ok: false, errors: { permissions: "store.permissions.errors.exceeds" } });
  });

  test("remove collaborator ends the access at once, clears permissions and sessions, tells the organization and logs", async () => {
    const { store, access, session, ownerActor, partner, colleague, organization } = await managed();
    expect(await changeCollaboratorAccess(ownerActor, store.id, access.id, "remove")).toMatchObject({ ok: true });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "REMOVED", permissions: [], listed: true });
    expect(await t.db.collaboratorSession.count({ where: { accessId: access.id } })).toBe(0);
    expect((await resolveFor(session, store.id)).ok).toBe(false);
    for (const person of [partner, colleague]) expect((await mailsTo(person.email))[0].subject).toMatch(/removed/i);
    expect(await logOf(store.id, "collaborator_access.removed")).toHaveLength(1);
    expect(await listCollaborators(store.id)).toEqual([]);
    // Removing again: there is no access to remove.
    expect(await changeCollaboratorAccess(ownerActor, store.id, access.id, "remove")).toMatchObject({ ok: false, kind: "notFound" });
  });

  test("suspend keeps the permissions but refuses the collaborator; resume brings access back; both logged", async () => {
    const { store, access, session, ownerActor, partner, organization } = await managed();
    expect(await changeCollaboratorAccess(ownerActor, store.id, access.id, "suspend")).toMatchObject({ ok: true });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "SUSPENDED", permissions: ["orders_manage", "products_view"] });
    expect((await resolveFor(session, store.id)).ok).toBe(false);
    expect(await changeCollaboratorAccess(ownerActor, store.id, access.id, "suspend")).toMatchObject({ ok: false, kind: "conflict" });
    expect(await listCollaborators(store.id)).toMatchObject([{ state: "SUSPENDED" }]);

    expect(await changeCollaboratorAccess(ownerActor, store.id, access.id, "resume")).toMatchObject({ ok: true });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "MANAGED", permissions: ["orders_manage", "products_view"] });
    // The old session ended with the suspension; a new "Log in" works again.
    const fresh = await resolveFor(await collaboratorSession(partner, access.id), store.id);
    expect(fresh.ok && fresh.actor.permissions).toEqual(["orders_manage", "products_view"]);
    expect(await logOf(store.id, "collaborator_access.suspended")).toHaveLength(1);
    expect(await logOf(store.id, "collaborator_access.resumed")).toHaveLength(1);
    expect((await mailsTo(partner.email)).map((mail) => mail.subject)).toEqual([expect.stringMatching(/suspended/i), expect.stringMatching(/resumed/i)]);
  });

  test("resuming gives the kept permissions back: a staff manager who doesn't hold them can't; a removed access can't be suspended", async () => {
    const { store, access, ownerActor, organization } = await managed(["orders_manage", "home_view"]);
    const manager = await createUser();
    await createStaff(store.id, manager, ["staff_manage", "home_manage", "orders_view"]);
    const managerActor = await actorFor(manager, store.id);
    expect(await changeCollaboratorAccess(managerActor, store.id, access.id, "suspend")).toMatchObject({ ok: true });
    expect(await changeCollaboratorAccess(managerActor, store.id, access.id, "resume")).toMatchObject({ ok: false, kind: "invalid", errors: { form: "store.permissions.errors.exceeds" } });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "SUSPENDED" });
    expect(await changeCollaboratorAccess(ownerActor, store.id, access.id, "remove")).toMatchObject({ ok: true });
    expect(await changeCollaboratorAccess(ownerActor, store.id, access.id, "suspend")).toMatchObject({ ok: false, kind: "notFound" });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "REMOVED", permissions: [] });
  });

  test("an access of another store is not found", async () => {
    const { access } = await managed();
    const other = await world();
    expect(await changeCollaboratorAccess(other.ownerActor, other.store.id, access.id, "remove")).toMatchObject({ ok: false, kind: "notFound" });
    expect(await changeCollaboratorPermissions(other.ownerActor, other.store.id, access.id, ["orders_view"])).toMatchObject({ ok: false, kind: "notFound" });
  });
});
