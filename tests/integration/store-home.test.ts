import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStaff, createStore, createUser } from "../helpers/factories";
import { accessOf, actorFor, createPendingRequest } from "../helpers/store-factories";
import { CSV_HEADER, exportActivity, activityPeople, activityPersonLabel, listActivity, listNotifications, markNotificationsRead } from "~/services/store-home.server";
import { frameBadges } from "~/services/store-frame.server";
import { approveRequest } from "~/services/collaborator-decisions.server";
import { cancelRequest } from "~/services/access-requests.server";
import { removeAccess } from "~/services/partner-access.server";
import { ACTIVITY_PAGE_SIZE } from "~/domain/activity-log";
import { csvStream } from "~/lib/csv.server";
import { get, outcome, post, routeArgs, toastOf } from "../helpers/routes";
import { cookieFor } from "../helpers/sections-factories";
import * as homePage from "~/routes/store.$storeId._index";
import * as peopleRoute from "~/routes/store.$storeId.activity.people";
import * as csvRoute from "~/routes/store.$storeId.activity[.]csv";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

/** The file as the download writes it (lib/csv.server.ts), byte-order mark included. */
async function collect(rows: Promise<AsyncIterable<import("~/lib/csv.server").CsvRow>>): Promise<string> {
  const bytes = await new Response(csvStream(CSV_HEADER, await rows)).arrayBuffer();
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

describe("notifications", () => {
  test("the frame's badges: pending requests for those who review them, unread notifications for those who see Home", async () => {
    const { store, owner } = await createStore();
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    await createPendingRequest({ organization, storeId: store.id, requester: partner });
    const ownerActor = await actorFor(owner, store.id);
    expect(await frameBadges(ownerActor)).toEqual({ pendingRequests: 1, unreadNotifications: 1 });
    const homeOnly = await createUser();
    await createStaff(store.id, homeOnly, ["home_view"]);
    expect(await frameBadges(await actorFor(homeOnly, store.id))).toEqual({ pendingRequests: 0, unreadNotifications: 1 });
    const staffOnly = await createUser();
    await createStaff(store.id, staffOnly, ["staff_view"]);
    expect(await frameBadges(await actorFor(staffOnly, store.id))).toEqual({ pendingRequests: 1, unreadNotifications: 0 });
    // A collaborator who sees Home gets its badge, never the requests' (the staff section is not theirs).
    const collaborator = { kind: "collaborator" as const, userId: partner.id, accessId: organization.id, organizationId: organization.id, organizationName: organization.name, permissions: ["home_view" as const], store: ownerActor.store };
    expect(await frameBadges(collaborator)).toEqual({ pendingRequests: 0, unreadNotifications: 1 });
  });

  test("new requests, cancellations and removals show with unread state; deciding resolves; home:manage marks read", async () => {
    const { store, owner } = await createStore();
    const ownerActor = await actorFor(owner, store.id);
    const partner = await createUser({ firstName: "Béa", lastName: "Lemoine" });
    const organization = await createOrganization({ name: "Bluebird Studio", members: [partner] });
    const first = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    await cancelRequest(partner, organization.id, first.id);
    const second = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    await approveRequest(ownerActor, store.id, second.id, ["orders_view"]);
    expect(await removeAccess(partner, organization.id, (await accessOf(organization.id, store.id)).id)).toMatchObject({ ok: true });

    const notifications = await listNotifications(store.id);
    const unread = (await frameBadges(ownerActor)).unreadNotifications;
    // Deciding a request also marks its notification read: the owner has dealt with it.
    expect(unread).toBe(3);
    expect(notifications.map((n) => [n.kind, n.requestStatus, n.resolved])).toEqual([
      ["collaborator_access.removed_by_partner", null, false],
      ["collaborator_request.created", "APPROVED", true],
      ["collaborator_request.cancelled", "CANCELLED", false],
      ["collaborator_request.created", "CANCELLED", true],
    ]);
    expect(notifications.map((n) => n.unread)).toEqual([true, false, true, true]);
    expect(notifications.every((n) => n.organization === "Bluebird Studio")).toBe(true);
    expect(notifications.every((n) => n.person === "Béa Lemoine")).toBe(true);

    const viewer = await createUser();
    await createStaff(store.id, viewer, ["home_view"]);
    expect(await markNotificationsRead(await actorFor(viewer, store.id), store.id, "all")).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await markNotificationsRead(ownerActor, store.id, [notifications[0].id])).toEqual({ ok: true, value: { count: 1 } });
    expect((await frameBadges(ownerActor)).unreadNotifications).toBe(2);
    expect(await markNotificationsRead(ownerActor, store.id, "all")).toEqual({ ok: true, value: { count: 2 } });
    expect((await listNotifications(store.id)).every((n) => !n.unread)).toBe(true);
  });

  test("another store's notification cannot be marked read from here", async () => {
    const a = await createStore();
    const b = await createStore();
    const note = await t.db.notification.create({ data: { storeId: b.store.id, kind: "collaborator_request.cancelled" } });
    expect(await markNotificationsRead(await actorFor(a.owner, a.store.id), a.store.id, [note.id])).toEqual({ ok: true, value: { count: 0 } });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull();
  });
});

describe("activity log", () => {
  async function busyStore() {
    const { store, owner } = await createStore();
    const helper = await createUser({ firstName: "Sam", lastName: "Helper" });
    const entries = [];
    for (let i = 0; i < 60; i++) {
      const byOwner = i % 3 !== 0;
      entries.push({
        storeId: store.id,
        action: i % 2 === 0 ? "staff.invited" : "order.status_changed",
        actorUserId: byOwner ? owner.id : helper.id,
        actorLabel: byOwner ? "Owner <owner@example.test>" : "Sam Helper <sam@example.test>",
        actorKind: byOwner ? "owner" : "staff",
        subject: `entry-${i}`,
      });
    }
    for (const entry of entries) await t.db.activityLog.create({ data: entry });
    return { store, owner, helper };
  }

  test("newest first, in pages, forward and back without gaps or repeats", async () => {
    const { store } = await busyStore();
    const first = await listActivity(store.id, {});
    expect(first.entries).toHaveLength(ACTIVITY_PAGE_SIZE);
    expect(first.entries[0].subject).toBe("entry-59");
    expect(first).toMatchObject({ hasNewer: false, hasOlder: true });
    const second = await listActivity(store.id, {}, { before: first.oldest! });
    const third = await listActivity(store.id, {}, { before: second.oldest! });
    expect(third).toMatchObject({ hasOlder: false, hasNewer: true });
    const all = [...first.entries, ...second.entries, ...third.entries].map((e) => e.subject);
    expect(all).toEqual(Array.from({ length: 60 }, (_, i) => `entry-${59 - i}`));
    const back = await listActivity(store.id, {}, { after: second.newest! });
    expect(back.entries.map((e) => e.subject)).toEqual(first.entries.map((e) => e.subject));
    expect(back.hasNewer).toBe(false);
  });

  test("filters by kind and by person, together too", async () => {
    const { store, helper } = await busyStore();
    const staffOnly = await listActivity(store.id, { kind: "staff" });
    expect(staffOnly.entries.every((e) => e.action.startsWith("staff."))).toBe(true);
    expect(staffOnly.entries).toHaveLength(ACTIVITY_PAGE_SIZE);
    const byHelper = await listActivity(store.id, { person: helper.id });
    expect(byHelper.entries).toHaveLength(20);
    expect(byHelper.entries.every((e) => e.actor.startsWith("Sam Helper"))).toBe(true);
    const both = await listActivity(store.id, { kind: "order", person: helper.id });
    expect(both.entries.every((e) => e.action === "order.status_changed" && e.actorKind === "staff")).toBe(true);
    expect(both.entries).toHaveLength(10);
    expect((await activityPeople(store.id)).map((p) => p.label)).toEqual(["Owner <owner@example.test>", "Sam Helper <sam@example.test>"]);
    // The filtered page names the chosen person; someone not in this store's log has no label here.
    expect(await activityPersonLabel(store.id, helper.id)).toBe("Sam Helper <sam@example.test>");
    expect(await activityPersonLabel((await createStore()).store.id, helper.id)).toBeNull();
    expect(await activityPersonLabel(store.id, "not-a-uuid")).toBeNull();
    // Another store's entries never show.
    const other = await createStore();
    expect((await listActivity(other.store.id, {})).entries.every((e) => !e.subject?.startsWith("entry-"))).toBe(true);
  });

  test("CSV export streams every matching row (more than one batch), newest first, and is logged", async () => {
    const { store, owner } = await createStore();
    const rows = Array.from({ length: 2345 }, (_, i) => ({
      storeId: store.id,
      action: "customer.updated",
      actorUserId: owner.id,
      actorLabel: "Owner <owner@example.test>",
      actorKind: "owner",
      subject: i === 2344 ? '=HYPERLINK("http://evil.test","click"), "quoted"' : `customer-${i}`,
    }));
    await t.db.activityLog.createMany({ data: rows });
    const ownerActor = await actorFor(owner, store.id);
    const csv = await collect(exportActivity(ownerActor, store.id, { kind: "customer" }));
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0].replace("\uFEFF", "")).toBe("Date (UTC),Action,Actor,Actor kind,Subject,Organization,Permissions,Details,IP");
    expect(lines).toHaveLength(2346);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"",""click""), ""quoted"""`);
    expect(lines.at(-1)).toContain("customer-0");
    expect(await t.db.activityLog.count({ where: { storeId: store.id, action: "activity.exported" } })).toBe(1);
  });

  test("a person without home access cannot export", async () => {
    const { store } = await createStore();
    const clerk = await createUser();
    await createStaff(store.id, clerk, ["orders_view"]);
    const actor = await actorFor(clerk, store.id);
    await expect(collect(exportActivity(actor, store.id, {}))).rejects.toThrow();
  });

});

describe("the Home page", () => {
  test("notifications and the log for people with home; the welcome for others, who cannot mark, list or export", async () => {
    const { store, owner } = await createStore();
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    await createPendingRequest({ organization, storeId: store.id, requester: partner });
    const home = `/store/${store.id}`;
    const params = { storeId: store.id };
    const ownerCookie = await cookieFor(owner);
    expect(await outcome(homePage.loader(routeArgs(get(home, ownerCookie), params)))).toMatchObject({
      status: 200,
      body: { home: { notifications: [{ kind: "collaborator_request.created", unread: true }], canMarkRead: true, canReview: true } },
    });

    const clerk = await createUser();
    await createStaff(store.id, clerk, ["orders_view"]);
    const clerkCookie = await cookieFor(clerk);
    expect(await outcome(homePage.loader(routeArgs(get(home, clerkCookie), params)))).toMatchObject({ status: 200, body: { home: null } });
    expect((await outcome(homePage.action(routeArgs(post(home, clerkCookie, { intent: "markAllRead" }), params)))).status).toBe(403);
    expect((await outcome(peopleRoute.loader(routeArgs(get(`${home}/activity/people`, clerkCookie), params)))).status).toBe(403);
    expect((await outcome(csvRoute.action(routeArgs(post(`${home}/activity.csv`, clerkCookie, {}), params)))).status).toBe(403);
  });

  test("marking read: all of them with a toast, one of them quietly", async () => {
    const { store, owner } = await createStore();
    const [first, second] = await Promise.all([1, 2].map(() => t.db.notification.create({ data: { storeId: store.id, kind: "collaborator_request.cancelled" } })));
    const home = `/store/${store.id}`;
    const params = { storeId: store.id };
    const cookie = await cookieFor(owner);
    expect(await outcome(homePage.action(routeArgs(post(home, cookie, { intent: "markRead", notificationId: first.id }), params)))).toMatchObject({ status: 302, location: home });
    expect(await toastOf(cookie)).toBeNull();
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: second.id } })).readAt).toBeNull();
    expect(await outcome(homePage.action(routeArgs(post(home, cookie, { intent: "markAllRead" }), params)))).toMatchObject({ status: 302, location: home });
    expect(await toastOf(cookie)).toEqual({ key: "store.toast.notificationsRead" });
    expect(await t.db.notification.count({ where: { storeId: store.id, readAt: null } })).toBe(0);
  });

  test("the person filter's list and the CSV export, with the page's filters", async () => {
    const { store, owner } = await createStore();
    await t.db.activityLog.createMany({
      data: [
        { storeId: store.id, action: "staff.invited", actorUserId: owner.id, actorLabel: "Owner <owner@example.test>", actorKind: "owner", subject: "staff-entry" },
        { storeId: store.id, action: "order.status_changed", actorUserId: owner.id, actorLabel: "Owner <owner@example.test>", actorKind: "owner", subject: "order-entry" },
      ],
    });
    const home = `/store/${store.id}`;
    const params = { storeId: store.id };
    const cookie = await cookieFor(owner);
    expect(await outcome(peopleRoute.loader(routeArgs(get(`${home}/activity/people`, cookie), params)))).toEqual({
      status: 200,
      body: { people: [{ userId: owner.id, label: "Owner <owner@example.test>" }] },
    });
    // A GET only leads back to Home: exporting is logged, so it is a POST.
    expect(await outcome(csvRoute.loader(routeArgs(get(`${home}/activity.csv`, cookie), params)))).toMatchObject({ status: 302, location: home });
    const csv = (await csvRoute.action(routeArgs(post(`${home}/activity.csv`, cookie, { kind: "staff", person: "not-a-uuid" }), params))) as Response;
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename=".+-activity-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await csv.text();
    expect(text).toContain("staff-entry");
    expect(text).not.toContain("order-entry");
    expect(await t.db.activityLog.findFirst({ where: { storeId: store.id, action: "activity.exported" } })).toMatchObject({ actorUserId: owner.id, ip: "203.0.113.9", details: { kind: "staff", person: null } });
  });
});
