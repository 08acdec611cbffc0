// The store's side of collaborator access (SPEC.md rules 7 and 12, and "beyond": suspend/resume):
// deciding requests, then editing the permissions of the access that approval created, and suspending,
// resuming or removing it, as the lifecycle table (~/domain/collaborator-access) says.
import { db, type Tx } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import type { AnyMail } from "~/mail/render";
import type { Permission } from "~/domain/permissions";
import { grantsBeyond } from "~/domain/staff";
import { ACCESS_TRANSITIONS, COLLABORATOR_STATES, collaboratorGrant, judge, type AccessState, type CollaboratorChange } from "~/domain/collaborator-access";
import { logActivity } from "./activity.server";
import { enqueueMail } from "./outbox.server";
import type { StoreActor } from "./store-access.server";
import { lockAccess, lockOrganization, lockStore } from "./locks.server";
import { staffManager } from "./store-admin.server";
import { isUuid } from "~/domain/ids";
import { endDateProblem, endOfAccess } from "~/domain/access-expiry";
import { ok, refuse, type Refusal, type Result } from "~/domain/result";

const dashboardPath = (organizationId: string) => `/partners/${organizationId}/stores`;

/** One mail per member of the organization (and `alsoTo`), each in their own language. */
export async function mailOrganization(tx: Tx, organizationId: string, mail: AnyMail, alsoTo: { email: string; locale: "en" | "fr" | null }[] = []): Promise<void> {
  const members = await tx.membership.findMany({ where: { organizationId }, select: { user: { select: { email: true, locale: true } } } });
  const recipients = new Map<string, "en" | "fr" | null>();
  for (const person of [...members.map((m) => m.user), ...alsoTo]) {
    if (!recipients.has(person.email)) recipients.set(person.email, person.locale);
  }
  for (const [to, locale] of recipients) await enqueueMail(tx, { to, locale, mail });
}

// ---------------------------------------------------------------------------------------------------
// Reading

export async function listPendingRequests(storeId: string) {
  const requests = await db().collaboratorRequest.findMany({
    where: { storeId, status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      permissions: true,
      message: true,
      createdAt: true,
      organization: { select: { id: true, name: true } },
      requestedBy: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  return requests;
}

export async function listCollaborators(storeId: string) {
  return db().collaboratorAccess.findMany({
    where: { storeId, state: { in: [...COLLABORATOR_STATES] } },
    orderBy: [{ organization: { name: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      state: true,
      permissions: true,
      grantedAt: true,
      lastUsedAt: true,
      endsAt: true,
      organization: { select: { id: true, name: true } },
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Deciding a request

export type DecisionResult = Result<{ organizationName: string }>;

/** Count 0 on the conditional update: someone decided first. Say what happened. */
async function alreadyDecided(tx: Tx, requestId: string): Promise<Refusal> {
  const request = await tx.collaboratorRequest.findUnique({ where: { id: requestId }, select: { status: true } });
  if (request?.status === "CANCELLED") return refuse.conflict("form", "store.requests.errors.cancelled");
  if (request?.status === "APPROVED") return refuse.conflict("form", "store.requests.errors.alreadyApproved");
  return refuse.conflict("form", "store.requests.errors.alreadyDeclined");
}

async function decide(
  actor: StoreActor,
  storeId: string,
  requestId: string,
  outcome: "APPROVED" | "DECLINED",
  permissions: readonly string[],
  ip?: string | null,
  endsOn?: string,
): Promise<DecisionResult> {
  if (!isUuid(requestId)) return refuse.notFound();
  // The optional end date (collaborator access over time): a real day, in the future.
  const endsAt = endsOn === undefined ? null : endOfAccess(endsOn);
  if (endsOn !== undefined && !endsAt) return refuse.invalid("endsOn", "expiry.errors.invalid");
  const endProblem = endsAt && endDateProblem(endsAt, new Date());
  if (endProblem) return refuse.invalid("endsOn", endProblem);
  const rule = ACCESS_TRANSITIONS[outcome === "APPROVED" ? "approve" : "decline"];
  return inTransaction(async (tx) => {
    const manager = await staffManager(tx, actor, storeId, ip);
    if (!manager.ok) return manager;
    const who = manager.value;
    let granted: Permission[] = [];
    if (rule.grants) {
      const grant = collaboratorGrant(who.permissions, permissions);
      if (!grant.ok) return grant;
      granted = grant.value;
    }
    // The request must belong to THIS store: an id from elsewhere is simply not found.
    const found = await tx.collaboratorRequest.findFirst({ where: { id: requestId, storeId }, select: { organizationId: true } });
    if (!found) return refuse.notFound();
    await lockOrganization(tx, found.organizationId);
    await lockStore(tx, storeId);
    const now = new Date();
    const updated = await tx.collaboratorRequest.updateMany({
      where: { id: requestId, storeId, status: "PENDING" },
      data: { status: outcome, decidedAt: now, decidedById: who.userId, grantedPermissions: granted },
    });
    if (updated.count === 0) return alreadyDecided(tx, requestId);

    const request = await tx.collaboratorRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: {
        permissions: true,
        organization: { select: { id: true, name: true } },
        requestedBy: { select: { email: true, locale: true } },
        store: { select: { name: true, domain: true } },
      },
    });
    const organizationId = request.organization.id;
    const access = rule.grants
      ? { state: rule.to, permissions: granted, grantedAt: now, lastUsedAt: null, inactivityWarnedAt: null, endsAt, endWarnedAt: null, endedReason: null }
      : { state: rule.to, permissions: request.permissions };
    await tx.collaboratorAccess.upsert({
      where: { organizationId_storeId: { organizationId, storeId } },
      create: { organizationId, storeId, requestId, listed: rule.listed, updatedAt: now, ...access },
      update: { requestId, listed: rule.listed, updatedAt: now, ...access },
    });
    // The owner's Home notification for this request is dealt with (and, having decided, seen).
    await tx.notification.updateMany({ where: { storeId, requestId, readAt: null }, data: { readAt: now } });
    await tx.notification.updateMany({ where: { storeId, requestId, resolvedAt: null }, data: { resolvedAt: now } });

    const place = { store: request.store.name, domain: request.store.domain, dashboardPath: dashboardPath(organizationId) };
    const mail: AnyMail = rule.mail.kind === "requestApproved" ? { kind: rule.mail.kind, params: { ...place, permissions: granted, requested: request.permissions, endsAt: endsAt?.toISOString() ?? null } } : { kind: rule.mail.kind, params: place };
    await mailOrganization(tx, organizationId, mail, [request.requestedBy]);
    await logActivity(tx, who.activity, {
      action: rule.log,
      storeId,
      organizationId,
      subject: request.organization.name,
      details: rule.grants ? { requested: request.permissions, granted, ...(endsAt ? { endsAt: endsAt.toISOString() } : {}) } : { requested: request.permissions },
    });
    return ok({ organizationName: request.organization.name });
  });
}

/** Approve, with the permissions the owner settled on (any section but `staff`). */
export function approveRequest(actor: StoreActor, storeId: string, requestId: string, permissions: readonly string[], ip?: string | null, options: { endsOn?: string } = {}) {
  return decide(actor, storeId, requestId, "APPROVED", permissions, ip, options.endsOn);
}

export function declineRequest(actor: StoreActor, storeId: string, requestId: string, ip?: string | null) {
  return decide(actor, storeId, requestId, "DECLINED", [], ip);
}

// ---------------------------------------------------------------------------------------------------
// Managing an access

type AccessRow = {
  id: string;
  state: AccessState;
  listed: boolean;
  permissions: Permission[];
  organizationId: string;
  organization: { name: string };
  store: { name: string; domain: string };
};

/** Finds the access of THIS store and takes the locks in the global order. */
async function lockedAccess(tx: Tx, storeId: string, accessId: string): Promise<AccessRow | null> {
  const found = await tx.collaboratorAccess.findFirst({ where: { id: accessId, storeId }, select: { organizationId: true } });
  if (!found) return null;
  await lockOrganization(tx, found.organizationId);
  await lockStore(tx, storeId);
  await lockAccess(tx, accessId);
  return tx.collaboratorAccess.findUniqueOrThrow({
    where: { id: accessId },
    select: { id: true, state: true, listed: true, permissions: true, organizationId: true, organization: { select: { name: true } }, store: { select: { name: true, domain: true } } },
  });
}

export type AccessResult = Result<{ organizationName: string }>;

/** Takes effect on the collaborator's next request: store-access reads the permissions every time. */
export async function changeCollaboratorPermissions(
  actor: StoreActor,
  storeId: string,
  accessId: string,
  permissions: readonly string[],
  ip?: string | null,
): Promise<AccessResult> {
  if (!isUuid(accessId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const manager = await staffManager(tx, actor, storeId, ip);
    if (!manager.ok) return manager;
    const who = manager.value;
    const access = await lockedAccess(tx, storeId, accessId);
    if (!access || !(COLLABORATOR_STATES as readonly AccessState[]).includes(access.state)) return refuse.notFound();
    const grant = collaboratorGrant(who.permissions, permissions, access.permissions);
    if (!grant.ok) return grant;
    const wanted = grant.value;
    await tx.collaboratorAccess.update({ where: { id: access.id }, data: { permissions: wanted, updatedAt: new Date() } });
    await logActivity(tx, who.activity, {
      action: "collaborator_access.permissions_changed",
      storeId,
      organizationId: access.organizationId,
      subject: access.organization.name,
      details: { from: access.permissions, to: wanted },
    });
    return ok({ organizationName: access.organization.name });
  });
}

/** What the organization's members are told of a change, with what each template needs. */
function changeMail(change: CollaboratorChange, access: AccessRow): AnyMail {
  const place = { store: access.store.name, domain: access.store.domain };
  const { kind } = ACCESS_TRANSITIONS[change].mail;
  return kind === "accessResumed" ? { kind, params: { ...place, dashboardPath: dashboardPath(access.organizationId) } } : { kind, params: place };
}

/**
 * Suspend, resume or remove a collaborator, as the lifecycle table says: from which states, then the
 * state, sessions, permissions, mail and log entry of the change. Suspending keeps the permissions but
 * ends the sessions; resuming gives the kept permissions back, so the person deciding must hold them
 * (nobody grants more than they hold); removing ends the access at once (the partner sees "Access removed").
 */
export async function changeCollaboratorAccess(actor: StoreActor, storeId: string, accessId: string, change: CollaboratorChange, ip?: string | null): Promise<AccessResult> {
  if (!isUuid(accessId)) return refuse.notFound();
  const rule = ACCESS_TRANSITIONS[change];
  return inTransaction(async (tx) => {
    const manager = await staffManager(tx, actor, storeId, ip);
    if (!manager.ok) return manager;
    const who = manager.value;
    const access = await lockedAccess(tx, storeId, accessId);
    if (!access) return refuse.notFound();
    const verdict = judge(change, access);
    if (!verdict.ok) return verdict;
    if (verdict.value === "done") return ok({ organizationName: access.organization.name });
    if (rule.grants && grantsBeyond(who.permissions, access.permissions).length > 0) return refuse.invalid("form", "store.permissions.errors.exceeds");
    await tx.collaboratorAccess.update({
      where: { id: access.id },
      data: {
        state: rule.to,
        listed: rule.listed,
        updatedAt: new Date(),
        ...(rule.clearsPermissions ? { permissions: [] } : {}),
        ...(rule.restartsInactivity ? { inactivityWarnedAt: null } : {}),
      },
    });
    if (rule.endsSessions) await tx.collaboratorSession.deleteMany({ where: { accessId: access.id } });
    await mailOrganization(tx, access.organizationId, changeMail(change, access));
    await logActivity(tx, who.activity, {
      action: rule.log,
      storeId,
      organizationId: access.organizationId,
      subject: access.organization.name,
      // A removal records what it ended.
      ...(rule.clearsPermissions ? { details: { permissions: access.permissions } } : {}),
    });
    return ok({ organizationName: access.organization.name });
  });
}

// The security suites and fixtures call the three changes by name.
export const removeCollaborator = (actor: StoreActor, storeId: string, accessId: string, ip?: string | null) => changeCollaboratorAccess(actor, storeId, accessId, "remove", ip);
export const suspendCollaborator = (actor: StoreActor, storeId: string, accessId: string, ip?: string | null) => changeCollaboratorAccess(actor, storeId, accessId, "suspend", ip);
export const resumeCollaborator = (actor: StoreActor, storeId: string, accessId: string, ip?: string | null) => changeCollaboratorAccess(actor, storeId, accessId, "resume", ip);
