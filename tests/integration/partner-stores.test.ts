// The Stores page's list: states, search, cursor pagination and the pending counter; and the activity page.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStore, createUser } from "../helpers/factories";
import { asPartner, createManagedAccess, sendRequest } from "../helpers/partner-factories";
import { listPartnerStores, decodeCursor, type StoreFilter } from "~/services/partner-stores.server";
import { membershipOf } from "~/services/organizations.server";
import { pendingCounterOf } from "~/domain/request-lifecycle";
import { listPartnerActivity } from "~/services/partner-activity.server";
import { cancelRequest } from "~/services/access-requests.server";
import { removeAccess } from "~/services/partner-access.server";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

/** Walks every page forward, then back from the last, and returns the ids seen each way. */
async function walk(organizationId: string, options: { filter?: StoreFilter; query?: string; pageSize: number }) {
  const forward: string[] = [];
  let page = await listPartnerStores(organizationId, options);
  expect(page.previousCursor).toBeNull();
  forward.push(...page.rows.map((r) => r.accessId));
  let pages = 1;
  while (page.nextCursor) {
    page = await listPartnerStores(organizationId, { ...options, after: page.nextCursor });
    forward.push(...page.rows.map((r) => r.accessId));
    pages++;
  }
  const backward: string[] = [...page.rows.map((r) => r.accessId)].reverse();
  while (page.previousCursor) {
    page = await listPartnerStores(organizationId, { ...options, before: page.previousCursor });
    backward.push(...[...page.rows.map((r) => r.accessId)].reverse());
  }
  expect(page.previousCursor).toBeNull();
  return { forward, backward: backward.reverse(), pages };
}

describe("the Stores list", () => {
  test("shows pending, managed, removed and declined stores with their permissions, newest change first", async () => {
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    const a = await createStore({ name: "Alpha Apparel", handle: `alpha-${randomUUID().slice(0, 6)}`, codeRequired: false });
    const b = await createStore({ name: "Bravo Bakery", handle: `bravo-${randomUUID().slice(0, 6)}`, codeRequired: false });
    const c = await createStore({ name: "Charlie Cheese", handle: `charlie-${randomUUID().slice(0, 6)}`, codeRequired: false });
    const d = await createStore({ name: "Delta Decor", handle: `delta-${randomUUID().slice(0, 6)}`, codeRequired: false });
    await sendRequest(partner, organization.id, a.store, ["orders_view"]);
    const managed = await createManagedAccess(partner, organization.id, b.store, b.owner, ["products_manage"]);
    const removed = await createManagedAccess(partner, organization.id, c.store, c.owner);
    await removeAccess(asPartner(partner), organization.id, removed.accessId);
    const cancelled = await sendRequest(partner, organization.id, d.store);
    await cancelRequest(asPartner(partner), organization.id, cancelled.requestId);

    const page = await listPartnerStores(organization.id);
    expect(page.rows.map((r) => [r.storeName, r.state])).toEqual([
      ["Charlie Cheese", "REMOVED"],
      ["Bravo Bakery", "MANAGED"],
      ["Alpha Apparel", "PENDING"],
    ]);
    expect(page.rows[1]).toMatchObject({ accessId: managed.accessId, storeDomain: b.store.domain, permissions: ["products_manage"] });
    expect(page.rows[2].permissions).toEqual(["orders_view"]);
    expect(page).toMatchObject({ previousCursor: null, nextCursor: null });

    expect((await listPartnerStores(organization.id, { filter: "MANAGED" })).rows.map((r) => r.storeName)).toEqual(["Bravo Bakery"]);
    expect((await listPartnerStores(organization.id, { filter: "PENDING" })).rows.map((r) => r.storeName)).toEqual(["Alpha Apparel"]);
    expect((await listPartnerStores(organization.id, { filter: "REMOVED" })).rows.map((r) => r.storeName)).toEqual(["Charlie Cheese"]);
    expect((await listPartnerStores(organization.id, { filter: "DECLINED" })).rows).toEqual([]);

    // Search by name (any case) or by domain, even pasted as a URL.
    expect((await listPartnerStores(organization.id, { query: "bAkErY" })).rows.map((r) => r.storeName)).toEqual(["Bravo Bakery"]);
    expect((await listPartnerStores(organization.id, { query: a.store.domain.slice(0, 8) })).rows.map((r) => r.storeName)).toEqual(["Alpha Apparel"]);
    expect((await listPartnerStores(organization.id, { query: `https://${c.store.domain.toUpperCase()}/admin` })).rows.map((r) => r.storeName)).toEqual(["Charlie Cheese"]);
    expect((await listPartnerStores(organization.id, { query: "bakery", filter: "PENDING" })).rows).toEqual([]);

    // Another organization sees none of it: its first page, unfiltered, is empty (the page's empty state).
    const other = await createOrganization();
    expect(await listPartnerStores(other.id)).toEqual({ rows: [], previousCursor: null, nextCursor: null });
  });

  test("the counter says N of 10 pending and when the button must be disabled", async () => {
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    // The page reads the counter from the membership check's organization row.
    const counter = async () => pendingCounterOf((await membershipOf(partner.id, organization.id))!.organization.pendingRequestCount);
    expect(await counter()).toEqual({ pending: 0, limit: 10, full: false });
    for (let i = 0; i < 10; i++) await sendRequest(partner, organization.id, (await createStore({ codeRequired: false })).store);
    expect(await counter()).toEqual({ pending: 10, limit: 10, full: true });
  });

  test("cursor pagination visits every row exactly once, both ways, also when many rows share a timestamp", async () => {
    const organization = await createOrganization();
    const count = 137;
    const stores = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      name: `Paged Store ${String(i).padStart(3, "0")}`,
      domain: `paged-${i}-${randomUUID().slice(0, 6)}.portier.test`,
      contactEmail: "x@example.test",
      collaboratorCode: "1234",
    }));
    await t.db.store.createMany({ data: stores });
    const sameInstant = new Date("2026-01-01T00:00:00Z");
    await t.db.collaboratorAccess.createMany({
      data: stores.map((store, i) => ({
        organizationId: organization.id,
        storeId: store.id,
        state: (["MANAGED", "PENDING", "REMOVED"] as const)[i % 3],
        // A third share one instant; the rest are spread out.
        updatedAt: i % 3 === 0 ? sameInstant : new Date(sameInstant.getTime() + i * 1000),
      })),
    });

    const all = await walk(organization.id, { pageSize: 10 });
    expect(all.pages).toBe(14);
    expect(new Set(all.forward).size).toBe(count);
    expect(all.backward).toEqual(all.forward);

    const managed = await walk(organization.id, { filter: "MANAGED", pageSize: 7 });
    expect(managed.forward).toHaveLength(Math.ceil(count / 3));
    expect(new Set(managed.forward).size).toBe(managed.forward.length);
    expect(managed.backward).toEqual(managed.forward);

    const searched = await walk(organization.id, { query: "paged store 1", pageSize: 9 });
    // Names are zero-padded: "Paged Store 100" to "Paged Store 136".
    expect(searched.forward).toHaveLength(37);
    expect(searched.backward).toEqual(searched.forward);
  });

  test("a forged or broken cursor is ignored, not an error", async () => {
    const organization = await createOrganization();
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(Buffer.from("2026-01-01T00:00:00Z|'; drop table").toString("base64url"))).toBeNull();
    expect((await listPartnerStores(organization.id, { after: "garbage", before: "%%%" })).rows).toEqual([]);
  });

  test("a deep page of thousands of managed stores is read through the index, without sorting them all", async () => {
    const organization = await createOrganization();
    const count = 3000;
    const stores = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      name: `Bulk Store ${i}`,
      domain: `bulk-${i}-${randomUUID().slice(0, 6)}.portier.test`,
      contactEmail: "x@example.test",
      collaboratorCode: "1234",
    }));
    await t.db.store.createMany({ data: stores });
    const start = new Date("2025-01-01T00:00:00Z").getTime();
    await t.db.collaboratorAccess.createMany({
      data: stores.map((store, i) => ({ organizationId: organization.id, storeId: store.id, state: i % 10 === 0 ? ("PENDING" as const) : ("MANAGED" as const), updatedAt: new Date(start + i * 60_000) })),
    });
    await t.db.$executeRawUnsafe(`ANALYZE "CollaboratorAccess"`);

    let page = await listPartnerStores(organization.id, { filter: "MANAGED" });
    for (let i = 0; i < 20; i++) page = await listPartnerStores(organization.id, { filter: "MANAGED", after: page.nextCursor });
    const cursor = decodeCursor(page.nextCursor)!;
    const startedAt = performance.now();
    const deep = await listPartnerStores(organization.id, { filter: "MANAGED", after: page.nextCursor });
    const elapsed = performance.now() - startedAt;
    expect(deep.rows).toHaveLength(25);
    expect(elapsed).toBeLessThan(1000);

    // The same shape of query as the service's, asked to explain itself.
    const plan = (await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT "id" FROM "CollaboratorAccess"
       WHERE "organizationId" = $1::uuid AND "listed" = true AND "state" = 'MANAGED'
         AND "updatedAt" <= $2 AND NOT ("updatedAt" = $2 AND "id" <= $3::uuid)
       ORDER BY "updatedAt" DESC, "id" ASC LIMIT 26`,
      organization.id,
      cursor.updatedAt,
      cursor.id,
    )).map((row) => row["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/Index (Only )?Scan using "CollaboratorAccess_organizationId_listed_state_updatedAt_id_idx"/);
    expect(plan).not.toMatch(/\bSort\b/);
  });
});

describe("the organization's activity", () => {
  test("lists its own entries, newest first, paginated, and none of another organization's", async () => {
    const partner = await createUser({ firstName: "Nadia", lastName: "Okafor" });
    const organization = await createOrganization({ members: [partner] });
    const other = await createOrganization({ members: [await createUser()] });
    const { store, owner } = await createStore({ name: "Activity Store", codeRequired: false });
    const managed = await createManagedAccess(partner, organization.id, store, owner, ["orders_view"]);
    await removeAccess(asPartner(partner), organization.id, managed.accessId);
    await t.db.activityLog.create({ data: { action: "collaborator_request.created", organizationId: other.id, actorLabel: "x", actorKind: "partner" } });

    const first = await listPartnerActivity(organization.id);
    expect(first.entries.map((e) => e.action)).toEqual(["collaborator_access.removed", "collaborator_request.approved", "collaborator_request.created"]);
    expect(first.entries.every((e) => e.storeName === "Activity Store")).toBe(true);
    expect(first.entries[2].actorLabel).toContain("Nadia Okafor");

    for (let i = 0; i < 5; i++) await t.db.activityLog.create({ data: { action: `test.${i}`, organizationId: organization.id, actorLabel: "x", actorKind: "partner" } });
    const page1 = await listPartnerActivity(organization.id, { pageSize: 3 });
    expect(page1.entries.map((e) => e.action)).toEqual(["test.4", "test.3", "test.2"]);
    expect(page1.previousCursor).toBeNull();
    const page2 = await listPartnerActivity(organization.id, { pageSize: 3, after: page1.nextCursor });
    expect(page2.entries.map((e) => e.action)).toEqual(["test.1", "test.0", "collaborator_access.removed"]);
    const back = await listPartnerActivity(organization.id, { pageSize: 3, before: page2.previousCursor });
    expect(back.entries.map((e) => e.action)).toEqual(["test.4", "test.3", "test.2"]);
    expect(back.previousCursor).toBeNull();
    expect((await listPartnerActivity(organization.id, { after: "1; drop" })).entries).toHaveLength(8);
  });
});
