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
import { action as newOrganizationAction } from "~/routes/organizations.new";
import { action as newStoreAction } from "~/routes/stores.new";
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
    // A button the page does not have: refused as a stale page, nothing done.
    const nonsense = await outcome(storesAction(args(post(base, ownerCookie, { intent: "nonsense", id: theirs.accessId }), organization.id)));
    expect(nonsense.status).toBe(400);
    expect(errorsOf(nonsense.body)).toEqual({ form: "errors.stale" });
    expect((await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: theirs.accessId } })).state).toBe("MANAGED");

    // Their own: Log in opens the store admin, Cancel says what happened when the owner was quicker.
    const { store: mine, owner: mineOwner } = await createStore({ codeRequired: false });
    const managed = await createManagedAccess(owner, organization.id, mine, mineOwner);
    expect(await outcome(storesAction(args(post(base, ownerCookie, { intent: "login", id: managed.accessId }), organization.id)))).toMatchObject({ status: 302, location: `/store/${mine.id}` });
    const late = await outcome(storesAction(args(post(base, ownerCookie, { intent: "cancel", id: managed.requestId }), organization.id)));
    expect(late.status).toBe(409);
    expect(errorsOf(late.body)).toEqual({ form: "partner.stores.outcome.APPROVED" });
    // Done: back to the list as it was (tab, search), with the toast for it.
    expect(await outcome(storesAction(args(post(`${base}?index&status=managed&q=${encodeURIComponent(mine.name)}`, ownerCookie, { intent: "removeAccess", id: managed.accessId }), organization.id)))).toMatchObject({
      status: 302,
      location: `${base}?status=managed&q=${encodeURIComponent(mine.name).replace(/%20/g, "+")}`,
    });
    expect(await toastOf(ownerCookie)).toEqual({ key: "partner.stores.toast.removed" });
    const refused = await outcome(storesAction(args(post(base, ownerCookie, { intent: "login", id: managed.accessId }), organization.id)));
    expect(refused.status).toBe(409);
    expect(errorsOf(refused.body)).toEqual({ form: "partner.stores.errors.notManaged" });
    // Removed, it can leave the list.
    expect(await outcome(storesAction(args(post(base, ownerCookie, { intent: "removeFromList", id: managed.accessId }), organization.id)))).toMatchObject({ status: 302, location: base });
    expect(await toastOf(ownerCookie)).toEqual({ key: "partner.stores.toast.removedFromList" });
  });

  test("the Stores page loader lists, filters and counts", async () => {
    const { owner, organization, ownerCookie } = await world();
    const base = `/partners/${organization.id}/stores`;
    type Page = { items: { id: string; accessId: string; storeName: string }[]; counter: { pending: number }; query: { q: string; status: string }; pageInfo: { hasPrevious: boolean } };
    const load = async (search: string) => (await outcome(storesLoader(args(new Request(`http://localhost${base}${search}`, { headers: { cookie: ownerCookie } }), organization.id)))).body as Page;

    // Nothing yet: the unfiltered first page is empty, which the page shows as its first-time empty state.
    expect(await load("")).toMatchObject({ items: [], query: { q: "", status: "" }, pageInfo: { hasPrevious: false }, counter: { pending: 0 } });

    const { store } = await createStore({ name: "Listed Store", codeRequired: false });
    await sendRequest(owner, organization.id, store);
    const page = await load("?status=pending&q=listed");
    expect(page.query).toEqual({ q: "listed", status: "PENDING" });
    expect(page.items.map((r) => r.storeName)).toEqual(["Listed Store"]);
    expect(page.items[0].id).toBe(page.items[0].accessId);
    expect(page.counter.pending).toBe(1);
    expect((await load("?status=managed")).items).toEqual([]);
  });

  test("only owners of the organization add or remove members", async () => {
    const { owner, member, organization, memberCookie, ownerCookie } = await world();
    const path = `/partners/${organization.id}/members`;
    expect((await outcome(membersAction(args(post(path, memberCookie, { intent: "invite", email: "new@example.test" }), organization.id)))).status).toBe(403);
    const ownerMembership = await t.db.membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: owner.id } });
    expect((await outcome(membersAction(args(post(path, memberCookie, { intent: "remove", id: ownerMembership.id }), organization.id)))).status).toBe(403);
    expect(await t.db.membership.count({ where: { organizationId: organization.id } })).toBe(2);

    expect(await outcome(membersAction(args(post(path, ownerCookie, { intent: "invite", email: "New.Person@Example.test" }), organization.id)))).toMatchObject({ status: 302, location: path });
    expect(await toastOf(ownerCookie)).toEqual({ key: "members.toast.invited" });
    expect(await t.db.organizationInvitation.count({ where: { organizationId: organization.id, email: "new.person@example.test" } })).toBe(1);
    // The same address again: said beside the field.
    const twice = await outcome(membersAction(args(post(path, ownerCookie, { intent: "invite", email: "new.person@example.test" }), organization.id)));
    expect(twice.status).toBe(409);
    expect(errorsOf(twice.body)).toEqual({ email: "members.errors.invited" });
    const memberMembership = await t.db.membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: member.id } });
    expect(await outcome(membersAction(args(post(path, ownerCookie, { intent: "remove", id: memberMembership.id }), organization.id)))).toMatchObject({ status: 302, location: path });
    expect(await toastOf(ownerCookie)).toEqual({ key: "members.toast.removed" });
    // The last owner stays.
    const last = await outcome(membersAction(args(post(path, ownerCookie, { intent: "remove", id: ownerMembership.id }), organization.id)));
    expect(last.status).toBe(409);
    expect(errorsOf(last.body)).toEqual({ form: "members.errors.lastOwner" });
    expect(await t.db.membership.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  test("creating an organization or a store: mistakes beside their field, a taken address said so, then the new workspace", async () => {
    const { owner, ownerCookie } = await world();
    const long = await outcome(newOrganizationAction(routeArgs(post("/organizations/new", ownerCookie, { name: "x".repeat(101) }))));
    expect(long.status).toBe(400);
    expect((long.body as { error: Record<string, string[]> }).error.name).toEqual(["errors.tooLong?max=100"]);
    const created = await outcome(newOrganizationAction(routeArgs(post("/organizations/new", ownerCookie, { name: "Fresh Agency" }))));
    expect(created).toMatchObject({ status: 302, location: expect.stringMatching(/^\/partners\/[0-9a-f-]{36}\/stores$/) });
    expect(await t.db.membership.count({ where: { userId: owner.id, role: "OWNER", organization: { name: "Fresh Agency" } } })).toBe(1);

    const handle = `fresh-${Date.now()}`;
    const fields = { name: "Fresh Store", handle, contactEmail: "hello@fresh.test", plan: "BASIC" };
    expect(errorsOf((await outcome(newStoreAction(routeArgs(post("/stores/new", ownerCookie, { ...fields, plan: "GOLD" }))))).body)).toEqual({ plan: "stores.new.errors.plan" });
    const store = await outcome(newStoreAction(routeArgs(post("/stores/new", ownerCookie, fields))));
    expect(store).toMatchObject({ status: 302, location: expect.stringMatching(/^\/store\/[0-9a-f-]{36}$/) });
    const taken = await outcome(newStoreAction(routeArgs(post("/stores/new", ownerCookie, fields))));
    expect(taken.status).toBe(409);
    expect(errorsOf(taken.body)).toEqual({ handle: "stores.new.errors.handleTaken" });
  });
});
