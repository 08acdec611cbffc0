// The partner dashboard's route modules, called the way Remix calls them: every action checks who asks,
// for the record in hand, before it calls a service.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStore, createUser, TEST_PASSWORD } from "../helpers/factories";
import { createManagedAccess, sendRequest } from "../helpers/partner-factories";
import { signIn } from "~/services/auth.server";
import { sessionCookieName } from "~/lib/cookies.server";
import { action as storesAction, loader as storesLoader } from "~/routes/partners.$orgId.stores._index";
import { action as requestAction, loader as requestLoader } from "~/routes/partners.$orgId.stores.request";
import { action as membersAction } from "~/routes/partners.$orgId.members";
import { errorsOf, outcome, post, routeArgs, toastOf } from "../helpers/routes";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function cookieFor(user: { email: string }) {
  const result = await signIn({ email: user.email, password: TEST_PASSWORD }, { ip: "203.0.113.9" });
  if (!result.ok) throw new Error("sign-in failed");
  return `${sessionCookieName()}=${encodeURIComponent(result.value.token)}`;
}

const args = (request: Request, orgId: string) => routeArgs(request, { orgId });

async function world() {
  const owner = await createUser({ firstName: "Olive", lastName: "Owner" });
  const member = await createUser({ firstName: "Mo", lastName: "Member" });
  const organization = await createOrganization({ name: "Route Agency", members: [owner, member] });
  return { owner, member, organization, ownerCookie: await cookieFor(owner), memberCookie: await cookieFor(member) };
}

describe("partner routes", () => {
  test("someone outside the organization gets a 404 from its pages and its forms", async () => {
    const { organization } = await world();
    const stranger = await createUser();
    const cookie = await cookieFor(stranger);
    const base = `/partners/${organization.id}/stores`;
    expect((await outcome(storesLoader(args(new Request(`http://localhost${base}`, { headers: { cookie } }), organization.id)))).status).toBe(404);
    expect((await outcome(requestLoader(args(new Request(`http://localhost${base}/request`, { headers: { cookie } }), organization.id)))).status).toBe(404);
    const { store } = await createStore({ codeRequired: false });
    expect((await outcome(requestAction(args(post(`${base}/request`, cookie, { storeUrl: store.domain, "perm.orders": "view" }), organization.id)))).status).toBe(404);
    expect(await t.db.collaboratorRequest.count({ where: { storeId: store.id } })).toBe(0);
  });

  test("a request is sent from the form and the partner returns to Stores with a toast; mistakes come back beside their field", async () => {
    const { member, organization, memberCookie } = await world();
    const { store } = await createStore({ name: "Routed Store", codeRequired: false });
    const base = `/partners/${organization.id}/stores`;
    const bad = await outcome(requestAction(args(post(`${base}/request`, memberCookie, { storeUrl: "", code: "1234", message: "hi" }), organization.id)));
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body)).toEqual({ storeUrl: "errors.required", permissions: "errors.permissions.empty" });
    expect(bad.body).toMatchObject({ initialValue: { message: "hi" } });
    expect(JSON.stringify(bad.body)).not.toContain("1234");

    const good = await outcome(requestAction(args(post(`${base}/request`, memberCookie, { storeUrl: `https://${store.domain}/admin`, "perm.orders": "manage" }), organization.id)));
    expect(good).toMatchObject({ status: 302, location: base });
    expect(await toastOf(memberCookie)).toEqual({ key: "partner.stores.toast.requested" });
    expect(await t.db.collaboratorRequest.findFirst({ where: { storeId: store.id } })).toMatchObject({ requestedById: member.id, permissions: ["orders_manage"] });

    const again = await outcome(requestAction(args(post(`${base}/request`, memberCookie, { storeUrl: store.domain, "perm.orders": "view" }), organization.id)));
    expect(again.status).toBe(409);
    expect(errorsOf(again.body)).toEqual({ storeUrl: "partner.request.errors.alreadyPending" });
  });

  test("row actions act only on the organization's own rows", async () => {
    const { owner, organization, ownerCookie } = await world();
    const other = await world();
    const { store, owner: storeOwner } = await createStore({ codeRequired: false });
    const theirs = await createManagedAccess(other.owner, other.organization.id, store, storeOwner);
    const base = `/partners/${organization.id}/stores`;
    for (const intent of ["login", "removeAccess", "removeFromList", "dismiss"]) {
      const result = await outcome(storesAction(args(post(base, ownerCookie, { intent, id: theirs.accessId }), organization.id)));
      expect(result.status, intent).toBe(404);
    }
    expect((await outcome(storesAction(args(post(base, ownerCookie, { intent: "cancel", id: theirs.requestId }), organization.id)))).status).toBe(404);
    expect((await outcome(storesAction(args(post(base, ownerCookie, { intent: "nonsense", id: theirs.accessId }), organization.id)))).status).toBe(404);
    expect((await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: theirs.accessId } })).state).toBe("MANAGED");

    // Their own: Log in opens the store admin, Cancel says what happened when the owner was quicker.
    const { store: mine, owner: mineOwner } = await createStore({ codeRequired: false });
    const managed = await createManagedAccess(owner, organization.id, mine, mineOwner);
    expect(await outcome(storesAction(args(post(base, ownerCookie, { intent: "login", id: managed.accessId }), organization.id)))).toMatchObject({ status: 302, location: `/store/${mine.id}` });
    expect(await outcome(storesAction(args(post(base, ownerCookie, { intent: "cancel", id: managed.requestId }), organization.id)))).toMatchObject({
      status: 409,
      body: { outcome: "partner.stores.outcome.APPROVED" },
    });
    expect(await outcome(storesAction(args(post(base, ownerCookie, { intent: "removeAccess", id: managed.accessId }), organization.id)))).toMatchObject({
      status: 200,
      body: { toast: "partner.stores.toast.removed" },
    });
    expect(await outcome(storesAction(args(post(base, ownerCookie, { intent: "login", id: managed.accessId }), organization.id)))).toMatchObject({
      status: 409,
      body: { error: "partner.stores.errors.notManaged" },
    });
  });

  test("the Stores page loader lists, filters and counts", async () => {
    const { owner, organization, ownerCookie } = await world();
    const { store } = await createStore({ name: "Listed Store", codeRequired: false });
    await sendRequest(owner, organization.id, store);
    const base = `/partners/${organization.id}/stores`;
    const page = (await outcome(storesLoader(args(new Request(`http://localhost${base}?state=PENDING&q=listed`, { headers: { cookie: ownerCookie } }), organization.id)))).body as {
      page: { rows: { storeName: string }[] };
      counter: { pending: number };
      filter: string;
    };
    expect(page.filter).toBe("PENDING");
    expect(page.page.rows.map((r) => r.storeName)).toEqual(["Listed Store"]);
    expect(page.counter.pending).toBe(1);
  });

  test("only owners of the organization add or remove members", async () => {
    const { owner, member, organization, memberCookie, ownerCookie } = await world();
    const path = `/partners/${organization.id}/members`;
    expect((await outcome(membersAction(args(post(path, memberCookie, { intent: "invite", email: "new@example.test" }), organization.id)))).status).toBe(403);
    const ownerMembership = await t.db.membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: owner.id } });
    expect((await outcome(membersAction(args(post(path, memberCookie, { intent: "remove", id: ownerMembership.id }), organization.id)))).status).toBe(403);
    expect(await t.db.membership.count({ where: { organizationId: organization.id } })).toBe(2);

    expect(await outcome(membersAction(args(post(path, ownerCookie, { intent: "invite", email: "New.Person@Example.test" }), organization.id)))).toMatchObject({
      status: 200,
      body: { toast: "members.toast.invited" },
    });
    expect(await t.db.organizationInvitation.count({ where: { organizationId: organization.id, email: "new.person@example.test" } })).toBe(1);
    const memberMembership = await t.db.membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: member.id } });
    expect(await outcome(membersAction(args(post(path, ownerCookie, { intent: "remove", id: memberMembership.id }), organization.id)))).toMatchObject({
      status: 200,
      body: { toast: "members.toast.removed" },
    });
    // The last owner stays.
    expect(await outcome(membersAction(args(post(path, ownerCookie, { intent: "remove", id: ownerMembership.id }), organization.id)))).toMatchObject({
      status: 409,
      body: { errors: { form: "members.errors.lastOwner" } },
    });
  });
});
