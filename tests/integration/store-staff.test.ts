import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createOrganization, createSession, createStaff, createStore, createUser } from "../helpers/factories";
import { actorFor, createPendingRequest, logOf, mailsTo, resolveFor } from "../helpers/store-factories";
import {
  acceptStaffInvitation,
  archiveStaff,
  changeStaffPermissions,
  getStaffInvitation,
  inviteStaff,
  listStaff,
  lockStaff,
  removeStaff,
  unarchiveStaff,
  unlockStaff,
} from "~/services/staff.server";
import { approveRequest } from "~/services/collaborator-decisions.server";
import { requestAccess } from "~/services/access-requests.server";
import { findSession } from "~/services/sessions.server";
import { hashToken } from "~/lib/tokens.server";
import { STAFF_LIMIT } from "~/domain/plans";
import { decodeMessage, message } from "~/i18n/messages";
import type { Result } from "~/domain/result";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

/** A refusal's messages as field → catalogue key (their parameters aside). */
const keysOf = (result: Result<unknown>) => (result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([field, text]) => [field, decodeMessage(text).key])));

const invite = (email: string, permissions: string[] = ["orders_view"]) => ({ email, firstName: "Jules", lastName: "Bernard", permissions });

/** The token is only in the email: the database holds its hash. */
async function tokenFrom(email: string): Promise<string> {
  const mails = await mailsTo(email);
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.text ?? "");
  if (!match) throw new Error(`no invitation link in the mail to ${email}`);
  return match[1];
}

describe("adding staff", () => {
  test("an invitation creates an invited account, mails a single-use link and stores only its hash", async () => {
    const { store, owner } = await createStore();
    const ownerActor = await actorFor(owner, store.id);
    const result = await inviteStaff(ownerActor, store.id, invite("New.Person@Example.test", ["orders_manage", "staff_view"]));
    expect(result).toMatchObject({ ok: true });
    const account = await t.db.staffAccount.findUniqueOrThrow({ where: { storeId_email: { storeId: store.id, email: "new.person@example.test" } } });
    expect(account).toMatchObject({ status: "INVITED", userId: null, isOwner: false, permissions: ["orders_manage", "staff_view"] });
    const token = await tokenFrom("new.person@example.test");
    const invitation = await t.db.staffInvitation.findFirstOrThrow({ where: { staffAccountId: account.id } });
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(invitation.tokenHash).not.toBe(token);
    expect(Math.round((invitation.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(14);
    const [entry] = await logOf(store.id, "staff.invited");
    expect(entry).toMatchObject({ subject: "new.person@example.test", actorKind: "owner" });
    expect(JSON.stringify(entry.details)).not.toContain(token);
  });

  test("the plan's staff limit refuses one more; the owner, archived accounts and collaborators don't count", async () => {
    const { store, owner } = await createStore({ plan: "BASIC" });
    const ownerActor = await actorFor(owner, store.id);
    // A managed collaborator takes no seat.
    const partner = await createUser();
    const organization = await createOrganization({ members: [partner] });
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    expect(await approveRequest(ownerActor, store.id, request.id, ["orders_view"])).toMatchObject({ ok: true });

    expect(await inviteStaff(ownerActor, store.id, invite("a@example.test"))).toMatchObject({ ok: true });
    expect(await inviteStaff(ownerActor, store.id, invite("b@example.test"))).toMatchObject({ ok: true });
    expect(await inviteStaff(ownerActor, store.id, invite("c@example.test"))).toEqual({ ok: false, kind: "conflict", errors: { form: message("store.staff.errors.limit", { limit: 2, count: 2 }) } });
    const { seats, accounts } = await listStaff(store.id);
    expect(seats).toEqual({ used: 2, limit: STAFF_LIMIT.BASIC, plan: "BASIC" });
    expect(accounts).toHaveLength(3);

    // Archiving frees a seat; unarchiving needs one.
    const a = accounts.find((x) => x.email === "a@example.test")!;
    expect(await archiveStaff(ownerActor, store.id, a.id)).toMatchObject({ ok: true });
    expect(await inviteStaff(ownerActor, store.id, invite("c@example.test"))).toMatchObject({ ok: true });
    expect(keysOf(await unarchiveStaff(ownerActor, store.id, a.id))).toEqual({ form: "store.staff.errors.limit" });
  });

  test("an email that already has a staff account is refused, whatever its case", async () => {
    const { store, owner } = await createStore();
    const ownerActor = await actorFor(owner, store.id);
    expect(await inviteStaff(ownerActor, store.id, invite("twice@example.test"))).toMatchObject({ ok: true });
    expect(await inviteStaff(ownerActor, store.id, invite("TWICE@example.test"))).toMatchObject({ ok: false, errors: { email: "store.staff.errors.exists" } });
    expect(await inviteStaff(ownerActor, store.id, invite(owner.email))).toMatchObject({ ok: false, errors: { email: "store.staff.errors.exists" } });
  });

  test("a member of an organization with pending or active collaborator access is refused until that access is removed", async () => {
    const { store, owner } = await createStore();
    const ownerActor = await actorFor(owner, store.id);
    const partner = await createUser();
    const colleague = await createUser();
    const organization = await createOrganization({ name: "Bluebird Studio", members: [partner, colleague] });
    const request = await createPendingRequest({ organization, storeId: store.id, requester: partner });
    const refusal = { ok: false, kind: "conflict", errors: { email: message("store.staff.errors.collaborator", { organization: "Bluebird Studio" }) } };
    expect(await inviteStaff(ownerActor, store.id, invite(colleague.email))).toEqual(refusal);
    expect(await approveRequest(ownerActor, store.id, request.id, ["orders_view"])).toMatchObject({ ok: true });
    expect(await inviteStaff(ownerActor, store.id, invite(partner.email.toUpperCase()))).toEqual(refusal);
    await t.db.collaboratorAccess.updateMany({ where: { organizationId: organization.id }, data: { state: "REMOVED", permissions: [] } });
    expect(await inviteStaff(ownerActor, store.id, invite(partner.email))).toMatchObject({ ok: true });
  });

  test("staff with staff:manage invite but grant only what they hold; staff:view and collaborators cannot invite", async () => {
    const { store } = await createStore();
    const manager = await createUser();
    await createStaff(store.id, manager, ["staff_manage", "orders_view"]);
    const viewer = await createUser();
    await createStaff(store.id, viewer, ["staff_view", "orders_manage"]);
    const managerActor = await actorFor(manager, store.id);
    expect(await inviteStaff(managerActor, store.id, invite("x@example.test", ["orders_manage"]))).toMatchObject({ ok: false, errors: { permissions: "store.permissions.errors.exceeds" } });
    expect(await inviteStaff(managerActor, store.id, invite("x@example.test", ["settings_view"]))).toMatchObject({ ok: false, errors: { permissions: "store.permissions.errors.exceeds" } });
    expect(await inviteStaff(managerActor, store.id, invite("x@example.test", ["orders_view", "staff_manage"]))).toMatchObject({ ok: true });
    expect(await inviteStaff(await actorFor(viewer, store.id), store.id, invite("y@example.test"))).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await t.db.staffAccount.count({ where: { storeId: store.id, email: "y@example.test" } })).toBe(0);
  });

  test("invitations sent together never exceed the plan's staff limit", async () => {
    const { store, owner } = await createStore({ plan: "STANDARD" });
    const ownerActor = await actorFor(owner, store.id);
    const results = await Promise.all(Array.from({ length: 14 }, (_, i) => inviteStaff(ownerActor, store.id, invite(`rush-${i}@example.test`))));
    expect(results.filter((r) => r.ok)).toHaveLength(STAFF_LIMIT.STANDARD);
    expect(results.filter((r) => !r.ok).every((r) => keysOf(r).form === "store.staff.errors.limit")).toBe(true);
    expect(await t.db.staffAccount.count({ where: { storeId: store.id, isOwner: false } })).toBe(STAFF_LIMIT.STANDARD);
  });

  test("an invitation and a collaborator request for the same person sent together: exactly one wins", async () => {
    const wins = { staff: 0, collaborator: 0 };
    for (let round = 0; round < 8; round++) {
      const { store, owner } = await createStore({ codeRequired: false });
      const ownerActor = await actorFor(owner, store.id);
      const person = await createUser();
      const organization = await createOrganization({ members: [person] });
      const [invited, requested] = await Promise.all([
        inviteStaff(ownerActor, store.id, invite(person.email)),
        requestAccess(person, organization.id, { storeDomain: store.domain, code: "", permissions: ["orders_view"], message: null }),
      ]);
      expect(invited.ok !== requested.ok, "exactly one of the two succeeds").toBe(true);
      const staff = await t.db.staffAccount.count({ where: { storeId: store.id, email: person.email } });
      const access = await t.db.collaboratorAccess.count({ where: { storeId: store.id, organizationId: organization.id, state: { in: ["PENDING", "MANAGED", "SUSPENDED"] } } });
      expect(staff + access).toBe(1);
      if (invited.ok) {
        wins.staff++;
        expect(requested).toMatchObject({ ok: false, errors: { form: "partner.request.errors.staffSelf" } });
      } else {
        wins.collaborator++;
        expect(keysOf(invited)).toEqual({ email: "store.staff.errors.collaborator" });
      }
    }
    expect(wins.staff + wins.collaborator).toBe(8);
  });
});

describe("accepting an invitation", () => {
  test("a new person sets a password, is signed in, and the account becomes active; the link works once", async () => {
    const { store, owner } = await createStore({ name: "Atelier" });
    const ownerActor = await actorFor(owner, store.id);
    await inviteStaff(ownerActor, store.id, invite("fresh@example.test", ["products_manage"]));
    const token = await tokenFrom("fresh@example.test");
    expect(await getStaffInvitation(token)).toMatchObject({ state: "valid", email: "fresh@example.test", hasLogin: false, store: { name: "Atelier" } });

    const result = await acceptStaffInvitation(token, { kind: "new", firstName: "Fresh", lastName: "Person", password: "a long passphrase" }, { ip: "192.0.2.1" });
    expect(result).toMatchObject({ ok: true, value: { storeId: store.id } });
    if (!result.ok || !result.value.session) throw new Error("no session");
    const session = await findSession(result.value.session.token);
    expect(session?.user.email).toBe("fresh@example.test");
    const access = await resolveFor(session!, store.id);
    expect(access.ok && access.actor).toMatchObject({ kind: "staff", permissions: ["products_manage"] });
    expect(await getStaffInvitation(token)).toMatchObject({ state: "used" });
    expect(await acceptStaffInvitation(token, { kind: "new", firstName: "X", lastName: "Y", password: "another passphrase" })).toMatchObject({ ok: false, errors: { form: "store.invitation.errors.used" } });
    expect(await logOf(store.id, "staff.invitation_accepted")).toHaveLength(1);
  });

  test("four acceptances of one link sent together: one login, one acceptance", async () => {
    const { store, owner } = await createStore();
    await inviteStaff(await actorFor(owner, store.id), store.id, invite("race@example.test"));
    const token = await tokenFrom("race@example.test");
    const results = await Promise.all(
      Array.from({ length: 4 }, () => acceptStaffInvitation(token, { kind: "new", firstName: "R", lastName: "Ace", password: "a long passphrase" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.db.user.count({ where: { email: "race@example.test" } })).toBe(1);
  });

  test("a person with a login accepts only while signed in with the invited email", async () => {
    const { store, owner } = await createStore();
    const existing = await createUser({ email: "has-login@example.test" });
    const other = await createUser();
    await inviteStaff(await actorFor(owner, store.id), store.id, invite(existing.email));
    expect((await mailsTo(existing.email)).at(-1)?.text).toMatch(/existing Portier login/);
    const token = await tokenFrom(existing.email);
    expect(await getStaffInvitation(token)).toMatchObject({ hasLogin: true });
    expect(await acceptStaffInvitation(token, { kind: "new", firstName: "A", lastName: "B", password: "a long passphrase" })).toMatchObject({ ok: false, errors: { form: "store.invitation.errors.hasLogin" } });
    const otherSession = await createSession(other);
    expect(await acceptStaffInvitation(token, { kind: "existing", user: otherSession.user })).toMatchObject({ ok: false, kind: "forbidden", errors: { form: message("store.invitation.errors.otherLogin", { email: existing.email }) } });
    const session = await createSession(existing);
    expect(await acceptStaffInvitation(token, { kind: "existing", user: session.user })).toMatchObject({ ok: true, value: { storeId: store.id } });
    expect((await resolveFor(session, store.id)).ok).toBe(true);
  });

  test("an expired link is refused; an unknown one is not found", async () => {
    const { store, owner } = await createStore();
    await inviteStaff(await actorFor(owner, store.id), store.id, invite("late@example.test"));
    const token = await tokenFrom("late@example.test");
    await t.db.staffInvitation.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getStaffInvitation(token)).toMatchObject({ state: "expired" });
    expect(await acceptStaffInvitation(token, { kind: "new", firstName: "L", lastName: "Ate", password: "a long passphrase" })).toMatchObject({ ok: false, errors: { form: "store.invitation.errors.expired" } });
    expect(await t.db.user.count({ where: { email: "late@example.test" } })).toBe(0);
    expect(await getStaffInvitation("nope")).toEqual({ state: "invalid" });
    expect(await acceptStaffInvitation("nope", { kind: "new", firstName: "N", lastName: "O", password: "a long passphrase" })).toMatchObject({ ok: false, kind: "notFound" });
  });
});

describe("managing staff accounts", () => {
  async function staffWorld() {
    const { store, owner, ownerAccount } = await createStore();
    const ownerActor = await actorFor(owner, store.id);
    const member = await createUser();
    const account = await createStaff(store.id, member, ["orders_manage", "home_view"]);
    const session = await createSession(member);
    expect((await resolveFor(session, store.id)).ok).toBe(true);
    return { store, owner, ownerAccount, ownerActor, member, account, session };
  }

  test("lock refuses the account's open sessions at once; unlock restores them; both logged", async () => {
    const { store, ownerActor, account, session } = await staffWorld();
    expect(await lockStaff(ownerActor, store.id, account.id)).toMatchObject({ ok: true });
    expect(await resolveFor(session, store.id)).toEqual({ ok: false, reason: "forbidden" });
    expect(await lockStaff(ownerActor, store.id, account.id)).toMatchObject({ ok: false, errors: { form: "store.staff.errors.cannot.lock" } });
    expect(await unlockStaff(ownerActor, store.id, account.id)).toMatchObject({ ok: true });
    expect((await resolveFor(session, store.id)).ok).toBe(true);
    expect(await logOf(store.id, "staff.locked")).toHaveLength(1);
    expect(await logOf(store.id, "staff.unlocked")).toHaveLength(1);
  });

  test("archive refuses access, unarchive restores it; no permission refuses, granting one restores", async () => {
    const { store, ownerActor, account, session } = await staffWorld();
    expect(await archiveStaff(ownerActor, store.id, account.id)).toMatchObject({ ok: true });
    expect((await resolveFor(session, store.id)).ok).toBe(false);
    expect(await unarchiveStaff(ownerActor, store.id, account.id)).toMatchObject({ ok: true });
    expect((await resolveFor(session, store.id)).ok).toBe(true);

    expect(await changeStaffPermissions(ownerActor, store.id, account.id, [])).toMatchObject({ ok: true });
    expect((await resolveFor(session, store.id)).ok).toBe(false);
    expect(await changeStaffPermissions(ownerActor, store.id, account.id, ["customers_view"])).toMatchObject({ ok: true });
    const restored = await resolveFor(session, store.id);
    expect(restored.ok && restored.actor.permissions).toEqual(["customers_view"]);
    const entries = await logOf(store.id, "staff.permissions_changed");
    expect(entries.at(-1)?.details).toEqual({ from: [], to: ["customers_view"] });
  });

  test("an invited account that is unlocked or unarchived goes back to invited, not active", async () => {
    const { store, owner } = await createStore();
    const ownerActor = await actorFor(owner, store.id);
    const invited = await inviteStaff(ownerActor, store.id, invite("pending@example.test"));
    if (!invited.ok) throw new Error("invite failed");
    await lockStaff(ownerActor, store.id, invited.value.staffId);
    await unlockStaff(ownerActor, store.id, invited.value.staffId);
    expect((await t.db.staffAccount.findUniqueOrThrow({ where: { id: invited.value.staffId } })).status).toBe("INVITED");
  });

  test("nobody locks, archives, edits or removes the owner; nobody acts on their own account", async () => {
    const { store, ownerActor, ownerAccount } = await staffWorld();
    for (const operation of [lockStaff, archiveStaff, removeStaff]) {
      expect(await operation(ownerActor, store.id, ownerAccount.id)).toMatchObject({ ok: false, kind: "forbidden", errors: { form: "store.staff.errors.owner" } });
    }
    expect(await changeStaffPermissions(ownerActor, store.id, ownerAccount.id, ["home_view"])).toMatchObject({ ok: false, errors: { form: "store.staff.errors.owner" } });
    const manager = await createUser();
    const managerAccount = await createStaff(store.id, manager, ["staff_manage", "home_manage"]);
    const managerActor = await actorFor(manager, store.id);
    expect(await lockStaff(managerActor, store.id, ownerAccount.id)).toMatchObject({ ok: false, errors: { form: "store.staff.errors.owner" } });
    expect(await lockStaff(managerActor, store.id, managerAccount.id)).toMatchObject({ ok: false, errors: { form: "store.staff.errors.self" } });
    const owner = await t.db.staffAccount.findUniqueOrThrow({ where: { id: ownerAccount.id } });
    expect(owner).toMatchObject({ status: "ACTIVE", isOwner: true });
  });

  test("staff managers cannot raise a permission above their own, but may leave one they don't hold", async () => {
    const { store, account } = await staffWorld();
    const manager = await createUser();
    await createStaff(store.id, manager, ["staff_manage", "home_manage", "orders_view"]);
    const managerActor = await actorFor(manager, store.id);
    // account holds orders_manage + home_view
    expect(await changeStaffPermissions(managerActor, store.id, account.id, ["orders_manage", "home_manage"])).toMatchObject({ ok: true });
    expect(await changeStaffPermissions(managerActor, store.id, account.id, ["orders_manage", "settings_view"])).toMatchObject({ ok: false, errors: { permissions: "store.permissions.errors.exceeds" } });
    expect(await changeStaffPermissions(managerActor, store.id, account.id, ["orders_manage", "staff_manage"])).toMatchObject({ ok: true });
  });

  test("remove deletes the account: its sessions no longer reach the store; another store's account is not found", async () => {
    const { store, ownerActor, account, session } = await staffWorld();
    const other = await createStore();
    const otherAccount = await createStaff(other.store.id, await createUser(), ["home_view"]);
    expect(await removeStaff(ownerActor, store.id, otherAccount.id)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await lockStaff(ownerActor, store.id, otherAccount.id)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await removeStaff(ownerActor, store.id, account.id)).toMatchObject({ ok: true });
    expect((await resolveFor(session, store.id)).ok).toBe(false);
    expect(await logOf(store.id, "staff.removed")).toHaveLength(1);
  });

  test("a manager locked a moment ago can no longer manage anyone", async () => {
    const { store, ownerActor, account } = await staffWorld();
    const manager = await createUser();
    const managerAccount = await createStaff(store.id, manager, ["staff_manage", "orders_manage", "home_view"]);
    const managerActor = await actorFor(manager, store.id);
    await lockStaff(ownerActor, store.id, managerAccount.id);
    expect(await lockStaff(managerActor, store.id, account.id)).toMatchObject({ ok: false, kind: "forbidden" });
  });
});
