// Staff accounts, beyond inviting: an invitation sent again (a new link; the old one stops working) or
// revoked, and a staff member's name edited; each logged, each confirmed on the page before it acts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createStaff, createStore, createUser } from "../helpers/factories";
import { actorFor, logOf, mailsTo } from "../helpers/store-factories";
import { cookieFor } from "../helpers/sections-factories";
import { errorsOf, outcome, post, routeArgs, toastOf } from "../helpers/routes";
import { getStaffInvitation, inviteStaff, renameStaff, resendStaffInvitation, revokeStaffInvitation } from "~/services/staff.server";
import { listActivity } from "~/services/store-home.server";
import * as staffPage from "~/routes/store.$storeId.users.staff.$staffId";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const links = async (email: string) => (await mailsTo(email)).map((mail) => /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? "");

async function invited(email = `new-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`) {
  const { store, owner } = await createStore();
  const actor = await actorFor(owner, store.id);
  const result = await inviteStaff(actor, store.id, { email, firstName: "Jules", lastName: "Bernard", permissions: ["orders_view"] });
  if (!result.ok) throw new Error("invite refused");
  return { store, owner, actor, email, staffId: result.value.staffId };
}

describe("resending an invitation", () => {
  test("a new link by mail; the old one stops working; logged", async () => {
    const { store, actor, email, staffId } = await invited();
    const [first] = await links(email);
    expect(await getStaffInvitation(first)).toMatchObject({ state: "valid" });
    expect(await resendStaffInvitation(actor, store.id, staffId, "203.0.113.5")).toEqual({ ok: true, value: { email } });
    const [, second] = await links(email);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect((await getStaffInvitation(first)).state).toBe("invalid");
    expect(await getStaffInvitation(second)).toMatchObject({ state: "valid" });
    expect(await t.db.staffInvitation.count({ where: { staffAccountId: staffId } })).toBe(1);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toBe(mails[0].subject);
    expect(await logOf(store.id, "staff.invitation_resent")).toMatchObject([{ subject: email, ip: "203.0.113.5" }]);
  });

  test("an accepted invitation cannot be resent or revoked; a staff member without staff:manage cannot either", async () => {
    const { store, owner } = await createStore();
    const member = await createUser();
    const account = await createStaff(store.id, member, ["orders_view"]);
    const ownerActor = await actorFor(owner, store.id);
    expect(await resendStaffInvitation(ownerActor, store.id, account.id)).toMatchObject({ ok: false, kind: "conflict" });
    expect(await revokeStaffInvitation(ownerActor, store.id, account.id)).toMatchObject({ ok: false, kind: "conflict" });
    const { store: other, staffId } = await invited();
    const viewer = await createUser();
    await createStaff(other.id, viewer, ["staff_view"]);
    expect(await resendStaffInvitation(await actorFor(viewer, other.id), other.id, staffId)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await t.db.staffInvitation.count({ where: { staffAccountId: staffId } })).toBe(1);
  });
});

describe("revoking an invitation", () => {
  test("the link stops working, the invited account goes, its seat is free; logged", async () => {
    const { store, actor, email, staffId } = await invited();
    const [link] = await links(email);
    expect(await revokeStaffInvitation(actor, store.id, staffId)).toEqual({ ok: true, value: { email } });
    expect((await getStaffInvitation(link)).state).toBe("invalid");
    expect(await t.db.staffAccount.findUnique({ where: { id: staffId } })).toBeNull();
    const mails = await mailsTo(email);
    expect(mails.map((mail) => mail.subject)).toEqual([expect.stringContaining("invited"), expect.stringContaining("was withdrawn")]);
    expect(mails[1].text).not.toContain("/invitations/");
    expect(await logOf(store.id, "staff.invitation_revoked")).toMatchObject([{ subject: email, details: { permissions: ["orders_view"] } }]);
    // Again: nothing left to revoke.
    expect(await revokeStaffInvitation(actor, store.id, staffId)).toMatchObject({ ok: false, kind: "notFound" });
  });
});

describe("editing a name", () => {
  test("first and last name saved and logged with before and after; an unchanged name writes nothing", async () => {
    const { store, owner } = await createStore();
    const member = await createUser({ firstName: "Chloe", lastName: "Martin" });
    const account = await createStaff(store.id, member, ["orders_view"]);
    const actor = await actorFor(owner, store.id);
    expect(await renameStaff(actor, store.id, account.id, { firstName: "Chloé", lastName: "Martin-Roux" })).toMatchObject({ ok: true });
    expect(await t.db.staffAccount.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ firstName: "Chloé", lastName: "Martin-Roux" });
    const [entry] = await logOf(store.id, "staff.renamed");
    expect(entry.details).toEqual({ from: { firstName: account.firstName, lastName: account.lastName }, to: { firstName: "Chloé", lastName: "Martin-Roux" } });
    expect(await renameStaff(actor, store.id, account.id, { firstName: "Chloé", lastName: "Martin-Roux" })).toMatchObject({ ok: true });
    expect(await logOf(store.id, "staff.renamed")).toHaveLength(1);
    expect((await listActivity(store.id, { kind: "staff" })).entries[0]).toMatchObject({ action: "staff.renamed", changes: null, rename: { before: `${account.firstName} ${account.lastName}`, after: "Chloé Martin-Roux" } });
  });

  test("the page's intents: rename (checked by its schema), resend and revoke, each with its toast", async () => {
    const { store, owner, email, staffId } = await invited();
    const cookie = await cookieFor(owner);
    const path = `/store/${store.id}/users/staff/${staffId}`;
    const params = { storeId: store.id, staffId };
    const blank = await outcome(staffPage.action(routeArgs(post(path, cookie, { intent: "rename", firstName: "", lastName: "Bernard" }), params)));
    expect(blank.status).toBe(400);
    expect(Object.keys(errorsOf(blank.body))).toEqual(["firstName"]);
    expect(await outcome(staffPage.action(routeArgs(post(path, cookie, { intent: "rename", firstName: "  Julie\u202E ", lastName: "Bernard" }), params)))).toMatchObject({ status: 302, location: path });
    expect(await toastOf(cookie)).toEqual({ key: "logs.staff.toast.renamed" });
    expect((await t.db.staffAccount.findUniqueOrThrow({ where: { id: staffId } })).firstName).toBe("Julie");
    expect(await outcome(staffPage.action(routeArgs(post(path, cookie, { intent: "resend" }), params)))).toMatchObject({ status: 302, location: path });
    expect(await toastOf(cookie)).toEqual({ key: "logs.staff.toast.resent", params: { name: email } });
    expect(await outcome(staffPage.action(routeArgs(post(path, cookie, { intent: "revoke" }), params)))).toMatchObject({ status: 302, location: `/store/${store.id}/users/staff` });
    expect(await toastOf(cookie)).toEqual({ key: "logs.staff.toast.revoked", params: { name: email } });
  });
});
