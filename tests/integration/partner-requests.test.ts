// Requesting and cancelling collaborator access, from the partner's side (SPEC.md rules 1-8).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createStaff, createStore, createUser } from "../helpers/factories";
import { approveAsOwner, asPartner, declineAsOwner, paramsOf, readResult, sendRequest } from "../helpers/partner-factories";
import { requestAccess, cancelRequest, CODE_ATTEMPT_LIMIT_PER_ADDRESS } from "~/services/access-requests.server";
import { accessRequestSchema, type AccessRequestInput } from "~/domain/access-request";
import { parseSubmission } from "~/domain/forms";
import { CODE_ATTEMPT_LIMIT, CODE_LOCKOUT_MINUTES } from "~/domain/collaborator-code";
import { PENDING_REQUEST_CAP } from "~/domain/request-lifecycle";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const IP = "203.0.113.10";

async function agency() {
  const partner = await createUser({ firstName: "Nadia", lastName: "Okafor" });
  const organization = await createOrganization({ name: "Northwind Agency", members: [partner] });
  return { partner, organization };
}

function input(store: { domain: string }, overrides: Partial<AccessRequestInput> = {}): AccessRequestInput {
  return { storeDomain: store.domain, code: "", permissions: ["orders_view", "products_manage"], message: null, ...overrides };
}

/** Everything a request leaves behind, for "nothing is created or sent" checks. */
async function traces(storeId: string, organizationId: string) {
  const store = await t.db.store.findUniqueOrThrow({ where: { id: storeId } });
  return {
    requests: await t.db.collaboratorRequest.count({ where: { storeId, organizationId } }),
    accesses: await t.db.collaboratorAccess.count({ where: { storeId, organizationId } }),
    notifications: await t.db.notification.count({ where: { storeId } }),
    mails: await t.db.emailOutbox.count({ where: { subject: { contains: store.name } } }),
    pending: (await t.db.partnerOrganization.findUniqueOrThrow({ where: { id: organizationId } })).pendingRequestCount,
  };
}

describe("the request form", () => {
  /** The form as the route reads it (conform, perm.<section> nested), answered as data or each field's first message. */
  const form = (fields: Record<string, string>) => {
    const submission = parseSubmission(new URLSearchParams({ storeUrl: "maple-goods.portier.test", code: "1234", "perm.orders": "view", ...fields }), accessRequestSchema);
    if (submission.status === "success") return { ok: true as const, data: submission.value };
    return { ok: false as const, errors: Object.fromEntries(Object.entries(submission.error ?? {}).map(([field, messages]) => [field, messages?.[0]])) };
  };

  test.each(["https://maple-goods.portier.test/admin", "MAPLE-GOODS.portier.test", "maple-goods.portier.test/", "  http://Maple-Goods.Portier.Test:443/admin/orders?x=1 "])(
    "accepts the store URL %s",
    (storeUrl) => {
      const result = form({ storeUrl });
      expect(result.ok && result.data.storeDomain).toBe("maple-goods.portier.test");
    },
  );

  test("refuses what cannot be a store address, and a missing one", () => {
    expect(form({ storeUrl: "not a url" })).toEqual({ ok: false, errors: { storeUrl: "partner.request.errors.storeUrl" } });
    expect(form({ storeUrl: "" })).toEqual({ ok: false, errors: { storeUrl: "errors.required" } });
  });

  test("needs at least one section, never staff, and only View or Manage", () => {
    expect(form({ "perm.orders": "" })).toMatchObject({ ok: false, errors: { permissions: "errors.permissions.empty" } });
    expect(form({ "perm.staff": "view" })).toMatchObject({ ok: false, errors: { permissions: "errors.permissions.invalid" } });
    expect(form({ "perm.orders": "admin" })).toMatchObject({ ok: false, errors: { permissions: "errors.permissions.invalid" } });
    const ok = form({ "perm.home": "view", "perm.products": "manage" });
    expect(ok.ok && ok.data.permissions).toEqual(["home_view", "orders_view", "products_manage"]);
  });

  test("a message of at most 1,000 characters, trimmed, optional", () => {
    expect(form({ message: "x".repeat(1001) })).toMatchObject({ ok: false, errors: { message: "errors.tooLong" } });
    const ok = form({ message: `  ${"x".repeat(1000)}  ` });
    expect(ok.ok && ok.data.message).toHaveLength(1000);
    const none = form({ message: "   " });
    expect(none.ok && none.data.message).toBeNull();
  });

  test("spaces in the code are ignored", () => {
    const result = form({ code: " 12 34 " });
    expect(result.ok && result.data.code).toBe("1234");
  });
});

describe("requesting access", () => {
  test("the right code: a pending request, the access row, the owner's notification, one email per address, a log entry", async () => {
    const { partner, organization } = await agency();
    const { store, owner } = await createStore({ name: "Maple Goods", code: "4821" });
    await t.db.store.update({ where: { id: store.id }, data: { contactEmail: "hello@maple.test" } });

    const result = await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821", message: "We run your ads." }), IP);
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const request = await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: result.value.requestId } });
    expect(request).toMatchObject({ status: "PENDING", organizationId: organization.id, storeId: store.id, requestedById: partner.id, message: "We run your ads." });
    expect(request.permissions).toEqual(["orders_view", "products_manage"]);

    const access = await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: result.value.accessId } });
    expect(access).toMatchObject({ state: "PENDING", listed: true, requestId: request.id, permissions: ["orders_view", "products_manage"] });

    const notifications = await t.db.notification.findMany({ where: { storeId: store.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ kind: "collaborator_request.created", requestId: request.id, resolvedAt: null });
    expect(notifications[0].params).toMatchObject({ organizationName: "Northwind Agency", requesterEmail: partner.email });

    const mails = await t.db.emailOutbox.findMany({ where: { subject: { contains: "Maple Goods" } }, orderBy: { to: "asc" } });
    expect(mails.map((m) => m.to)).toEqual(["hello@maple.test", owner.email].sort());
    expect(mails[0].subject).toBe("Northwind Agency requests collaborator access to Maple Goods");
    expect(mails[0].text).toContain("Orders: View");
    expect(mails[0].text).toContain("We run your ads.");
    expect(mails[0].text).not.toContain("4821");

    const log = await t.db.activityLog.findMany({ where: { storeId: store.id, action: "collaborator_request.created" } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ organizationId: organization.id, actorUserId: partner.id, actorKind: "partner", ip: IP });
    expect(JSON.stringify(log[0].details)).not.toContain("4821");

    expect((await t.db.partnerOrganization.findUniqueOrThrow({ where: { id: organization.id } })).pendingRequestCount).toBe(1);
  });

  test("the contact email and the owner's are the same address: one email", async () => {
    const { partner, organization } = await agency();
    const { store, owner } = await createStore({ name: "Solo Shop" });
    await sendRequest(partner, organization.id, store);
    expect(await t.db.emailOutbox.count({ where: { subject: { contains: "Solo Shop" } } })).toBe(1);
    expect(await t.db.emailOutbox.count({ where: { to: owner.email } })).toBe(1);
  });

  test("the owner reads the email in their language", async () => {
    const { partner, organization } = await agency();
    const { store, owner } = await createStore({ name: "Boutique Soleil" });
    await t.db.user.update({ where: { id: owner.id }, data: { locale: "fr" } });
    await sendRequest(partner, organization.id, store);
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { to: owner.email } });
    expect(mail.subject).toBe("Northwind Agency demande un accès collaborateur à Boutique Soleil");
  });

  test("an unknown store is a field error and creates nothing", async () => {
    const { partner, organization } = await agency();
    const result = await requestAccess(asPartner(partner), organization.id, input({ domain: "nowhere.portier.test" }), IP);
    expect(readResult(result)).toEqual({ kind: "invalid", errors: { storeUrl: "partner.request.errors.unknownStore" } });
    expect(await t.db.collaboratorRequest.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  test("a wrong code: the field error, nothing created or sent, the failed attempt recorded for the store", async () => {
    const { partner, organization } = await agency();
    const { store } = await createStore({ name: "Guarded Goods", code: "4821" });
    const result = await requestAccess(asPartner(partner), organization.id, input(store, { code: "4822" }), IP);
    expect(readResult(result)).toEqual({ kind: "invalid", errors: { code: "partner.request.errors.code" } });
    expect(await traces(store.id, organization.id)).toEqual({ requests: 0, accesses: 0, notifications: 0, mails: 0, pending: 0 });
    expect(await t.db.codeAttempt.count({ where: { storeId: store.id, organizationId: organization.id } })).toBe(1);
    const log = await t.db.activityLog.findMany({ where: { storeId: store.id, action: "collaborator_code.failed_attempt" } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ organizationId: organization.id, subject: "Northwind Agency" });
    expect(JSON.stringify(log[0].details)).not.toMatch(/482[12]/);
  });

  test("a missing code is refused the same way, but is not counted as a guess", async () => {
    const { partner, organization } = await agency();
    const { store } = await createStore({ code: "4821" });
    expect(readResult(await requestAccess(asPartner(partner), organization.id, input(store, { code: "" }), IP))).toEqual({ kind: "invalid", errors: { code: "partner.request.errors.code" } });
    expect(await traces(store.id, organization.id)).toMatchObject({ requests: 0, notifications: 0, mails: 0 });
    expect(await t.db.codeAttempt.count({ where: { storeId: store.id } })).toBe(0);
  });

  test("when the store does not require a code, the field is ignored", async () => {
    const { partner, organization } = await agency();
    const { store } = await createStore({ code: "4821", codeRequired: false });
    const result = await requestAccess(asPartner(partner), organization.id, input(store, { code: "9999" }), IP);
    expect(result.ok).toBe(true);
    expect(await t.db.codeAttempt.count({ where: { storeId: store.id } })).toBe(0);
  });

  test(`after ${CODE_ATTEMPT_LIMIT} wrong codes the organization is refused for ${CODE_LOCKOUT_MINUTES} minutes, even with the right code`, async () => {
    const { partner, organization } = await agency();
    const { store } = await createStore({ code: "4821" });
    for (let i = 0; i < CODE_ATTEMPT_LIMIT; i++) {
      expect(readResult(await requestAccess(asPartner(partner), organization.id, input(store, { code: String(1000 + i) }), IP))).toMatchObject({ errors: { code: "partner.request.errors.code" } });
    }
    const refused = await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821" }), IP);
    expect(readResult(refused)).toEqual({ kind: "throttled", errors: { code: "partner.request.errors.throttled" } });
    expect(paramsOf(refused, "code")).toMatchObject({ minutes: CODE_LOCKOUT_MINUTES });
    expect(await traces(store.id, organization.id)).toMatchObject({ requests: 0, notifications: 0, mails: 0 });
    // Refused attempts during the lockout are not guesses that reach the code: not recorded again.
    expect(await t.db.codeAttempt.count({ where: { storeId: store.id } })).toBe(CODE_ATTEMPT_LIMIT);

    // Another organization is not locked out by this one.
    const other = await agency();
    expect((await requestAccess(asPartner(other.partner), other.organization.id, input(store, { code: "4821" }), "192.0.2.77")).ok).toBe(true);

    // An hour later the attempts have expired.
    await t.db.codeAttempt.updateMany({ where: { storeId: store.id }, data: { createdAt: new Date(Date.now() - (CODE_LOCKOUT_MINUTES + 1) * 60_000) } });
    expect((await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821" }), IP)).ok).toBe(true);
  });

  test("the retry time counts from the oldest attempt that still counts", async () => {
    const { partner, organization } = await agency();
    const { store } = await createStore({ code: "4821" });
    for (let i = 0; i < CODE_ATTEMPT_LIMIT; i++) await requestAccess(asPartner(partner), organization.id, input(store, { code: "0000" }), IP);
    await t.db.codeAttempt.updateMany({ where: { storeId: store.id }, data: { createdAt: new Date(Date.now() - 45 * 60_000) } });
    expect(paramsOf(await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821" }), IP), "code")).toMatchObject({ minutes: 15 });
  });

  test("one address guessing through many organizations is throttled too", async () => {
    const { store } = await createStore({ code: "4821" });
    const guesser = "192.0.2.200";
    const organizations = Math.ceil(CODE_ATTEMPT_LIMIT_PER_ADDRESS / CODE_ATTEMPT_LIMIT);
    for (let o = 0; o < organizations; o++) {
      const { partner, organization } = await agency();
      for (let i = 0; i < CODE_ATTEMPT_LIMIT; i++) await requestAccess(asPartner(partner), organization.id, input(store, { code: "0000" }), guesser);
    }
    const fresh = await agency();
    expect(readResult(await requestAccess(asPartner(fresh.partner), fresh.organization.id, input(store, { code: "4821" }), guesser))).toMatchObject({ kind: "throttled", errors: { code: "partner.request.errors.throttled" } });
    expect((await requestAccess(asPartner(fresh.partner), fresh.organization.id, input(store, { code: "4821" }), "192.0.2.201")).ok).toBe(true);
  });

  test("a store already pending or managed says so and creates nothing", async () => {
    const { partner, organization } = await agency();
    const { store, owner } = await createStore({ code: "4821" });
    const first = await sendRequest(partner, organization.id, store);
    const before = await traces(store.id, organization.id);
    expect(readResult(await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821" }), IP))).toEqual({ kind: "conflict", errors: { storeUrl: "partner.request.errors.alreadyPending" } });
    expect(await traces(store.id, organization.id)).toEqual(before);

    await approveAsOwner(owner, store.id, first.requestId, ["orders_view"]);
    expect(readResult(await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821" }), IP))).toEqual({ kind: "conflict", errors: { storeUrl: "partner.request.errors.alreadyManaged" } });
    await t.db.collaboratorAccess.update({ where: { id: first.accessId }, data: { state: "SUSPENDED" } });
    expect(readResult(await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821" }), IP))).toEqual({ kind: "conflict", errors: { storeUrl: "partner.request.errors.alreadySuspended" } });
    expect(await t.db.collaboratorRequest.count({ where: { storeId: store.id } })).toBe(1);
  });

  test("after a decline, a new request is allowed", async () => {
    const { partner, organization } = await agency();
    const { store, owner } = await createStore();
    const first = await sendRequest(partner, organization.id, store);
    await declineAsOwner(owner, store.id, first.requestId);
    const again = await sendRequest(partner, organization.id, store, ["customers_view"]);
    expect(again.accessId).toBe(first.accessId);
    expect(await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: first.accessId } })).toMatchObject({ state: "PENDING", listed: true, requestId: again.requestId, permissions: ["customers_view"] });
  });

  test.each(["ACTIVE", "INVITED", "LOCKED"] as const)("a partner with a %s staff account on the store is told to have it removed first", async (status) => {
    const { partner, organization } = await agency();
    const { store } = await createStore({ code: "4821" });
    await createStaff(store.id, partner, ["orders_view"], status);
    const result = await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821" }), IP);
    expect(readResult(result)).toEqual({ kind: "conflict", errors: { form: "partner.request.errors.staffSelf" } });
    expect(await traces(store.id, organization.id)).toMatchObject({ requests: 0, notifications: 0, mails: 0 });
  });

  test("a staff account of another member of the organization is named in the refusal", async () => {
    const { partner, organization } = await agency();
    const colleague = await createUser({ firstName: "Omar", lastName: "Haddad" });
    await t.db.membership.create({ data: { organizationId: organization.id, userId: colleague.id } });
    const { store } = await createStore({ code: "4821" });
    await createStaff(store.id, colleague, ["orders_view"], "INVITED");
    const result = await requestAccess(asPartner(partner), organization.id, input(store, { code: "4821" }), IP);
    expect(readResult(result)).toEqual({ kind: "conflict", errors: { form: "partner.request.errors.staffMember" } });
    expect(paramsOf(result)).toEqual({ name: "Omar Haddad", email: colleague.email });
  });

  test("a store's owner, or an organization with the owner among its members, is told the owner cannot be a collaborator", async () => {
    const { partner, organization } = await agency();
    const { store } = await createStore({ owner: partner, codeRequired: false });
    expect(readResult(await requestAccess(asPartner(partner), organization.id, input(store), IP))).toEqual({ kind: "conflict", errors: { form: "partner.request.errors.ownStore" } });
    const colleague = await createUser();
    await t.db.membership.create({ data: { organizationId: organization.id, userId: colleague.id } });
    const refused = await requestAccess(asPartner(colleague), organization.id, input(store), IP);
    expect(readResult(refused)).toEqual({ kind: "conflict", errors: { form: "partner.request.errors.ownerMember" } });
    expect(paramsOf(refused)).toMatchObject({ email: partner.email });
  });

  test("someone outside the organization cannot request in its name", async () => {
    const { organization } = await agency();
    const stranger = await createUser();
    const { store } = await createStore({ codeRequired: false });
    expect(await requestAccess(asPartner(stranger), organization.id, input(store), IP)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await requestAccess(asPartner(stranger), "not-a-uuid", input(store), IP)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await t.db.collaboratorRequest.count({ where: { storeId: store.id } })).toBe(0);
  });
});

describe("the cap of 10 pending requests", () => {
  test("the 11th is refused with the limit and how to free a slot; cancelling frees one", async () => {
    const { partner, organization } = await agency();
    const stores = await Promise.all(Array.from({ length: PENDING_REQUEST_CAP + 1 }, () => createStore({ codeRequired: false })));
    const requests = [];
    for (const { store } of stores.slice(0, PENDING_REQUEST_CAP)) requests.push(await sendRequest(partner, organization.id, store));
    const eleventh = stores[PENDING_REQUEST_CAP].store;
    const refused = await requestAccess(asPartner(partner), organization.id, input(eleventh), IP);
    expect(readResult(refused)).toEqual({ kind: "conflict", errors: { form: "partner.request.errors.cap" } });
    expect(paramsOf(refused)).toMatchObject({ limit: 10 });
    expect(await traces(eleventh.id, organization.id)).toMatchObject({ requests: 0, accesses: 0, notifications: 0, mails: 0, pending: 10 });

    expect(readResult(await cancelRequest(asPartner(partner), organization.id, requests[0].requestId))).toEqual({ ok: true });
    expect((await requestAccess(asPartner(partner), organization.id, input(eleventh), IP)).ok).toBe(true);
  });

  test("managed stores do not count", async () => {
    const { partner, organization } = await agency();
    for (let i = 0; i < PENDING_REQUEST_CAP + 2; i++) {
      const { store, owner } = await createStore({ codeRequired: false });
      const request = await sendRequest(partner, organization.id, store);
      await approveAsOwner(owner, store.id, request.requestId, ["orders_view"]);
    }
    expect((await t.db.partnerOrganization.findUniqueOrThrow({ where: { id: organization.id } })).pendingRequestCount).toBe(0);
  });

  test("50 requests to 50 stores sent together: exactly 10 pending, 40 told the limit, no server error", async () => {
    const { partner, organization } = await agency();
    const stores = [];
    for (let i = 0; i < 50; i++) stores.push((await createStore({ codeRequired: false })).store);
    const settled = await Promise.allSettled(stores.map((store) => requestAccess(asPartner(partner), organization.id, input(store), IP)));
    const rejected = settled.filter((s) => s.status === "rejected");
    expect(rejected, JSON.stringify(rejected.slice(0, 1))).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof requestAccess>>>).value);
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.map(readResult).filter((r) => "errors" in r && r.errors.form === "partner.request.errors.cap")).toHaveLength(40);

    expect(await t.db.collaboratorRequest.count({ where: { organizationId: organization.id, status: "PENDING" } })).toBe(10);
    expect(await t.db.collaboratorAccess.count({ where: { organizationId: organization.id, state: "PENDING" } })).toBe(10);
    expect(await t.db.notification.count({ where: { storeId: { in: stores.map((s) => s.id) } } })).toBe(10);
    expect((await t.db.partnerOrganization.findUniqueOrThrow({ where: { id: organization.id } })).pendingRequestCount).toBe(10);
  });

  test("two requests for the same store sent together: exactly one pending, whichever runs first", async () => {
    const { partner, organization } = await agency();
    const colleague = await createUser();
    await t.db.membership.create({ data: { organizationId: organization.id, userId: colleague.id } });
    const { store } = await createStore({ codeRequired: false });
    const results = await Promise.all([
      requestAccess(asPartner(partner), organization.id, input(store), IP),
      requestAccess(asPartner(colleague), organization.id, input(store), IP),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(readResult(results.find((r) => !r.ok)!)).toEqual({ kind: "conflict", errors: { storeUrl: "partner.request.errors.alreadyPending" } });
    expect(await t.db.collaboratorRequest.count({ where: { storeId: store.id, status: "PENDING" } })).toBe(1);
    expect(await t.db.notification.count({ where: { storeId: store.id } })).toBe(1);
  });

  test("the database itself refuses an 11th pending request, whatever the code path", async () => {
    const { partner, organization } = await agency();
    for (let i = 0; i < PENDING_REQUEST_CAP; i++) {
      const { store } = await createStore({ codeRequired: false });
      await t.db.collaboratorRequest.create({ data: { organizationId: organization.id, storeId: store.id, requestedById: partner.id } });
    }
    const { store } = await createStore({ codeRequired: false });
    await expect(t.db.collaboratorRequest.create({ data: { organizationId: organization.id, storeId: store.id, requestedById: partner.id } })).rejects.toThrow(/PartnerOrganization_pending_cap/);
  });
});

describe("cancelling a request", () => {
  test("cancels, frees the slot, withdraws the owner's notification, and is logged", async () => {
    const { partner, organization } = await agency();
    const { store } = await createStore({ codeRequired: false });
    const request = await sendRequest(partner, organization.id, store);
    expect(readResult(await cancelRequest(asPartner(partner), organization.id, request.requestId, IP))).toEqual({ ok: true });

    expect(await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: request.requestId } })).toMatchObject({ status: "CANCELLED", cancelledById: partner.id });
    expect(await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: request.accessId } })).toMatchObject({ state: "CANCELLED", listed: false });
    expect((await t.db.partnerOrganization.findUniqueOrThrow({ where: { id: organization.id } })).pendingRequestCount).toBe(0);
    const notifications = await t.db.notification.findMany({ where: { storeId: store.id }, orderBy: { createdAt: "asc" } });
    expect(notifications.map((n) => n.kind).sort()).toEqual(["collaborator_request.cancelled", "collaborator_request.created"]);
    expect(notifications.find((n) => n.kind === "collaborator_request.created")?.resolvedAt).not.toBeNull();
    expect(await t.db.activityLog.count({ where: { storeId: store.id, organizationId: organization.id, action: "collaborator_request.cancelled" } })).toBe(1);

    // And the partner may ask again.
    const again = await sendRequest(partner, organization.id, store);
    expect(await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: again.accessId } })).toMatchObject({ state: "PENDING", listed: true });
  });

  test("a request the owner decided a moment earlier: the partner is told what happened", async () => {
    const { partner, organization } = await agency();
    const approvedStore = await createStore({ codeRequired: false });
    const approved = await sendRequest(partner, organization.id, approvedStore.store);
    await approveAsOwner(approvedStore.owner, approvedStore.store.id, approved.requestId, ["orders_view"]);
    expect(readResult(await cancelRequest(asPartner(partner), organization.id, approved.requestId))).toEqual({ kind: "conflict", errors: { form: "partner.stores.outcome.APPROVED" } });
    expect(await t.db.collaboratorAccess.findUniqueOrThrow({ where: { id: approved.accessId } })).toMatchObject({ state: "MANAGED", listed: true });

    const declinedStore = await createStore({ codeRequired: false });
    const declined = await sendRequest(partner, organization.id, declinedStore.store);
    await declineAsOwner(declinedStore.owner, declinedStore.store.id, declined.requestId);
    expect(readResult(await cancelRequest(asPartner(partner), organization.id, declined.requestId))).toEqual({ kind: "conflict", errors: { form: "partner.stores.outcome.DECLINED" } });

    const cancelledStore = await createStore({ codeRequired: false });
    const cancelled = await sendRequest(partner, organization.id, cancelledStore.store);
    await cancelRequest(asPartner(partner), organization.id, cancelled.requestId);
    expect(readResult(await cancelRequest(asPartner(partner), organization.id, cancelled.requestId))).toEqual({ kind: "conflict", errors: { form: "partner.stores.outcome.CANCELLED" } });
  });

  test("another organization's request is not found", async () => {
    const { partner, organization } = await agency();
    const other = await agency();
    const { store } = await createStore({ codeRequired: false });
    const request = await sendRequest(other.partner, other.organization.id, store);
    expect(await cancelRequest(asPartner(partner), organization.id, request.requestId)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await cancelRequest(asPartner(partner), other.organization.id, request.requestId)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await cancelRequest(asPartner(partner), organization.id, "nope")).toMatchObject({ ok: false, kind: "notFound" });
    expect((await t.db.collaboratorRequest.findUniqueOrThrow({ where: { id: request.requestId } })).status).toBe("PENDING");
  });

  test("two members cancelling the same request together: one cancels, the other is told it is already cancelled", async () => {
    const { partner, organization } = await agency();
    const colleague = await createUser();
    await t.db.membership.create({ data: { organizationId: organization.id, userId: colleague.id } });
    const { store } = await createStore({ codeRequired: false });
    const request = await sendRequest(partner, organization.id, store);
    const results = await Promise.all([cancelRequest(asPartner(partner), organization.id, request.requestId), cancelRequest(asPartner(colleague), organization.id, request.requestId)]);
    expect(results.map(readResult)).toContainEqual({ ok: true });
    expect(results.map(readResult)).toContainEqual({ kind: "conflict", errors: { form: "partner.stores.outcome.CANCELLED" } });
    expect((await t.db.partnerOrganization.findUniqueOrThrow({ where: { id: organization.id } })).pendingRequestCount).toBe(0);
  });
});
