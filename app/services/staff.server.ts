// Staff accounts (SPEC.md "Staff accounts", rules 5, 11 and 12): inviting, accepting an invitation,
// lock/archive and their reverse, permissions, removal. Access itself is decided on every request by
// store-access.server.ts, so a refused account's open sessions stop working at once.
import { db, type Tx } from "~/lib/db.server";
import { inTransaction, violates } from "~/lib/transaction.server";
import { hashPassword } from "~/lib/password.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { normalize } from "~/domain/permissions";
import { SEAT_HOLDING_STATUSES, STAFF_LIMIT } from "~/domain/plans";
import { INVITATION_DAYS, STAFF_LOG, STAFF_TRANSITIONS, grantsBeyond, statusAfter, type StaffAction, type StaffStatus } from "~/domain/staff";
import { HOLDING_STATES } from "~/domain/collaborator-access";
import { isUuid } from "~/domain/ids";
import { ok, refuse, type Refusal, type Result } from "~/domain/result";
import type { MessageKey } from "~/i18n";
import { encodeMessage, type Params } from "~/i18n/messages";
import { actorLabel, logActivity } from "./activity.server";
import { enqueueMail } from "./outbox.server";
import { startSession, type SessionUser } from "./sessions.server";
import { acceptPendingInvitationsFor } from "./organizations.server";
import type { StoreActor } from "./store-access.server";
import { staffManager, type Decider } from "./store-admin.server";
import { lockStaffAccount, lockStore } from "./locks.server";

/** Seen, but not this person's to change, and why (the owner's account, one's own, another login's invitation). */
function forbiddenBecause(key: MessageKey, params?: Params): Refusal {
  return { ...refuse.forbidden(), errors: { form: encodeMessage(key, params) } };
}

const limitReached = (limit: number) => refuse.conflict("form", "store.staff.errors.limit", { limit, count: limit });

/** Staff accounts that hold a seat under the plan's limit: never the owner, never a collaborator. */
async function seatsUsed(tx: Tx, storeId: string): Promise<number> {
  return tx.staffAccount.count({ where: { storeId, isOwner: false, status: { in: [...SEAT_HOLDING_STATUSES] } } });
}

/** An organization with pending or active collaborator access whose member uses this email. */
async function collaboratorOrganizationOf(tx: Tx, storeId: string, email: string): Promise<string | null> {
  const access = await tx.collaboratorAccess.findFirst({
    where: {
      storeId,
      state: { in: [...HOLDING_STATES] },
      organization: { memberships: { some: { user: { email } } } },
    },
    select: { organization: { select: { name: true } } },
  });
  return access?.organization.name ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Reading

export async function listStaff(storeId: string) {
  const [store, accounts] = await Promise.all([
    db().store.findUniqueOrThrow({ where: { id: storeId }, select: { plan: true } }),
    db().staffAccount.findMany({
      where: { storeId },
      orderBy: [{ isOwner: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, email: true, firstName: true, lastName: true, isOwner: true, status: true, permissions: true, lastActiveAt: true, createdAt: true, userId: true },
    }),
  ]);
  const used = accounts.filter((a) => !a.isOwner && (SEAT_HOLDING_STATUSES as readonly string[]).includes(a.status)).length;
  return { accounts, seats: { used, limit: STAFF_LIMIT[store.plan], plan: store.plan } };
}

export async function getStaffAccount(storeId: string, staffId: string) {
  if (!isUuid(staffId)) return null;
  return db().staffAccount.findFirst({
    where: { id: staffId, storeId },
    select: { id: true, email: true, firstName: true, lastName: true, isOwner: true, status: true, permissions: true, lastActiveAt: true, createdAt: true, userId: true },
  });
}

// ---------------------------------------------------------------------------------------------------
// Inviting

export interface InviteInput {
  email: string;
  firstName: string;
  lastName: string;
  permissions: readonly string[];
}

export type InviteResult = Result<{ staffId: string }>;

/**
 * The store row is locked first, so that two invitations cannot both take the last seat, and so that an
 * invitation and a collaborator request for the same person (requestAccess locks the same row) serialize.
 */
export async function inviteStaff(actor: StoreActor, storeId: string, input: InviteInput, ip?: string | null): Promise<InviteResult> {
  const email = input.email.trim().toLowerCase();
  const permissions = normalize(input.permissions);
  try {
    return await inTransaction(async (tx) => {
      const manager = await staffManager(tx, actor, storeId, ip);
      if (!manager.ok) return manager;
      const who = manager.value;
      if (permissions.length === 0) return refuse.invalid("permissions", "errors.permissions.empty");
      if (grantsBeyond(who.permissions, permissions).length > 0) return refuse.invalid("permissions", "store.permissions.errors.exceeds");
      await lockStore(tx, storeId);
      const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { name: true, domain: true, plan: true } });
      const limit = STAFF_LIMIT[store.plan];
      if ((await seatsUsed(tx, storeId)) >= limit) return limitReached(limit);
      const existing = await tx.staffAccount.findUnique({ where: { storeId_email: { storeId, email } }, select: { id: true } });
      if (existing) return refuse.conflict("email", "store.staff.errors.exists");
      const organization = await collaboratorOrganizationOf(tx, storeId, email);
      if (organization) return refuse.conflict("email", "store.staff.errors.collaborator", { organization });

      const account = await tx.staffAccount.create({
        data: { storeId, email, firstName: input.firstName, lastName: input.lastName, status: "INVITED", permissions },
      });
      const { token, hash } = newToken();
      await tx.staffInvitation.create({ data: { staffAccountId: account.id, tokenHash: hash, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) } });
      const login = await tx.user.findUnique({ where: { email }, select: { locale: true } });
      await enqueueMail(tx, {
        to: email,
        locale: login?.locale ?? who.user.locale,
        mail: {
          kind: "staffInvitation",
          params: {
            name: input.firstName,
            inviter: `${who.user.firstName} ${who.user.lastName}`,
            store: store.name,
            domain: store.domain,
            invitationPath: `/invitations/${token}`,
            days: INVITATION_DAYS,
            hasLogin: Boolean(login),
          },
        },
      });
      await logActivity(tx, who.activity, { action: "staff.invited", storeId, subject: email, details: { permissions } });
      return ok({ staffId: account.id });
    });
  } catch (error) {
    // Backstop: the unique (store, email) index, should two invitations for one address cross.
    if (violates(error, "StaffAccount_storeId_email_key")) return refuse.conflict("email", "store.staff.errors.exists");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Accepting an invitation (single use, 14 days)

export type InvitationState = "valid" | "invalid" | "expired" | "used";

export async function getStaffInvitation(token: string) {
  if (!token || token.length > 100) return { state: "invalid" as const };
  const invitation = await db().staffInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      expiresAt: true,
      usedAt: true,
      staffAccount: { select: { email: true, firstName: true, lastName: true, store: { select: { id: true, name: true } } } },
    },
  });
  if (!invitation) return { state: "invalid" as const };
  const account = invitation.staffAccount;
  const hasLogin = Boolean(await db().user.findUnique({ where: { email: account.email }, select: { id: true } }));
  const state: InvitationState = invitation.usedAt ? "used" : invitation.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
  return { state, email: account.email, firstName: account.firstName, lastName: account.lastName, store: account.store, hasLogin };
}

export type AcceptResult = Result<{ storeId: string; session?: { token: string; expiresAt: Date } }>;

/** Undoes the transaction and answers with a refusal. */
class Rollback extends Error {
  constructor(readonly refusal: Refusal) {
    super("rollback");
  }
}

type Acceptance =
  | { kind: "new"; firstName: string; lastName: string; password: string }
  | { kind: "existing"; user: SessionUser["user"] };

/**
 * A person without a login sets a password (the login is created and signed in); a person with one accepts
 * while signed in with the invited email. The conditional update on `usedAt` makes the link single-use.
 */
export async function acceptStaffInvitation(token: string, acceptance: Acceptance, meta: { ip?: string; userAgent?: string | null } = {}): Promise<AcceptResult> {
  if (!token || token.length > 100) return refuse.notFound();
  const passwordHash = acceptance.kind === "new" ? await hashPassword(acceptance.password) : null;
  try {
    return await inTransaction(async (tx) => {
      const invitation = await tx.staffInvitation.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, expiresAt: true, usedAt: true, staffAccount: { select: { id: true, storeId: true, email: true, status: true, store: { select: { name: true } } } } },
      });
      if (!invitation) return refuse.notFound();
      const account = invitation.staffAccount;
      if (invitation.usedAt) return refuse.conflict("form", "store.invitation.errors.used");
      if (invitation.expiresAt.getTime() <= Date.now()) return refuse.conflict("form", "store.invitation.errors.expired");
      await lockStore(tx, account.storeId);

      let user: { id: string; email: string; firstName: string; lastName: string };
      if (acceptance.kind === "existing") {
        if (acceptance.user.email !== account.email) return forbiddenBecause("store.invitation.errors.otherLogin", { email: account.email });
        user = acceptance.user;
      } else {
        if (await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })) {
          return refuse.conflict("form", "store.invitation.errors.hasLogin");
        }
        user = await tx.user.create({ data: { email: account.email, firstName: acceptance.firstName, lastName: acceptance.lastName, passwordHash: passwordHash! } });
        await acceptPendingInvitationsFor(tx, user);
      }
      // Staff and collaborator stay exclusive, also when the person joined an organization since. Thrown,
      // not returned: a login created above must not outlive a refused acceptance.
      const organization = await collaboratorOrganizationOf(tx, account.storeId, account.email);
      if (organization) throw new Rollback(refuse.conflict("form", "store.invitation.errors.collaborator", { organization }));

      const used = await tx.staffInvitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: new Date() } });
      if (used.count === 0) throw new Rollback(refuse.conflict("form", "store.invitation.errors.used"));
      await tx.staffAccount.update({
        where: { id: account.id },
        // A locked or archived invitation stays so: accepting links the login but restores nothing.
        data: { userId: user.id, ...(account.status === "INVITED" ? { status: "ACTIVE" as const } : {}) },
      });
      await logActivity(tx, { userId: user.id, label: actorLabel(user), kind: "staff", ip: meta.ip ?? null }, { action: "staff.invitation_accepted", storeId: account.storeId, subject: account.email });
      const session = acceptance.kind === "new" ? await startSession(tx, user.id, meta) : undefined;
      return ok({ storeId: account.storeId, ...(session ? { session } : {}) });
    });
  } catch (error) {
    if (error instanceof Rollback) return error.refusal;
    if (violates(error, "User_email_key")) return refuse.conflict("form", "store.invitation.errors.hasLogin");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Managing an account

type Target = { id: string; email: string; isOwner: boolean; status: StaffStatus; permissions: string[]; userId: string | null };

/** The account must be of THIS store; nobody acts on the owner, and nobody on their own account. */
async function target(tx: Tx, who: Decider, storeId: string, staffId: string): Promise<Result<Target>> {
  await lockStaffAccount(tx, storeId, staffId);
  const account = await tx.staffAccount.findFirst({
    where: { id: staffId, storeId },
    select: { id: true, email: true, isOwner: true, status: true, permissions: true, userId: true },
  });
  if (!account) return refuse.notFound();
  if (account.isOwner) return forbiddenBecause("store.staff.errors.owner");
  if (account.id === who.staffAccountId) return forbiddenBecause("store.staff.errors.self");
  return ok(account);
}

/** The manager, then the account they act on, both read inside the transaction. */
async function managerAndTarget(tx: Tx, actor: StoreActor, storeId: string, staffId: string, ip?: string | null) {
  const manager = await staffManager(tx, actor, storeId, ip);
  if (!manager.ok) return manager;
  const account = await target(tx, manager.value, storeId, staffId);
  if (!account.ok) return account;
  return ok({ who: manager.value, account: account.value });
}

export type StaffResult = Result<{ email: string }>;

async function transition(actor: StoreActor, storeId: string, staffId: string, action: StaffAction, ip?: string | null): Promise<StaffResult> {
  if (!isUuid(staffId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    // Unarchiving takes a seat back: the store lock (before the account's) makes the count exact, as for invitations.
    if (action === "unarchive") await lockStore(tx, storeId);
    const found = await managerAndTarget(tx, actor, storeId, staffId, ip);
    if (!found.ok) return found;
    const { who, account } = found.value;
    if (!STAFF_TRANSITIONS[action].includes(account.status)) return refuse.conflict("form", `store.staff.errors.cannot.${action}`);
    if (action === "unarchive") {
      const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { plan: true } });
      const limit = STAFF_LIMIT[store.plan];
      if ((await seatsUsed(tx, storeId)) >= limit) return limitReached(limit);
    }
    const status = statusAfter(action, account.userId !== null);
    await tx.staffAccount.update({ where: { id: account.id }, data: { status } });
    await logActivity(tx, who.activity, { action: STAFF_LOG[action], storeId, subject: account.email });
    return ok({ email: account.email });
  });
}

export const lockStaff = (actor: StoreActor, storeId: string, staffId: string, ip?: string | null) => transition(actor, storeId, staffId, "lock", ip);
export const unlockStaff = (actor: StoreActor, storeId: string, staffId: string, ip?: string | null) => transition(actor, storeId, staffId, "unlock", ip);
export const archiveStaff = (actor: StoreActor, storeId: string, staffId: string, ip?: string | null) => transition(actor, storeId, staffId, "archive", ip);
export const unarchiveStaff = (actor: StoreActor, storeId: string, staffId: string, ip?: string | null) => transition(actor, storeId, staffId, "unarchive", ip);

/** No permission at all is allowed: the account is then refused until it is granted one again. */
export async function changeStaffPermissions(actor: StoreActor, storeId: string, staffId: string, permissions: readonly string[], ip?: string | null): Promise<StaffResult> {
  if (!isUuid(staffId)) return refuse.notFound();
  const wanted = normalize(permissions);
  return inTransaction(async (tx) => {
    const found = await managerAndTarget(tx, actor, storeId, staffId, ip);
    if (!found.ok) return found;
    const { who, account } = found.value;
    if (grantsBeyond(who.permissions, wanted, account.permissions).length > 0) return refuse.invalid("permissions", "store.permissions.errors.exceeds");
    await tx.staffAccount.update({ where: { id: account.id }, data: { permissions: wanted } });
    await logActivity(tx, who.activity, { action: "staff.permissions_changed", storeId, subject: account.email, details: { from: account.permissions, to: wanted } });
    return ok({ email: account.email });
  });
}

/** Deletes the account (its open invitation goes with it); the person's sessions no longer reach the store. */
export async function removeStaff(actor: StoreActor, storeId: string, staffId: string, ip?: string | null): Promise<StaffResult> {
  if (!isUuid(staffId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const found = await managerAndTarget(tx, actor, storeId, staffId, ip);
    if (!found.ok) return found;
    const { who, account } = found.value;
    await tx.staffAccount.delete({ where: { id: account.id } });
    await logActivity(tx, who.activity, { action: "staff.removed", storeId, subject: account.email, details: { permissions: account.permissions } });
    return ok({ email: account.email });
  });
}

// ---------------------------------------------------------------------------------------------------
// feature-logs: the name, and an invitation sent again or revoked

/** A staff member's first and last name; the log says what they were and what they are. */
export async function renameStaff(actor: StoreActor, storeId: string, staffId: string, name: { firstName: string; lastName: string }, ip?: string | null): Promise<StaffResult> {
  if (!isUuid(staffId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const found = await managerAndTarget(tx, actor, storeId, staffId, ip);
    if (!found.ok) return found;
    const { who, account } = found.value;
    await lockStaffAccount(tx, storeId, account.id);
    const before = await tx.staffAccount.findUniqueOrThrow({ where: { id: account.id }, select: { firstName: true, lastName: true } });
    if (before.firstName === name.firstName && before.lastName === name.lastName) return ok({ email: account.email });
    await tx.staffAccount.update({ where: { id: account.id }, data: { firstName: name.firstName, lastName: name.lastName } });
    await logActivity(tx, who.activity, { action: "staff.renamed", storeId, subject: account.email, details: { from: before, to: name } });
    return ok({ email: account.email });
  });
}

/**
 * "Resend invitation": a new link, mailed again in the invitee's language (their login's, else the
 * sender's); the old link stops working at once, as its token hash is replaced (the row keeps no other).
 */
export async function resendStaffInvitation(actor: StoreActor, storeId: string, staffId: string, ip?: string | null): Promise<StaffResult> {
  if (!isUuid(staffId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const found = await managerAndTarget(tx, actor, storeId, staffId, ip);
    if (!found.ok) return found;
    const { who, account } = found.value;
    await lockStaffAccount(tx, storeId, account.id);
    const current = await tx.staffAccount.findUniqueOrThrow({ where: { id: account.id }, select: { status: true, userId: true, firstName: true } });
    if (current.status !== "INVITED" || current.userId !== null) return refuse.conflict("form", "logs.staff.errors.notInvited");
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const replaced = await tx.staffInvitation.updateMany({ where: { staffAccountId: account.id, usedAt: null }, data: { tokenHash: hash, expiresAt, createdAt: new Date() } });
    if (replaced.count === 0) await tx.staffInvitation.create({ data: { staffAccountId: account.id, tokenHash: hash, expiresAt } });
    else if (replaced.count > 1) {
      // Never more than one open link: keep the newest row, which now holds the new hash; drop the others.
      const rows = await tx.staffInvitation.findMany({ where: { staffAccountId: account.id, usedAt: null }, orderBy: { id: "asc" }, select: { id: true } });
      await tx.staffInvitation.deleteMany({ where: { id: { in: rows.slice(1).map((row) => row.id) } } });
      await tx.staffInvitation.update({ where: { id: rows[0].id }, data: { tokenHash: hash } });
    }
    const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { name: true, domain: true } });
    const login = await tx.user.findUnique({ where: { email: account.email }, select: { locale: true } });
    await enqueueMail(tx, {
      to: account.email,
      locale: login?.locale ?? who.user.locale,
      mail: {
        kind: "staffInvitation",
        params: {
          name: current.firstName,
          inviter: `${who.user.firstName} ${who.user.lastName}`,
          store: store.name,
          domain: store.domain,
          invitationPath: `/invitations/${token}`,
          days: INVITATION_DAYS,
          hasLogin: Boolean(login),
        },
      },
    });
    await logActivity(tx, who.activity, { action: "staff.invitation_resent", storeId, subject: account.email });
    return ok({ email: account.email });
  });
}

/** "Revoke invitation": the link stops working, the invited account goes (its seat is free again), and the invitee is told. */
export async function revokeStaffInvitation(actor: StoreActor, storeId: string, staffId: string, ip?: string | null): Promise<StaffResult> {
  if (!isUuid(staffId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const found = await managerAndTarget(tx, actor, storeId, staffId, ip);
    if (!found.ok) return found;
    const { who, account } = found.value;
    await lockStaffAccount(tx, storeId, account.id);
    const current = await tx.staffAccount.findUniqueOrThrow({ where: { id: account.id }, select: { status: true, userId: true, permissions: true, firstName: true } });
    if (current.status !== "INVITED" || current.userId !== null) return refuse.conflict("form", "logs.staff.errors.notInvited");
    await tx.staffAccount.delete({ where: { id: account.id } });
    const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { name: true, domain: true } });
    const login = await tx.user.findUnique({ where: { email: account.email }, select: { locale: true } });
    await enqueueMail(tx, { to: account.email, locale: login?.locale ?? who.user.locale, mail: { kind: "staffInvitationRevoked", params: { name: current.firstName, store: store.name, domain: store.domain } } });
    await logActivity(tx, who.activity, { action: "staff.invitation_revoked", storeId, subject: account.email, details: { permissions: current.permissions } });
    return ok({ email: account.email });
  });
}
