// The store admin's pages of Users and permissions, Settings, Home and the invitation/request-link pages,
// exercised through the route modules with a real session cookie: who may do what, 403/404 on the record
// in hand, and bad input answered with 400 (never a server error, never half-written data).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStaff, createStore, createUser } from "../helpers/factories";
import { accessOf, createPendingRequest, mailsTo } from "../helpers/store-factories";
import { errorsOf, outcome, routeArgs, toastOf } from "../helpers/routes";
import { inTransaction } from "~/lib/transaction.server";
import { hashToken } from "~/lib/tokens.server";
import { startSession } from "~/services/sessions.server";
import { sessionCookieName } from "~/lib/cookies.server";
import { approveRequest } from "~/services/collaborator-decisions.server";
import { inviteStaff } from "~/services/staff.server";
import { decodeMessage } from "~/i18n/messages";
import { resolveStoreActor } from "~/services/store-access.server";
import * as storeFrame from "~/routes/store.$storeId";
import * as usersLayout from "~/routes/store.$storeId.users";
import * as requestsPage from "~/routes/store.$storeId.users.requests";
import * as collaboratorsPage from "~/routes/store.$storeId.users.collaborators";
import * as staffList from "~/routes/store.$storeId.users.staff._index";
import * as staffNew from "~/routes/store.$storeId.users.staff.new";
import * as staffPage from "~/routes/store.$storeId.users.staff.$staffId";
import * as settingsPage from "~/routes/store.$storeId.settings";
import * as homePage from "~/routes/store.$storeId._index";
import * as activityCsv from "~/routes/store.$storeId.activity[.]csv";
import * as invitationPage from "~/routes/invitations.$token";
import * as requestLink from "~/routes/partners.request";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function signIn(user: { id: string }) {
  const { token } = await inTransaction((tx) => startSession(tx, user.id, {}));
  return { cookie: `${sessionCookieName()}=${token}`, sessionId: hashToken(token) };
}

function request(cookie: string, path: string, form?: Record<string, string>) {
  const url = `http://localhost${path}`;
  if (!form) return new Request(url, { headers: { cookie } });
  return new Request(url, { method: "POST", headers: { cookie }, body: new URLSearchParams(form) });
}

/** The status and body of a loader or action, whether it returned or threw. */
const answer = outcome;

const args = (req: Request, params: Record<string, string> = {}) => routeArgs(req, params);

/** The form's own message of an answer, with its parameters. */
const formMessage = (body: unknown) => decodeMessage((body as { error: Record<string, string[]> }).error[""][0]);

async function world() {
  const { store, owner, ownerAccount } = await createStore({ plan: "BASIC" });
  const partner = await createUser();
  const organization = await createOrganization({ name: "Bluebird Studio", members: [partner] });
  const pending = await createPendingRequest({ organization, storeId: store.id, requester: partner });
  return { store, owner, ownerAccount, partner, organization, pending, ownerCookie: (await signIn(owner)).cookie };
}

describe("Users and permissions", () => {
  test("the owner decides through the page: approve redirects with a toast, bad input is a 400 with the field's message", async () => {
    const { store, ownerCookie, pending, organization } = await world();
    const base = `/store/${store.id}/users/requests`;
    expect((await answer(() => requestsPage.loader(args(request(ownerCookie, base), { storeId: store.id }))))).toMatchObject({ status: 200 });

    const bogus = await answer(() => requestsPage.action(args(request(ownerCookie, base, { intent: "approve", requestId: pending.id, "perm.orders": "everything" }), { storeId: store.id })));
    expect(bogus.status).toBe(400);
    expect(errorsOf(bogus.body)).toEqual({ permissions: "errors.permissions.invalid" });
    const staffSection = await answer(() => requestsPage.action(args(request(ownerCookie, base, { intent: "approve", requestId: pending.id, "perm.staff": "view" }), { storeId: store.id })));
    expect(staffSection.status).toBe(400);
    const notAnId = await answer(() => requestsPage.action(args(request(ownerCookie, base, { intent: "decline", requestId: "nope" }), { storeId: store.id })));
    expect(notAnId.status).toBe(400);
    const unknown = await answer(() => requestsPage.action(args(request(ownerCookie, base, { intent: "explode" }), { storeId: store.id })));
    expect(unknown.status).toBe(400);
    expect((await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");

    const approved = await answer(() => requestsPage.action(args(request(ownerCookie, base, { intent: "approve", requestId: pending.id, "perm.orders": "view" }), { storeId: store.id })));
    expect(approved).toMatchObject({ status: 302, location: base });
    expect(await toastOf(ownerCookie)).toEqual({ key: "store.toast.approved", params: { name: "Bluebird Studio" } });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "MANAGED", permissions: ["orders_view"] });

    const again = await answer(() => requestsPage.action(args(request(ownerCookie, base, { intent: "decline", requestId: pending.id }), { storeId: store.id })));
    expect(again.status).toBe(409);
    expect(errorsOf(again.body)).toEqual({ form: "store.requests.errors.alreadyApproved" });
  });

  test("staff:view sees the pages, every decision is refused with 403 and changes nothing", async () => {
    const { store, pending } = await world();
    const viewer = await createUser();
    const colleague = await createStaff(store.id, await createUser(), ["orders_view"]);
    await createStaff(store.id, viewer, ["staff_view", "orders_manage"]);
    const { cookie } = await signIn(viewer);
    const params = { storeId: store.id };
    for (const page of [usersLayout, requestsPage, collaboratorsPage, staffList]) {
      expect((await answer(() => page.loader(args(request(cookie, `/store/${store.id}/users`), params)))).status).toBe(200);
    }
    const attempts = [
      () => requestsPage.action(args(request(cookie, "/x", { intent: "approve", requestId: pending.id, "perm.orders": "view" }), params)),
      () => requestsPage.action(args(request(cookie, "/x", { intent: "decline", requestId: pending.id }), params)),
      () => staffNew.action(args(request(cookie, "/x", { email: "new@example.test", firstName: "N", lastName: "W", "perm.orders": "view" }), params)),
      () => staffPage.action(args(request(cookie, "/x", { intent: "lock" }), { ...params, staffId: colleague.id })),
      () => staffPage.action(args(request(cookie, "/x", { intent: "permissions", "perm.orders": "manage" }), { ...params, staffId: colleague.id })),
    ];
    for (const attempt of attempts) expect((await answer(attempt)).status).toBe(403);
    expect((await answer(() => staffNew.loader(args(request(cookie, "/x"), params)))).status).toBe(403);
    expect((await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
    expect(await t.db.staffAccount.findUniqueOrThrow({ where: { id: colleague.id } })).toMatchObject({ status: "ACTIVE", permissions: ["orders_view"] });
    expect(await t.db.staffAccount.count({ where: { storeId: store.id, email: "new@example.test" } })).toBe(0);
  });

  test("a collaborator never reaches Users and permissions, whatever they were granted", async () => {
    const { store, owner, partner, organization, pending } = await world();
    const ownerActor = await resolveStoreActor({ sessionId: "x", user: { ...owner, locale: null } }, store.id);
    if (!ownerActor.ok) throw new Error("owner refused");
    await approveRequest(ownerActor.actor, store.id, pending.id, ["home_manage", "orders_manage", "products_manage", "customers_manage", "settings_manage"]);
    const access = await accessOf(organization.id, store.id);
    const { cookie, sessionId } = await signIn(partner);
    await t.db.collaboratorSession.create({ data: { sessionId, accessId: access.id, userId: partner.id } });
    const params = { storeId: store.id };
    expect((await answer(() => homePage.loader(args(request(cookie, `/store/${store.id}`), params)))).status).toBe(200);
    expect((await answer(() => usersLayout.loader(args(request(cookie, "/x"), params)))).status).toBe(403);
    expect((await answer(() => staffNew.action(args(request(cookie, "/x", { email: "sneaky@example.test", firstName: "S", lastName: "N", "perm.orders": "view" }), params)))).status).toBe(403);
    // Settings: the details yes (settings:manage), the code never.
    const settings = await answer(() => settingsPage.loader(args(request(cookie, "/x"), params)));
    expect(settings).toMatchObject({ status: 200, body: { code: null, canManage: true } });
    expect((await answer(() => settingsPage.action(args(request(cookie, "/x", { intent: "regenerate" }), params)))).status).toBe(403);
    expect((await answer(() => settingsPage.action(args(request(cookie, "/x", { intent: "requirement", required: "false" }), params)))).status).toBe(403);
  });

  test("another store's staff account is not found, and the owner's own account has no actions", async () => {
    const { store, ownerCookie, ownerAccount } = await world();
    const other = await createStore();
    const foreign = await createStaff(other.store.id, await createUser(), ["orders_view"]);
    const params = { storeId: store.id, staffId: foreign.id };
    expect((await answer(() => staffPage.loader(args(request(ownerCookie, "/x"), params)))).status).toBe(404);
    expect((await answer(() => staffPage.action(args(request(ownerCookie, "/x", { intent: "remove" }), params)))).status).toBe(404);
    const own = await answer(() => staffPage.loader(args(request(ownerCookie, "/x"), { storeId: store.id, staffId: ownerAccount.id })));
    expect(own).toMatchObject({ status: 200, body: { canManage: false } });
    expect((await answer(() => staffPage.action(args(request(ownerCookie, "/x", { intent: "lock" }), { storeId: store.id, staffId: ownerAccount.id })))).status).toBe(403);
  });

  test("Add staff: missing fields are 400 with each field's message; the limit is a 409 with its message", async () => {
    const { store, ownerCookie } = await world();
    const params = { storeId: store.id };
    const empty = await answer(() => staffNew.action(args(request(ownerCookie, "/x", { email: "not-an-email", firstName: "", lastName: "" }), params)));
    expect(empty.status).toBe(400);
    expect(errorsOf(empty.body)).toEqual({ email: "errors.email.invalid", firstName: "errors.required", lastName: "errors.required", permissions: "errors.permissions.empty" });
    for (const email of ["one@example.test", "two@example.test"]) {
      const added = await answer(() => staffNew.action(args(request(ownerCookie, "/x", { email, firstName: "A", lastName: "B", "perm.orders": "view" }), params)));
      expect(added).toMatchObject({ status: 302, location: `/store/${store.id}/users/staff` });
      expect(await toastOf(ownerCookie)).toEqual({ key: "store.toast.invited", params: { name: email } });
    }
    const full = await answer(() => staffNew.action(args(request(ownerCookie, "/x", { email: "three@example.test", firstName: "A", lastName: "B", "perm.orders": "view" }), params)));
    expect(full.status).toBe(409);
    expect(formMessage(full.body)).toEqual({ key: "store.staff.errors.limit", params: { limit: "2", count: "2" } });
    expect(full.body).toMatchObject({ initialValue: { email: "three@example.test", firstName: "A" } });
  });

  test("the Collaborators tab suspends, resumes and removes through the page, each with its toast; resuming twice says why", async () => {
    const { store, owner, ownerCookie, pending, organization } = await world();
    const ownerActor = await resolveStoreActor({ sessionId: "x", user: { ...owner, locale: null } }, store.id);
    if (!ownerActor.ok) throw new Error("owner refused");
    await approveRequest(ownerActor.actor, store.id, pending.id, ["orders_view"]);
    const access = await accessOf(organization.id, store.id);
    const base = `/store/${store.id}/users/collaborators`;
    const post = (form: Record<string, string>) => answer(() => collaboratorsPage.action(args(request(ownerCookie, base, form), { storeId: store.id })));

    expect((await post({ intent: "explode", accessId: access.id })).status).toBe(400);
    expect(errorsOf((await post({ intent: "suspend", accessId: "nope" })).body)).toEqual({ accessId: "errors.stale" });
    for (const [intent, state, toast] of [
      ["suspend", "SUSPENDED", "store.toast.collaboratorSuspended"],
      ["resume", "MANAGED", "store.toast.collaboratorResumed"],
    ] as const) {
      expect(await post({ intent, accessId: access.id })).toMatchObject({ status: 302, location: base });
      expect(await toastOf(ownerCookie)).toEqual({ key: toast, params: { name: "Bluebird Studio" } });
      expect((await accessOf(organization.id, store.id)).state).toBe(state);
    }
    const resumedAgain = await post({ intent: "resume", accessId: access.id });
    expect(resumedAgain.status).toBe(409);
    expect(errorsOf(resumedAgain.body)).toEqual({ form: "store.collaborators.errors.notSuspended" });

    const narrowed = await post({ intent: "permissions", accessId: access.id, "perm.orders": "manage", "perm.home": "view" });
    expect(narrowed).toMatchObject({ status: 302, location: base });
    expect(await toastOf(ownerCookie)).toEqual({ key: "store.toast.permissionsSaved", params: { name: "Bluebird Studio" } });
    expect(errorsOf((await post({ intent: "permissions", accessId: access.id, "perm.staff": "view" })).body)).toEqual({ permissions: "errors.permissions.invalid" });

    expect(await post({ intent: "remove", accessId: access.id })).toMatchObject({ status: 302, location: base });
    expect(await toastOf(ownerCookie)).toEqual({ key: "store.toast.collaboratorRemoved", params: { name: "Bluebird Studio" } });
    expect(await accessOf(organization.id, store.id)).toMatchObject({ state: "REMOVED", permissions: [] });
    // No longer a collaborator of the store: the framed 404.
    expect((await post({ intent: "suspend", accessId: access.id })).status).toBe(404);
  });

  test("a staff account's page locks, unlocks and removes with a toast; a refused transition stays on the page with its message", async () => {
    const { store, ownerCookie } = await world();
    const member = await createStaff(store.id, await createUser(), ["orders_view"]);
    const here = `/store/${store.id}/users/staff/${member.id}`;
    const params = { storeId: store.id, staffId: member.id };
    const post = (form: Record<string, string>) => answer(() => staffPage.action(args(request(ownerCookie, here, form), params)));

    expect(await post({ intent: "lock" })).toMatchObject({ status: 302, location: here });
    expect(await toastOf(ownerCookie)).toEqual({ key: "store.toast.staffLocked", params: { name: member.email } });
    const twice = await post({ intent: "lock" });
    expect(twice.status).toBe(409);
    expect(errorsOf(twice.body)).toEqual({ form: "store.staff.errors.cannot.lock" });
    expect(await post({ intent: "unlock" })).toMatchObject({ status: 302, location: here });
    expect(await toastOf(ownerCookie)).toEqual({ key: "store.toast.staffUnlocked", params: { name: member.email } });

    expect(await post({ intent: "permissions", "perm.orders": "manage", "perm.staff": "view" })).toMatchObject({ status: 302, location: here });
    expect((await t.db.staffAccount.findUniqueOrThrow({ where: { id: member.id } })).permissions).toEqual(["orders_manage", "staff_view"]);
    expect(errorsOf((await post({ intent: "permissions", "perm.orders": "everything" })).body)).toEqual({ permissions: "errors.permissions.invalid" });
    expect((await post({ intent: "__proto__" })).status).toBe(400);

    expect(await post({ intent: "remove" })).toMatchObject({ status: 302, location: `/store/${store.id}/users/staff` });
    expect(await toastOf(ownerCookie)).toEqual({ key: "store.toast.staffRemoved", params: { name: member.email } });
    expect(await t.db.staffAccount.count({ where: { id: member.id } })).toBe(0);
  });
});

describe("Settings and Home", () => {
  test("settings:view sees the details without the code; writes are refused", async () => {
    const { store } = await world();
    const viewer = await createUser();
    await createStaff(store.id, viewer, ["settings_view"]);
    const { cookie } = await signIn(viewer);
    const params = { storeId: store.id };
    expect(await answer(() => settingsPage.loader(args(request(cookie, "/x"), params)))).toMatchObject({ status: 200, body: { canManage: false, code: null } });
    const details = { intent: "details", name: "Hacked", contactEmail: "x@example.test", address: "", currency: "EUR", timezone: "UTC", inactivityDays: "30" };
    expect((await answer(() => settingsPage.action(args(request(cookie, "/x", details), params)))).status).toBe(403);
    expect((await answer(() => settingsPage.action(args(request(cookie, "/x", { intent: "regenerate" }), params)))).status).toBe(403);
    expect((await t.db.store.findUniqueOrThrow({ where: { id: store.id } })).name).not.toBe("Hacked");
  });

  test("the owner's bad store details are a 400 per field; good ones save", async () => {
    const { store, ownerCookie } = await world();
    const params = { storeId: store.id };
    const bad = await answer(() => settingsPage.action(args(request(ownerCookie, "/x", { intent: "details", name: "", contactEmail: "nope", currency: "ZZZ", timezone: "Nowhere/Town", inactivityDays: "-1" }), params)));
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body)).toEqual({ name: "errors.required", contactEmail: "errors.email.invalid", currency: "store.settings.errors.currency", timezone: "store.settings.errors.timezone", inactivityDays: "store.settings.errors.inactivityDays" });
    const good = await answer(() => settingsPage.action(args(request(ownerCookie, "/x", { intent: "details", name: "Nouveau nom", contactEmail: "shop@example.test", address: "", currency: "EUR", timezone: "Europe/Paris", inactivityDays: "60" }), params)));
    expect(good.status).toBe(302);
    expect(await t.db.store.findUniqueOrThrow({ where: { id: store.id } })).toMatchObject({ name: "Nouveau nom", inactivityDays: 60 });
  });

  test("Home shows notifications and the log to people with home; others get the welcome; the CSV needs home too", async () => {
    const { store, ownerCookie } = await world();
    const params = { storeId: store.id };
    const home = await answer(() => homePage.loader(args(request(ownerCookie, `/store/${store.id}`), params)));
    expect(home).toMatchObject({ status: 200, body: { home: { notifications: [{ kind: "collaborator_request.created", unread: true }] } } });
    // The counts Home shows come with the frame around it.
    expect(await answer(() => storeFrame.loader(args(request(ownerCookie, `/store/${store.id}`), params)))).toMatchObject({ status: 200, body: { pendingRequests: 1, unreadNotifications: 1 } });
    const clerk = await createUser();
    await createStaff(store.id, clerk, ["orders_view"]);
    const clerkCookie = (await signIn(clerk)).cookie;
    expect(await answer(() => homePage.loader(args(request(clerkCookie, `/store/${store.id}`), params)))).toMatchObject({ status: 200, body: { home: null } });
    expect((await answer(() => activityCsv.action(args(request(clerkCookie, `/store/${store.id}/activity.csv`, {}), params)))).status).toBe(403);
    expect((await answer(() => homePage.action(args(request(clerkCookie, "/x", { intent: "markAllRead" }), params)))).status).toBe(403);

    // A GET only leads back to Home: exporting is logged, so it is a POST.
    expect(await answer(() => activityCsv.loader(args(request(ownerCookie, `/store/${store.id}/activity.csv`), params)))).toMatchObject({ status: 302, location: `/store/${store.id}` });
    const csv = (await activityCsv.action(args(request(ownerCookie, `/store/${store.id}/activity.csv`, { kind: "staff" }), params))) as Response;
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename=".+-activity-\d{4}-\d{2}-\d{2}\.csv"/);
    expect((await csv.text()).split("\r\n")[0]).toContain("Date (UTC),Action,Actor");
  });
});

describe("pages outside the store", () => {
  test("an unknown invitation link says so", async () => {
    const page = await answer(() => invitationPage.loader(args(new Request("http://localhost/invitations/abc"), { token: "abc" })));
    expect(page).toMatchObject({ status: 200, body: { state: "invalid", invitation: null } });
  });

  test("an invitation link: a new person's bad form is a 400 without the password; a good one signs them in to the store", async () => {
    const { store, owner } = await world();
    const ownerActor = await resolveStoreActor({ sessionId: "x", user: { ...owner, locale: null } }, store.id);
    if (!ownerActor.ok) throw new Error("owner refused");
    await inviteStaff(ownerActor.actor, store.id, { email: "joiner@example.test", firstName: "Jo", lastName: "Iner", permissions: ["orders_view"] });
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec((await mailsTo("joiner@example.test"))[0].text)![1];
    const path = `/invitations/${token}`;
    const post = (form: Record<string, string>) => answer(() => invitationPage.action(args(new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(form) }), { token })));

    expect(await answer(() => invitationPage.loader(args(new Request(`http://localhost${path}`), { token })))).toMatchObject({ status: 200, body: { state: "valid", invitation: { email: "joiner@example.test", hasLogin: false } } });
    const short = await post({ intent: "create", firstName: "Jo", lastName: "Iner", password: "short1" });
    expect(short.status).toBe(400);
    expect(errorsOf(short.body)).toEqual({ password: "auth.errors.passwordShort" });
    expect(JSON.stringify(short.body)).not.toContain("short1");
    // Accepting needs a signed-in person: a visitor is sent to sign in first.
    expect(await post({ intent: "accept" })).toMatchObject({ status: 302, location: `/login?redirectTo=${encodeURIComponent(path)}` });

    const joined = await answer(() => invitationPage.action(args(new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams({ intent: "create", firstName: "Jo", lastName: "Iner", password: "a long passphrase" }) }), { token })));
    expect(joined).toMatchObject({ status: 302, location: `/store/${store.id}` });
    expect(await t.db.staffAccount.findFirstOrThrow({ where: { storeId: store.id, email: "joiner@example.test" } })).toMatchObject({ status: "ACTIVE" });
    const again = await post({ intent: "create", firstName: "Jo", lastName: "Iner", password: "a long passphrase" });
    expect(again.status).toBe(409);
    expect(errorsOf(again.body)).toEqual({ form: "store.invitation.errors.used" });
  });

  test("the request link sends a partner with one organization to its form, pre-filled; asks when several or none", async () => {
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    const { cookie } = await signIn(partner);
    const one = await answer(() => requestLink.loader(args(request(cookie, "/partners/request?store=HTTPS://Shop.Portier.test/admin"))));
    expect(one).toMatchObject({ status: 302, location: `/partners/${organization.id}/stores/request?store=shop.portier.test` });

    await createOrganization({ members: [partner] });
    const several = await answer(() => requestLink.loader(args(request(cookie, "/partners/request?store=shop.portier.test"))));
    expect(several).toMatchObject({ status: 200, body: { domain: "shop.portier.test" } });
    expect((several.body as { organizations: unknown[] }).organizations).toHaveLength(2);

    const loner = (await signIn(await createUser())).cookie;
    const none = await answer(() => requestLink.loader(args(request(loner, "/partners/request?store=shop.portier.test"))));
    expect(none).toMatchObject({ status: 200, body: { organizations: [] } });

    const anonymous = await answer(() => requestLink.loader(args(new Request("http://localhost/partners/request?store=shop.portier.test"))));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
  });
});
