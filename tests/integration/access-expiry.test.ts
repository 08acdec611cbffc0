// Collaborator access over time (app/services/access-expiry.server.ts) on a real database: an end date set
// at approval or later, the week's warning to both sides, the end ("Access removed", with its reason), the
// same for an access left unused, the reminder of a request pending for 3 days, and what was granted
// against what was asked. The clock is the sweep's `now`, moved by the tests, never slept on; two sweeps at
// once (really concurrent on PostgreSQL) still handle each access once.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createSession, createStaff, createStore, createUser } from "../helpers/factories";
import { accessOf, actorFor, collaboratorSession, createPendingRequest, logOf, mailsTo } from "../helpers/store-factories";
import { readResult } from "../helpers/partner-factories";
import { db } from "~/lib/db.server";
import { approveRequest } from "~/services/collaborator-decisions.server";
import { ACCESS_EXPIRY_JOB, setEndDate, sweepAccessExpiry } from "~/services/access-expiry.server";
import { logInToStore } from "~/services/collaborator-login.server";
import { listPartnerStores } from "~/services/partner-stores.server";
import { runDueJobs, schedulePeriodic } from "~/services/background/jobs.server";
import { JOB_HANDLERS } from "~/services/background/registry.server";
import { dayOf } from "~/domain/access-expiry";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const DAY = 24 * 60 * 60 * 1000;
const later = (days: number, from = new Date()) => new Date(from.getTime() + days * DAY);
/** The YYYY-MM-DD day `days` days from now (the access then ends at that day's start, UTC). */
const inDays = (days: number) => dayOf(later(days));

async function world(options: { inactivityDays?: number } = {}) {
  const { store, owner } = await createStore();
  if (options.inactivityDays) await db().store.update({ where: { id: store.id }, data: { inactivityDays: options.inactivityDays } });
  const partner = await createUser({ firstName: "Nadia", lastName: "Okafor" });
  const colleague = await createUser();
  const organization = await createOrganization({ members: [partner, colleague] });
  const ownerActor = await actorFor(owner, store.id);
  return { store, owner, partner, colleague, organization, ownerActor };
}

async function managed(w: Awaited<ReturnType<typeof world>>, endsOn?: string, permissions: ("orders_manage" | "products_view" | "customers_view" | "orders_view")[] = ["orders_manage", "products_view"]) {
  const request = await createPendingRequest({ organization: w.organization, storeId: w.store.id, requester: w.partner, permissions: ["orders_manage", "products_view"] });
  const result = await approveRequest(w.ownerActor, w.store.id, request.id, permissions, null, { endsOn });
  expect(readResult(result)).toEqual({ ok: true });
  return accessOf(w.organization.id, w.store.id);
}

const subjects = async (email: string) => (await mailsTo(email)).map((mail) => mail.subject);
const notifications = (storeId: string, kind: string) => db().notification.count({ where: { storeId, kind } });

describe("end dates", () => {
  test("an end date set at approval: warned once a week before, ended once when reached, logged, shown to the partner", async () => {
    const w = await world();
    const access = await managed(w, inDays(10));
    const endsAt = access.endsAt!;
    expect(endsAt.toISOString()).toBe(`${inDays(10)}T00:00:00.000Z`);
    expect((await listPartnerStores(w.organization.id)).rows[0]).toMatchObject({ state: "MANAGED", endsAt });
    expect((await mailsTo(w.partner.email)).at(-1)?.text).toContain("The access ends on");

    // More than a week ahead: nothing yet.
    expect(await sweepAccessExpiry(later(2))).toMatchObject({ warned: 0, ended: 0 });
    // A week ahead: both sides warned, once.
    const weekBefore = new Date(endsAt.getTime() - 7 * DAY + 60_000);
    expect(await sweepAccessExpiry(weekBefore)).toMatchObject({ warned: 1, ended: 0 });
    expect(await sweepAccessExpiry(new Date(weekBefore.getTime() + DAY))).toMatchObject({ warned: 0, ended: 0 });
    for (const person of [w.partner, w.colleague]) expect(await subjects(person.email)).toContain(`Your access to ${w.store.name} ends soon`);
    expect(await subjects(w.owner.email)).toContain(`${w.organization.name}'s access to ${w.store.name} ends soon`);
    expect(await notifications(w.store.id, "collaborator_access.end_date_soon")).toBe(1);
    expect(await logOf(w.store.id, "collaborator_access.end_warned")).toHaveLength(1);

    // Reached: the access ends as "Access removed", with its reason; the collaborator is signed out.
    await collaboratorSession(w.partner, access.id);
    const after = new Date(endsAt.getTime() + 60_000);
    const [first, second] = [await sweepAccessExpiry(after), await sweepAccessExpiry(after)];
    expect(first.ended + second.ended).toBe(1);
    const ended = await accessOf(w.organization.id, w.store.id);
    expect(ended).toMatchObject({ state: "REMOVED", permissions: [], endedReason: "end_date", listed: true });
    expect(await db().collaboratorSession.count({ where: { accessId: access.id } })).toBe(0);
    expect(await subjects(w.partner.email)).toContain(`Access to ${w.store.name} removed`);
    const log = await logOf(w.store.id, "collaborator_access.ended_end_date");
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorKind: "system", details: { reason: "end_date", permissions: ["orders_manage", "products_view"] } });
    expect((await listPartnerStores(w.organization.id)).rows[0]).toMatchObject({ state: "REMOVED", endedReason: "end_date", endsAt: null });
  });

  test("renewing cancels the pending warning and end; clearing the date means it never ends", async () => {
    const w = await world();
    const access = await managed(w, inDays(5));
    expect(await sweepAccessExpiry(new Date())).toMatchObject({ warned: 1 });
    // The owner extends it: the warning is reset, the old date passes without an end.
    expect(readResult(await setEndDate(w.ownerActor, w.store.id, access.id, inDays(40)))).toEqual({ ok: true });
    expect((await accessOf(w.organization.id, w.store.id)).endWarnedAt).toBeNull();
    expect(await sweepAccessExpiry(later(6))).toMatchObject({ warned: 0, ended: 0 });
    expect((await accessOf(w.organization.id, w.store.id)).state).toBe("MANAGED");
    // A week before the new date, a new warning; then the owner clears it: nothing more, ever.
    expect(await sweepAccessExpiry(later(34))).toMatchObject({ warned: 1 });
    expect(readResult(await setEndDate(w.ownerActor, w.store.id, access.id, undefined))).toEqual({ ok: true });
    expect(await sweepAccessExpiry(later(41))).toMatchObject({ warned: 0, ended: 0 });
    expect(await accessOf(w.organization.id, w.store.id)).toMatchObject({ state: "MANAGED", endsAt: null });
    expect((await logOf(w.store.id, "collaborator_access.end_date_set"))[0]).toMatchObject({ actorKind: "owner" });
    expect(await logOf(w.store.id, "collaborator_access.end_date_cleared")).toHaveLength(1);
  });

  test("an end date must be a real day in the future, and only staff:manage may set it", async () => {
    const w = await world();
    const access = await managed(w);
    expect(readResult(await setEndDate(w.ownerActor, w.store.id, access.id, dayOf(new Date())))).toEqual({ kind: "invalid", errors: { endsOn: "expiry.errors.past" } });
    expect(readResult(await setEndDate(w.ownerActor, w.store.id, access.id, "2027-02-30"))).toEqual({ kind: "invalid", errors: { endsOn: "expiry.errors.invalid" } });
    const request = await createPendingRequest({ organization: await createOrganization({ members: [await createUser()] }), storeId: w.store.id, requester: w.partner });
    expect(readResult(await approveRequest(w.ownerActor, w.store.id, request.id, ["orders_view"], null, { endsOn: "2001-01-01" }))).toEqual({ kind: "invalid", errors: { endsOn: "expiry.errors.past" } });
    const viewer = await createUser();
    await createStaff(w.store.id, viewer, ["staff_view"]);
    const refused = await setEndDate(await actorFor(viewer, w.store.id), w.store.id, access.id, inDays(20));
    expect(refused.ok).toBe(false);
    expect((await accessOf(w.organization.id, w.store.id)).endsAt).toBeNull();
  });
});

describe("unused accesses", () => {
  test("warned a week before the inactivity period runs out, then ended; a log-in before then cancels both", async () => {
    const w = await world({ inactivityDays: 30 });
    const access = await managed(w);
    const granted = access.grantedAt!;
    expect(await sweepAccessExpiry(later(22, granted))).toMatchObject({ warned: 0 });
    expect(await sweepAccessExpiry(later(23, granted))).toMatchObject({ warned: 1 });
    expect(await sweepAccessExpiry(later(24, granted))).toMatchObject({ warned: 0, ended: 0 });
    expect(await subjects(w.colleague.email)).toContain(`Your access to ${w.store.name} ends soon`);
    expect(await notifications(w.store.id, "collaborator_access.inactive_soon")).toBe(1);
    expect((await listPartnerStores(w.organization.id)).rows[0]?.inactiveEndsAt?.toISOString()).toBe(later(30, granted).toISOString());
    expect(await sweepAccessExpiry(later(30, granted))).toMatchObject({ ended: 1 });
    expect(await accessOf(w.organization.id, w.store.id)).toMatchObject({ state: "REMOVED", endedReason: "inactive" });
    expect(await logOf(w.store.id, "collaborator_access.ended_inactive")).toHaveLength(1);
  });

  test("a log-in resets the warning: no end at the old deadline", async () => {
    const w = await world({ inactivityDays: 30 });
    const access = await managed(w);
    // Granted 24 days ago, never used: the warning is due now.
    await db().collaboratorAccess.update({ where: { id: access.id }, data: { grantedAt: later(-24) } });
    expect(await sweepAccessExpiry(new Date())).toMatchObject({ warned: 1 });
    const session = await createSession(w.partner);
    expect(readResult(await logInToStore(session, w.organization.id, access.id))).toEqual({ ok: true });
    expect((await accessOf(w.organization.id, w.store.id)).inactivityWarnedAt).toBeNull();
    expect(await sweepAccessExpiry(later(7))).toMatchObject({ warned: 0, ended: 0 });
    expect((await accessOf(w.organization.id, w.store.id)).state).toBe("MANAGED");
  });
});

describe("several runners", () => {
  test("two sweeps at once warn once and end once", async () => {
    const w = await world();
    const access = await managed(w, inDays(3));
    const now = new Date();
    const warned = await Promise.all([sweepAccessExpiry(now), sweepAccessExpiry(now)]);
    expect(warned[0].warned + warned[1].warned).toBe(1);
    expect((await subjects(w.partner.email)).filter((s) => s.endsWith("ends soon"))).toHaveLength(1);
    const after = new Date(access.endsAt!.getTime() + 1000);
    const ended = await Promise.all([sweepAccessExpiry(after), sweepAccessExpiry(after)]);
    expect(ended[0].ended + ended[1].ended).toBe(1);
    expect(await logOf(w.store.id, "collaborator_access.ended_end_date")).toHaveLength(1);
    expect((await subjects(w.partner.email)).filter((s) => s.endsWith("removed"))).toHaveLength(1);
  });

  test("the periodic job runs the sweep with the runner's clock", async () => {
    const w = await world();
    await managed(w, inDays(4));
    const now = new Date();
    await schedulePeriodic(ACCESS_EXPIRY_JOB, 10 * 60_000, now);
    await Promise.all([runDueJobs(JOB_HANDLERS, { now: () => now }), runDueJobs(JOB_HANDLERS, { now: () => now })]);
    expect(await notifications(w.store.id, "collaborator_access.end_date_soon")).toBe(1);
  });
});

describe("requests not lost", () => {
  test("a request pending for 3 days reminds the owner and staff managers once; the partner sees when", async () => {
    const w = await world();
    const manager = await createUser();
    await createStaff(w.store.id, manager, ["staff_manage"]);
    const clerk = await createUser();
    await createStaff(w.store.id, clerk, ["orders_manage"]);
    const request = await createPendingRequest({ organization: w.organization, storeId: w.store.id, requester: w.partner });
    expect(await sweepAccessExpiry(later(2))).toMatchObject({ reminded: 0 });
    const reminders = await Promise.all([sweepAccessExpiry(later(3.01)), sweepAccessExpiry(later(3.01))]);
    expect(reminders[0].reminded + reminders[1].reminded).toBe(1);
    expect(await sweepAccessExpiry(later(5))).toMatchObject({ reminded: 0 });
    const subject = `${w.organization.name} is still waiting for your decision on ${w.store.name}`;
    expect(await subjects(w.owner.email)).toContain(subject);
    expect(await subjects(manager.email)).toContain(subject);
    expect(await subjects(clerk.email)).not.toContain(subject);
    expect(await notifications(w.store.id, "collaborator_request.reminder")).toBe(1);
    const remindedAt = (await db().collaboratorRequest.findUniqueOrThrow({ where: { id: request.id } })).remindedAt;
    expect(remindedAt).not.toBeNull();
    expect((await listPartnerStores(w.organization.id)).rows[0]).toMatchObject({ state: "PENDING", remindedAt });
  });
});

describe("granted against asked", () => {
  test("approved with other permissions: the Stores page and the mail say what was asked and what was granted, per section", async () => {
    const w = await world();
    await managed(w, undefined, ["orders_view", "customers_view"]);
    const row = (await listPartnerStores(w.organization.id)).rows[0];
    expect(row?.grantDifferences).toEqual([
      { section: "orders", asked: "manage", granted: "view" },
      { section: "products", asked: "view", granted: null },
      { section: "customers", asked: null, granted: "view" },
    ]);
    const mail = (await mailsTo(w.partner.email)).find((m) => m.subject.includes("approved"));
    expect(mail?.text).toContain("The owner changed what you asked for:\n- Orders: asked Manage, granted View\n- Products: asked View, granted none\n- Customers: asked none, granted View");
  });

  test("approved as asked: nothing to point out", async () => {
    const w = await world();
    await managed(w);
    expect((await listPartnerStores(w.organization.id)).rows[0]?.grantDifferences).toEqual([]);
    expect((await mailsTo(w.partner.email)).find((m) => m.subject.includes("approved"))?.text).not.toContain("changed what you asked");
  });
});
