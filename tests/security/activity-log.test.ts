// The activity log (ASVS V16): a full journey through the services must leave one entry per
// access-relevant event, each saying who, what, when, from where, on which store and organization, and
// none may hold a password, a code or a token. Nothing in the app may edit or delete an entry.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { db } from "~/lib/db.server";
import { signIn } from "~/services/auth.server";
import { requestAccess, cancelRequest } from "~/services/access-requests.server";
import { approveRequest, declineRequest, changeCollaboratorPermissions, suspendCollaborator, resumeCollaborator, removeCollaborator } from "~/services/collaborator-decisions.server";
import { logInToStore } from "~/services/collaborator-login.server";
import { removeAccess, removeFromList } from "~/services/partner-access.server";
import { inviteStaff, acceptStaffInvitation, lockStaff, unlockStaff, archiveStaff, unarchiveStaff, changeStaffPermissions, removeStaff } from "~/services/staff.server";
import { regenerateCollaboratorCode, setCodeRequired } from "~/services/store-settings.server";
import { findSession } from "~/services/sessions.server";
import { createPerson, newOrganization, newStore, ownerActor, WORLD_PASSWORD, type Person } from "./support/world";
import { ROOT } from "./support/server";
import { recordFigure } from "./support/figures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const PARTNER_IP = "198.51.100.7";
const OWNER_IP = "203.0.113.5";
const STAFF_IP = "192.0.2.44";

const asUser = (p: Person) => ({ ...p, locale: null });

interface Expected {
  action: string;
  actor: Person;
  kind: string;
  ip: string;
  storeId: string | null;
  organizationId: string | null;
}

describe("activity log", () => {
  test("a full journey logs every access event with who, what, when, from where, store and organization, and no secret", async () => {
    const started = new Date(Date.now() - 1000);
    const owner = await createPerson("Owner");
    const partner = await createPerson("Partner");
    const store = await newStore(owner, "Journey Store");
    const organization = await newOrganization("Journey Agency", [partner]);
    const secrets: string[] = [WORLD_PASSWORD];
    const codes: string[] = [store.code];
    const expected: Expected[] = [];
    const by = (actor: Person, kind: string, ip: string, action: string, organizationId: string | null = organization.id): Expected => ({
      action,
      actor,
      kind,
      ip,
      storeId: store.id,
      organizationId,
    });
    const ownerNow = () => ownerActor(owner, store.id);
    const request = (code: string) =>
      requestAccess(asUser(partner), organization.id, { storeDomain: store.domain, code, permissions: ["orders_manage", "products_view"], message: "Hi" }, PARTNER_IP);

    // A wrong code: refused, logged as a failed attempt (without the code typed, nor the right one).
    const wrong = store.code === "1234" ? "4321" : "1234";
    codes.push(wrong);
    expect((await request(wrong)).ok).toBe(false);
    expected.push(by(partner, "partner", PARTNER_IP, "collaborator_code.failed_attempt"));

    // Request, approve with narrower permissions, edit, suspend, resume.
    const first = await request(store.code);
    if (!first.ok) throw new Error(JSON.stringify(first));
    expected.push(by(partner, "partner", PARTNER_IP, "collaborator_request.created"));
    expect((await approveRequest(await ownerNow(), store.id, first.value.requestId, ["orders_view"], OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_request.approved"));
    expect((await changeCollaboratorPermissions(await ownerNow(), store.id, first.value.accessId, ["orders_manage", "home_view"], OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_access.permissions_changed"));
    expect((await suspendCollaborator(await ownerNow(), store.id, first.value.accessId, OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_access.suspended"));
    expect((await resumeCollaborator(await ownerNow(), store.id, first.value.accessId, OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_access.resumed"));

    // The partner signs in (the session token is a secret) and logs in to the store.
    const signedIn = await signIn({ email: partner.email, password: WORLD_PASSWORD }, { ip: PARTNER_IP, userAgent: "vitest" });
    if (!signedIn.ok) throw new Error("sign-in failed");
    secrets.push(signedIn.value.token);
    const session = await findSession(signedIn.value.token);
    expect((await logInToStore(session!, organization.id, first.value.accessId, PARTNER_IP)).ok).toBe(true);
    expected.push(by(partner, "collaborator", PARTNER_IP, "collaborator_access.logged_in"));

    // The owner removes the collaborator; the partner removes the row from the list.
    expect((await removeCollaborator(await ownerNow(), store.id, first.value.accessId, OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_access.removed"));
    expect((await removeFromList(asUser(partner), organization.id, first.value.accessId, PARTNER_IP)).ok).toBe(true);
    expected.push(by(partner, "partner", PARTNER_IP, "collaborator_access.removed_from_list"));

    // Request again and cancel; request again and be declined; request again, approve, and give it back.
    const second = await request(store.code);
    if (!second.ok) throw new Error(JSON.stringify(second));
    expected.push(by(partner, "partner", PARTNER_IP, "collaborator_request.created"));
    expect((await cancelRequest(asUser(partner), organization.id, second.value.requestId, PARTNER_IP)).ok).toBe(true);
    expected.push(by(partner, "partner", PARTNER_IP, "collaborator_request.cancelled"));
    const third = await request(store.code);
    if (!third.ok) throw new Error(JSON.stringify(third));
    expected.push(by(partner, "partner", PARTNER_IP, "collaborator_request.created"));
    expect((await declineRequest(await ownerNow(), store.id, third.value.requestId, OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_request.declined"));
    const fourth = await request(store.code);
    if (!fourth.ok) throw new Error(JSON.stringify(fourth));
    expected.push(by(partner, "partner", PARTNER_IP, "collaborator_request.created"));
    expect((await approveRequest(await ownerNow(), store.id, fourth.value.requestId, ["orders_view"], OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_request.approved"));
    expect((await removeAccess(asUser(partner), organization.id, fourth.value.accessId, PARTNER_IP)).ok).toBe(true);
    expected.push(by(partner, "partner", PARTNER_IP, "collaborator_access.removed"));

    // Staff: invite (the link's token is a secret), accept, lock, unlock, archive, unarchive, permissions, remove.
    const invitee = `staff-${Date.now()}@security.test`;
    const invited = await inviteStaff(await ownerNow(), store.id, { email: invitee, firstName: "Stan", lastName: "Staff", permissions: ["orders_view"] }, OWNER_IP);
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    expected.push(by(owner, "owner", OWNER_IP, "staff.invited", null));
    const mail = await db().emailOutbox.findFirstOrThrow({ where: { to: invitee } });
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    secrets.push(token!);
    const accepted = await acceptStaffInvitation(token!, { kind: "new", firstName: "Stan", lastName: "Staff", password: "a staff passphrase" }, { ip: STAFF_IP });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted));
    secrets.push("a staff passphrase");
    if (accepted.value.session) secrets.push(accepted.value.session.token);
    const staffUser = await db().user.findUniqueOrThrow({ where: { email: invitee }, select: { id: true, email: true, firstName: true, lastName: true } });
    expected.push(by(staffUser, "staff", STAFF_IP, "staff.invitation_accepted", null));
    for (const [operation, action] of [
      [lockStaff, "staff.locked"],
      [unlockStaff, "staff.unlocked"],
      [archiveStaff, "staff.archived"],
      [unarchiveStaff, "staff.unarchived"],
    ] as const) {
      expect((await operation(await ownerNow(), store.id, invited.value.staffId, OWNER_IP)).ok).toBe(true);
      expected.push(by(owner, "owner", OWNER_IP, action, null));
    }
    expect((await changeStaffPermissions(await ownerNow(), store.id, invited.value.staffId, ["orders_manage"], OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "staff.permissions_changed", null));
    expect((await removeStaff(await ownerNow(), store.id, invited.value.staffId, OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "staff.removed", null));

    // The code: a new one (never logged), then the requirement off.
    expect((await regenerateCollaboratorCode(await ownerNow(), store.id, OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_code.regenerated", null));
    codes.push((await db().store.findUniqueOrThrow({ where: { id: store.id } })).collaboratorCode);
    expect((await setCodeRequired(await ownerNow(), store.id, false, OWNER_IP)).ok).toBe(true);
    expected.push(by(owner, "owner", OWNER_IP, "collaborator_code.requirement_changed", null));

    const finished = new Date(Date.now() + 1000);
    const log = await db().activityLog.findMany({ where: { storeId: store.id, action: { not: "store.created" } }, orderBy: { id: "asc" } });

    // Every event, in order, with who / what / when / from where / store / organization.
    expect(log.map((e) => e.action)).toEqual(expected.map((e) => e.action));
    recordFigure("activity.events", log.length, "activity log events of the journey, each checked");
    log.forEach((entry, i) => {
      const want = expected[i];
      const where = `entry ${i} (${entry.action})`;
      expect(entry.actorUserId, where).toBe(want.actor.id);
      expect(entry.actorLabel, where).toContain(want.actor.email);
      expect(entry.actorKind, where).toBe(want.kind);
      expect(entry.ip, where).toBe(want.ip);
      expect(entry.storeId, where).toBe(want.storeId);
      if (want.organizationId) expect(entry.organizationId, where).toBe(want.organizationId);
      expect(entry.createdAt.getTime(), where).toBeGreaterThanOrEqual(started.getTime());
      expect(entry.createdAt.getTime(), where).toBeLessThanOrEqual(finished.getTime());
    });
    // The staff events say whom they were about.
    for (const entry of log.filter((e) => e.action.startsWith("staff."))) expect(entry.subject).toBe(invitee);

    // No secret anywhere in the log (the whole table, not only this store's rows). Ids and timestamps are
    // taken out first, so that a 4-digit code is not "found" inside a UUID or a date.
    const everything = await db().activityLog.findMany();
    const text = everything
      .map((e) => [e.action, e.actorLabel, e.subject ?? "", JSON.stringify(e.details), e.ip ?? ""].join(" "))
      .join("\n")
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
      .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, "<time>");
    for (const secret of secrets) expect(text.includes(secret), `a secret (${secret.slice(0, 4)}…) is in the log`).toBe(false);
    for (const code of codes) expect(new RegExp(`(?<![0-9])${code}(?![0-9])`).test(text), `the code ${code} is in the log`).toBe(false);
    // Nor any key that names one.
    expect(text).not.toMatch(/"(password|passwordHash|token|tokenHash|code|collaboratorCode)"\s*:/i);
  });

  test("the database refuses to edit or delete an entry, whoever asks", async () => {
    const entry = await db().activityLog.findFirstOrThrow();
    await expect(db().activityLog.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db().activityLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "ActivityLog"`)).rejects.toThrow(/append-only/);
    expect(await db().activityLog.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });

  test("no code path in the app edits or deletes log entries", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (name === "generated") continue;
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(name)) {
          const source = readFileSync(full, "utf8");
          if (/activityLog\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/.test(source)) offenders.push(`${full}: Prisma write other than create`);
          if (/(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?ActivityLog"?/i.test(source)) offenders.push(`${full}: raw SQL on ActivityLog`);
        }
      }
    };
    walk(path.join(ROOT, "app"));
    expect(offenders).toEqual([]);
  });
});
