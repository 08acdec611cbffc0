// The partner Stores page at agency scale: several stores' access removed after one confirmation (each
// removal its own transaction and log entry, one summary toast), and the list exported as CSV.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStore, createUser } from "../helpers/factories";
import { accessOf } from "../helpers/store-factories";
import { asPartner, createManagedAccess, sendRequest } from "../helpers/partner-factories";
import { cookieFor } from "../helpers/sections-factories";
import { errorsOf, get, outcome, post, routeArgs, toastOf } from "../helpers/routes";
import { removeAccess, removeAccesses } from "~/services/partner-access.server";
import { parseCsv } from "~/domain/customers-csv";
import * as storesPage from "~/routes/partners.$orgId.stores._index";
import * as storesCsv from "~/routes/partners.$orgId.stores[.]csv";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function agency(count: number) {
  const partner = await createUser({ firstName: "Béa", lastName: "Lemoine" });
  const organization = await createOrganization({ name: "Bluebird Studio", members: [partner] });
  const stores = [];
  for (let i = 0; i < count; i++) {
    const { store, owner } = await createStore({ name: `Shop ${i}` });
    await createManagedAccess(partner, organization.id, store, owner, ["orders_view"]);
    stores.push({ store, owner, access: await accessOf(organization.id, store.id) });
  }
  return { partner, organization, stores };
}

describe("bulk removal", () => {
  test("each selected store loses access in its own change, logged and told to its owner; the answer counts what was already gone", async () => {
    const { partner, organization, stores } = await agency(4);
    // One was removed a moment earlier by a colleague; one stays out of the selection.
    expect(await removeAccess(asPartner(partner), organization.id, stores[0].access.id)).toMatchObject({ ok: true });
    const chosen = stores.slice(0, 3).map((s) => s.access.id);
    expect(await removeAccesses(asPartner(partner), organization.id, [...chosen, chosen[1]], "198.51.100.7")).toEqual({ ok: true, value: { removed: 2, alreadyGone: 1 } });
    const states = await t.db.collaboratorAccess.findMany({ where: { organizationId: organization.id }, select: { id: true, state: true, permissions: true } });
    expect(states.filter((s) => s.state === "REMOVED").map((s) => s.id).sort()).toEqual(chosen.sort());
    expect(states.find((s) => s.id === stores[3].access.id)).toMatchObject({ state: "MANAGED", permissions: ["orders_view"] });
    // One entry per store removed, by the member, with what it ended; and the owner's notification.
    for (const { store } of stores.slice(0, 3)) {
      const entries = await t.db.activityLog.findMany({ where: { storeId: store.id, action: "collaborator_access.removed" } });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorUserId: partner.id, actorLabel: `Béa Lemoine <${partner.email}>`, details: { previousPermissions: ["orders_view"] } });
      expect(await t.db.notification.count({ where: { storeId: store.id, kind: "collaborator_access.removed_by_partner" } })).toBe(1);
    }
  });

  test("someone who is not a member changes nothing; an empty or oversized selection is refused", async () => {
    const { organization, stores } = await agency(1);
    const stranger = await createUser();
    expect(await removeAccesses(asPartner(stranger), organization.id, [stores[0].access.id])).toMatchObject({ ok: false, kind: "notFound" });
    expect((await accessOf(organization.id, stores[0].store.id)).state).toBe("MANAGED");
    expect(await removeAccesses(asPartner(stranger), organization.id, [])).toMatchObject({ ok: false, kind: "invalid" });
    // Another organization's access named from this one's page: left alone, and said to be nothing of ours.
    const rival = await agency(1);
    expect(await removeAccesses(asPartner(rival.partner), rival.organization.id, [stores[0].access.id])).toEqual({ ok: true, value: { removed: 0, alreadyGone: 1 } });
    expect((await accessOf(organization.id, stores[0].store.id)).state).toBe("MANAGED");
  });

  test("the page's intent: one confirmation's post, a summary toast, back to the list as it was", async () => {
    const { partner, organization, stores } = await agency(2);
    // A pending request of the organization is not removable: a forged selection counts it as left alone.
    const other = await createStore({ name: "Pending shop" });
    await sendRequest(partner, organization.id, other.store);
    const pending = await accessOf(organization.id, other.store.id);
    const cookie = await cookieFor(partner);
    const base = `/partners/${organization.id}/stores`;
    const params = { orgId: organization.id };
    const ids = [stores[0].access.id, stores[1].access.id, pending.id].join(",");
    expect(await outcome(storesPage.action(routeArgs(post(`${base}?index&status=managed`, cookie, { intent: "removeAccesses", ids }), params)))).toMatchObject({
      status: 302,
      location: `${base}?status=managed`,
    });
    expect(await toastOf(cookie)).toEqual({ key: "logs.bulk.toast.mixed", params: { count: "2", gone: "1" } });
    expect((await accessOf(organization.id, other.store.id)).state).toBe("PENDING");

    const refused = await outcome(storesPage.action(routeArgs(post(`${base}?index`, cookie, { intent: "removeAccesses", ids: "not-an-id" }), params)));
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body)).toEqual({ ids: "logs.bulk.errors.selection" });
    const none = await outcome(storesPage.action(routeArgs(post(`${base}?index`, cookie, { intent: "removeAccesses", ids: "" }), params)));
    expect(none.status).toBe(400);
  });
});

describe("the Stores list as CSV", () => {
  test("every listed store with state, permissions and dates, as the page filters it; logged; members only", async () => {
    const { partner, organization, stores } = await agency(3);
    await removeAccess(asPartner(partner), organization.id, stores[2].access.id);
    await t.db.collaboratorAccess.update({ where: { id: stores[0].access.id }, data: { lastUsedAt: new Date("2026-11-30T08:00:00Z"), endsAt: new Date("2027-03-01T00:00:00Z") } });
    const cookie = await cookieFor(partner);
    const base = `/partners/${organization.id}/stores`;
    const params = { orgId: organization.id };

    expect(await outcome(storesCsv.loader(routeArgs(get(`${base}.csv`, cookie), params)))).toMatchObject({ status: 302, location: base });
    const all = await storesCsv.action(routeArgs(post(`${base}.csv`, cookie, { q: "", status: "" }), params));
    expect((all as Response).headers.get("content-disposition")).toMatch(/^attachment; filename="stores-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await (all as Response).arrayBuffer()));
    expect(rows[0]).toEqual(["Store", "Domain", "State", "Permissions", "Granted (UTC)", "Ends (UTC)", "Last used (UTC)", "Changed (UTC)"]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]]).sort()).toEqual([
      ["Shop 0", "MANAGED", "orders: view"],
      ["Shop 1", "MANAGED", "orders: view"],
      ["Shop 2", "REMOVED", ""],
    ]);
    const shop0 = rows.find((r) => r[0] === "Shop 0")!;
    expect(shop0[4]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(shop0[5]).toBe("2027-03-01T00:00:00.000Z");
    expect(shop0[6]).toBe("2026-11-30T08:00:00.000Z");
    expect(rows.find((r) => r[0] === "Shop 1")![5]).toBe("");

    const managed = await storesCsv.action(routeArgs(post(`${base}.csv`, cookie, { q: "Shop 1", status: "managed" }), params));
    expect(parseCsv(await (managed as Response).text()).slice(1).map((r) => r[0])).toEqual(["Shop 1"]);
    expect(await t.db.activityLog.findMany({ where: { organizationId: organization.id, action: "organization.stores_exported" }, orderBy: { id: "asc" }, select: { actorUserId: true, details: true } })).toEqual([
      { actorUserId: partner.id, details: { filter: "all", query: "" } },
      { actorUserId: partner.id, details: { filter: "MANAGED", query: "Shop 1" } },
    ]);

    const stranger = await cookieFor(await createUser());
    expect((await outcome(storesCsv.action(routeArgs(post(`${base}.csv`, stranger, {}), params)))).status).toBe(404);
  });
});
