// Both activity logs (the store's on Home, the organization's in the partner dashboard): what a permission
// change says, who it names, the filters (kind, person, days) with keyset pages, and the streamed CSV.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStaff, createStore, createUser } from "../helpers/factories";
import { accessOf, actorFor } from "../helpers/store-factories";
import { asPartner, createManagedAccess } from "../helpers/partner-factories";
import { cookieFor } from "../helpers/sections-factories";
import { get, outcome, post, routeArgs } from "../helpers/routes";
import { listActivity } from "~/services/store-home.server";
import { listPartnerActivity, partnerActivityPeople } from "~/services/partner-activity.server";
import { changeStaffPermissions } from "~/services/staff.server";
import { changeCollaboratorPermissions } from "~/services/collaborator-decisions.server";
import { removeAccess } from "~/services/partner-access.server";
import { activityFilters, dayOf, permissionChanges, permissionChangesText } from "~/domain/activity-log";
import * as partnerLog from "~/routes/partners.$orgId.activity";
import * as partnerCsv from "~/routes/partners.$orgId.activity[.]csv";
import * as partnerPeople from "~/routes/partners.$orgId.activity.people";
import * as homePage from "~/routes/store.$storeId._index";
import * as storeCsv from "~/routes/store.$storeId.activity[.]csv";
import { parseCsv } from "~/domain/customers-csv";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const text = async (response: unknown) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await (response as Response).arrayBuffer());

describe("a permission change says what changed, and who did it", () => {
  test("a staff account's permissions: per section, before and after, by the person who changed them", async () => {
    const { store, owner } = await createStore();
    const clerk = await createUser({ firstName: "Chloé", lastName: "Martin" });
    const account = await createStaff(store.id, clerk, ["orders_view", "products_manage"]);
    expect(await changeStaffPermissions(await actorFor(owner, store.id), store.id, account.id, ["orders_manage", "customers_view"])).toMatchObject({ ok: true });
    const [entry] = (await listActivity(store.id, { kind: "staff" })).entries;
    expect(entry).toMatchObject({ action: "staff.permissions_changed", actor: expect.stringContaining(owner.email), subject: clerk.email.toLowerCase() });
    expect(entry.changes).toEqual([
      { section: "orders", before: "view", after: "manage" },
      { section: "products", before: "manage", after: null },
      { section: "customers", before: null, after: "view" },
    ]);
  });

  test("a collaborator access: both logs show the change; the partner member who removed access is named", async () => {
    const { store, owner } = await createStore();
    const partner = await createUser({ firstName: "Béa", lastName: "Lemoine" });
    const colleague = await createUser({ firstName: "Noé", lastName: "Roux" });
    const organization = await createOrganization({ name: "Bluebird Studio", members: [partner, colleague] });
    await createManagedAccess(partner, organization.id, store, owner, ["orders_view", "products_view"]);
    const access = await accessOf(organization.id, store.id);
    expect(await changeCollaboratorPermissions(await actorFor(owner, store.id), store.id, access.id, ["orders_manage"])).toMatchObject({ ok: true });
    expect(await removeAccess(asPartner(colleague), organization.id, access.id)).toMatchObject({ ok: true });

    const storeSide = (await listActivity(store.id, { kind: "collaborator_access" })).entries;
    expect(storeSide.map((e) => [e.action, e.actor, e.changes])).toEqual([
      ["collaborator_access.removed", `Noé Roux <${colleague.email}>`, [{ section: "orders", before: "manage", after: null }]],
      ["collaborator_access.permissions_changed", expect.stringContaining(owner.email), [
        { section: "orders", before: "view", after: "manage" },
        { section: "products", before: "view", after: null },
      ]],
    ]);
    const partnerSide = (await listPartnerActivity(organization.id)).entries;
    expect(partnerSide.find((e) => e.action === "collaborator_request.created")).toMatchObject({ actorLabel: `Béa Lemoine <${partner.email}>` });
    expect(partnerSide.find((e) => e.action === "collaborator_request.approved")?.changes).toEqual([
      { section: "orders", before: null, after: "view" },
      { section: "products", before: null, after: "view" },
    ]);
    expect(partnerSide.find((e) => e.action === "collaborator_access.permissions_changed")?.changes).toHaveLength(2);
  });

  test("the wording of changes, for the page and the file", () => {
    expect(permissionChanges("staff.invited", { permissions: ["home_view"] })).toEqual([{ section: "home", before: null, after: "view" }]);
    expect(permissionChanges("collaborator_request.approved", { requested: ["orders_manage"], granted: ["orders_view"] })).toEqual([{ section: "orders", before: null, after: "view" }]);
    expect(permissionChanges("store.details_updated", { name: "x" })).toBeNull();
    expect(permissionChanges("staff.permissions_changed", "nonsense")).toBeNull();
    expect(permissionChangesText([{ section: "orders", before: null, after: "view" }, { section: "staff", before: "manage", after: null }])).toBe("orders: none → view; staff: manage → none");
  });
});

describe("filters and keyset pages", () => {
  /** 240 entries over three days, of two kinds, by two people; ids rise with time. */
  async function loggedStore() {
    const { store, owner } = await createStore();
    const helper = await createUser({ firstName: "Sam", lastName: "Helper" });
    const organization = await createOrganization({ members: [helper] });
    const data = Array.from({ length: 240 }, (_, i) => ({
      storeId: store.id,
      organizationId: organization.id,
      action: i % 2 === 0 ? "collaborator_access.logged_in" : "collaborator_request.created",
      actorUserId: i % 3 === 0 ? owner.id : helper.id,
      actorLabel: i % 3 === 0 ? "Owner <owner@example.test>" : "Sam Helper <sam@example.test>",
      actorKind: i % 3 === 0 ? "owner" : "partner",
      subject: `entry-${i}`,
      createdAt: new Date(Date.UTC(2026, 10, 28 + Math.floor(i / 80), 10, Math.floor(i / 60), i % 60)),
    }));
    await t.db.activityLog.createMany({ data });
    return { store, owner, helper, organization, data };
  }

  test("days are whole UTC days, both included; a date that is not one is no filter", () => {
    expect(dayOf("2026-11-30")).toBe("2026-11-30");
    expect(dayOf("2026-02-30")).toBeUndefined();
    expect(dayOf("30/11/2026")).toBeUndefined();
    expect(activityFilters(new URLSearchParams({ kind: "nope", person: "x", from: "2026-11-29", to: "bad" }))).toEqual({ from: "2026-11-29" });
  });

  test("the store's log: every page of a filtered view, forward then back, is exactly the matching entries", async () => {
    const { store, helper, data } = await loggedStore();
    const filters = { kind: "collaborator_access", person: helper.id, from: "2026-11-29", to: "2026-11-30" };
    const expected = data
      .map((row, i) => ({ ...row, i }))
      .filter((row) => row.action.startsWith("collaborator_access.") && row.actorUserId === helper.id && row.i >= 80)
      .map((row) => row.subject)
      .reverse();
    expect(expected.length).toBeGreaterThan(25);
    const pages = [await listActivity(store.id, filters)];
    while (pages.at(-1)!.hasOlder) pages.push(await listActivity(store.id, filters, { before: pages.at(-1)!.oldest! }));
    expect(pages.flatMap((p) => p.entries.map((e) => e.subject))).toEqual(expected);
    const back = await listActivity(store.id, filters, { after: pages[1].newest! });
    expect(back.entries.map((e) => e.subject)).toEqual(pages[0].entries.map((e) => e.subject));
    expect(back.hasNewer).toBe(false);
    // One day only.
    const day = await listActivity(store.id, { from: "2026-11-28", to: "2026-11-28" });
    expect(day.entries.map((e) => e.subject)).toEqual(Array.from({ length: 25 }, (_, i) => `entry-${79 - i}`));
    expect((await listActivity(store.id, { from: "2026-12-01" })).entries).toEqual([]);
  });

  test("the organization's log: the same filters and pages, and its people", async () => {
    const { organization, helper, data } = await loggedStore();
    const filters = { kind: "collaborator_request", person: helper.id, to: "2026-11-29" };
    const expected = data
      .map((row, i) => ({ ...row, i }))
      .filter((row) => row.action.startsWith("collaborator_request.") && row.actorUserId === helper.id && row.i < 160)
      .map((row) => row.subject)
      .reverse();
    const seen: string[] = [];
    let page = await listPartnerActivity(organization.id, { pageSize: 7, filters });
    seen.push(...page.entries.map((e) => e.subject!));
    while (page.nextCursor) {
      page = await listPartnerActivity(organization.id, { pageSize: 7, filters, after: page.nextCursor });
      seen.push(...page.entries.map((e) => e.subject!));
    }
    expect(seen).toEqual(expected);
    const back = await listPartnerActivity(organization.id, { pageSize: 7, filters, before: page.previousCursor });
    expect(back.entries.map((e) => e.subject)).toEqual(expected.slice(-7 - (expected.length % 7 || 7), -(expected.length % 7 || 7)));
    expect((await partnerActivityPeople(organization.id)).map((p) => p.label)).toEqual(["Owner <owner@example.test>", "Sam Helper <sam@example.test>"]);
  });
});

describe("the pages and the CSV downloads", () => {
  test("the organization's log page, person list and export: members only, filtered, neutralised, logged", async () => {
    const { store, owner } = await createStore();
    const partner = await createUser({ firstName: "=cmd|' /C calc'!A0", lastName: "Evil" });
    const organization = await createOrganization({ name: "Bluebird Studio", members: [partner] });
    await createManagedAccess(partner, organization.id, store, owner, ["orders_view"]);
    const stranger = await createUser();
    const params = { orgId: organization.id };
    const base = `/partners/${organization.id}/activity`;
    const cookie = await cookieFor(partner);

    const page = await outcome(partnerLog.loader(routeArgs(get(`${base}?kind=collaborator_request&from=2000-01-01`, cookie), params)));
    expect(page).toMatchObject({ status: 200, body: { filters: { kind: "collaborator_request", from: "2000-01-01" } } });
    const actions = (page.body as { page: { entries: { action: string }[] } }).page.entries.map((e) => e.action);
    expect(actions.sort()).toEqual(["collaborator_request.approved", "collaborator_request.created"]);
    expect(await outcome(partnerPeople.loader(routeArgs(get(`${base}/people`, cookie), params)))).toMatchObject({ status: 200, body: { people: expect.arrayContaining([expect.objectContaining({ userId: partner.id })]) } });

    expect(await outcome(partnerCsv.loader(routeArgs(get(`${base}.csv`, cookie), params)))).toMatchObject({ status: 302, location: base });
    const csv = await partnerCsv.action(routeArgs(post(`${base}.csv`, cookie, { kind: "collaborator_request" }), params));
    expect((csv as Response).headers.get("content-disposition")).toMatch(/^attachment; filename="organization-activity-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = await text(csv);
    expect(body.startsWith("\uFEFFDate (UTC),Event,Person,Person kind,Store,Store domain,About,Permissions\r\n")).toBe(true);
    const rows = parseCsv(body).slice(1);
    expect(rows.map((r) => r[1]).sort()).toEqual(["collaborator_request.approved", "collaborator_request.created"]);
    expect(rows.find((r) => r[1] === "collaborator_request.created")![2]).toBe(`'=cmd|' /C calc'!A0 Evil <${partner.email}>`);
    expect(rows.find((r) => r[1] === "collaborator_request.created")![4]).toBe(store.name);
    expect(await t.db.activityLog.findFirst({ where: { organizationId: organization.id, action: "activity.exported" } })).toMatchObject({ actorUserId: partner.id, details: { kind: "collaborator_request" } });

    const strangerCookie = await cookieFor(stranger);
    for (const run of [
      () => partnerLog.loader(routeArgs(get(base, strangerCookie), params)),
      () => partnerPeople.loader(routeArgs(get(`${base}/people`, strangerCookie), params)),
      () => partnerCsv.action(routeArgs(post(`${base}.csv`, strangerCookie, {}), params)),
    ])
      expect((await outcome(run)).status).toBe(404);
    expect(await t.db.activityLog.count({ where: { organizationId: organization.id, action: "activity.exported" } })).toBe(1);
  });

  test("Home's log takes the day range from its address, and its export from the form", async () => {
    const { store, owner } = await createStore();
    await t.db.activityLog.createMany({
      data: [
        { storeId: store.id, action: "order.note_added", actorUserId: owner.id, actorLabel: "Owner", actorKind: "owner", subject: "old", createdAt: new Date("2026-01-05T12:00:00Z") },
        { storeId: store.id, action: "order.note_added", actorUserId: owner.id, actorLabel: "Owner", actorKind: "owner", subject: "+new", createdAt: new Date("2026-03-05T12:00:00Z") },
      ],
    });
    const cookie = await cookieFor(owner);
    const params = { storeId: store.id };
    const home = `/store/${store.id}`;
    const page = await outcome(homePage.loader(routeArgs(get(`${home}?kind=order&from=2026-03-01&to=2026-03-31`, cookie), params)));
    expect((page.body as { home: { activity: { entries: { subject: string }[] } } }).home.activity.entries.map((e) => e.subject)).toEqual(["+new"]);
    const body = await text(await storeCsv.action(routeArgs(post(`${home}/activity.csv`, cookie, { kind: "order", to: "2026-02-01" }), params)));
    expect(body).toContain(",old,");
    expect(body).not.toContain("new");
    const all = await text(await storeCsv.action(routeArgs(post(`${home}/activity.csv`, cookie, { from: "2026-03-05", to: "2026-03-05" }), params)));
    expect(parseCsv(all).slice(1).map((r) => r[4])).toEqual(["'+new"]);
  });
});
