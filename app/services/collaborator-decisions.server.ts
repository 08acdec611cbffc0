// The owner's side of collaborator access (SPEC.md rules 7 and 12, and "beyond": suspend/resume):
// deciding requests, then editing, suspending, resuming or removing the access that approval created.
import { db, type Tx } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import type { AnyMail } from "~/mail/render";
import { can, COLLABORATOR_SECTIONS, hasStaffSection, normalize, type Permission } from "~/domain/permissions";
import { grantsBeyond } from "~/domain/staff";
import { logActivity } from "./activity.server";
import { enqueueMail } from "./outbox.server";
import type { StoreActor } from "./store-access.server";
import { lockAccess, lockOrganization, lockStore } from "./locks.server";
import { loadDecider, type Decider } from "./store-admin.server";
import { isUuid } from "~/domain/ids";
import { isRefusal, ok, refuse, type Refusal, type Result } from "~/domain/result";

/** Who may decide on requests and manage collaborators: the owner, and staff with `staff:manage`. */
async function decider(tx: Tx, actor: StoreActor, storeId: string, ip?: string | null): Promise<Decider | Refusal> {
  const found = await loadDecider(tx, actor, storeId, ip);
  if (!found || !can(found.permissions, "staff", "manage")) return refuse.forbidden();
  return found;
}

const refused = (value: Decider | Refusal): value is Refusal => "ok" in value && isRefusal(value);

/** Collaborator permissions: never the staff section, at least one, and nothing the decider does not hold. */
function checkGrant(granter: Decider, wanted: Permission[], current: readonly string[] = []): Refusal | null {
  if (hasStaffSection(wanted) || wanted.some((p) => !(COLLABORATOR_SECTIONS as readonly string[]).includes(p.split("_")[0]))) {
    return refuse.invalid("permissions", "store.permissions.errors.staffSection");
  }
  if (wanted.length === 0) return refuse.invalid("permissions", "errors.permissions.empty");
  if (grantsBeyond(granter.permissions, wanted, current).length > 0) return refuse.invalid("permissions", "store.permissions.errors.exceeds");
  return null;
}

/** One mail per member of the organization (and `alsoTo`), each in their own language. */
async function mailOrganization(tx: Tx, organizationId: string, mail: AnyMail, alsoTo: { email: string; locale: "en" | "fr" | null }[] = []): Promise<void> {
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
    where: { storeId, state: { in: ["MANAGED", "SUSPENDED"] } },
    orderBy: [{ organization: { name: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      state: true,
      permissions: true,
      grantedAt: true,
      lastUsedAt: true,
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
): Promise<DecisionResult> {
  if (!isUuid(requestId)) return refuse.notFound();
  const granted = normalize(permissions);
  return inTransaction(async (tx) => {
    const who = await decider(tx, actor, storeId, ip);
    if (refused(who)) return who;
    if (outcome === "APPROVED") {
      const problem = checkGrant(who, granted);
      if (problem) return problem;
    }
    // The request must belong to THIS store: an id from elsewhere is simply not found.
    const found = await tx.collaboratorRequest.findFirst({ where: { id: requestId, storeId }, select: { organizationId: true } });
    if (!found) return refuse.notFound();
    await lockOrganization(tx, found.organizationId);
    await lockStore(tx, storeId);
    const now = new Date();
    const updated = await tx.collaboratorRequest.updateMany({
      where: { id: requestId, storeId, status: "PENDING" },
      data: { status: outcome, decidedAt: now, decidedById: who.userId, grantedPermissions: outcome === "APPROVED" ? granted : [] },
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
    const access =
      outcome === "APPROVED"
        ? { state: "MANAGED" as const, permissions: granted, grantedAt: now, lastUsedAt: null, inactivityWarnedAt: null }
        : { state: "DECLINED" as const, permissions: request.permissions };
    await tx.collaboratorAccess.upsert({
      where: { organizationId_storeId: { organizationId, storeId } },
      create: { organizationId, storeId, requestId, listed: true, updatedAt: now, ...access },
      update: { requestId, listed: true, updatedAt: now, ...access },
    });
    // The owner's Home notification for this request is dealt with (and, having decided, seen).
    await tx.notification.updateMany({ where: { storeId, requestId, readAt: null }, data: { readAt: now } });
    await tx.notification.updateMany({ where: { storeId, requestId, resolvedAt: null }, data: { resolvedAt: now } });

    const dashboardPath = `/partners/${organizationId}/stores`;
    const place = { store: request.store.name, domain: request.store.domain };
    await mailOrganization(
      tx,
      organizationId,
      outcome === "APPROVED" ? { kind: "requestApproved", params: { ...place, permissions: granted, dashboardPath } } : { kind: "requestDeclined", params: { ...place, dashboardPath } },
      [request.requestedBy],
    );
    await logActivity(tx, who.activity, {
      action: outcome === "APPROVED" ? "collaborator_request.approved" : "collaborator_request.declined",
      storeId,
      organizationId,
      subject: request.organization.name,
      details: outcome === "APPROVED" ? { requested: request.permissions, granted } : { requested: request.permissions },
    });
    return ok({ organizationName: request.organization.name });
  });
}

/** Approve, with the permissions the owner settled on (any section but `staff`). */
export function approveRequest(actor: StoreActor, storeId: string, requestId: string, permissions: readonly string[], ip?: string | null) {
  return decide(actor, storeId, requestId, "APPROVED", permissions, ip);
}

export function declineRequest(actor: StoreActor, storeId: string, requestId: string, ip?: string | null) {
  return decide(actor, storeId, requestId, "DECLINED", [], ip);
}

// ---------------------------------------------------------------------------------------------------
// Managing an access

type AccessRow = { id: string; state: string; permissions: Permission[]; organizationId: string; organization: { name: string }; store: { name: string; domain: string } };

/** Finds the access of THIS store and takes the locks in the global order. */
async function lockedAccess(tx: Tx, storeId: string, accessId: string): Promise<AccessRow | null> {
  const found = await tx.collaboratorAccess.findFirst({ where: { id: accessId, storeId }, select: { organizationId: true } });
  if (!found) return null;
  await lockOrganization(tx, found.organizationId);
  await lockStore(tx, storeId);
  await lockAccess(tx, accessId);
  return tx.collaboratorAccess.findUniqueOrThrow({
    where: { id: accessId },
    select: { id: true, state: true, permissions: true, organizationId: true, organization: { select: { name: true } }, store: { select: { name: true, domain: true } } },
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
  const wanted = normalize(permissions);
  return inTransaction(async (tx) => {
    const who = await decider(tx, actor, storeId, ip);
    if (refused(who)) return who;
    const access = await lockedAccess(tx, storeId, accessId);
    if (!access || (access.state !== "MANAGED" && access.state !== "SUSPENDED")) return refuse.notFound();
    const problem = checkGrant(who, wanted, access.permissions);
    if (problem) return problem;
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

/** Ends the access at once: no permission left, no open collaborator session, the partner sees "Access removed". */
export async function removeCollaborator(actor: StoreActor, storeId: string, accessId: string, ip?: string | null): Promise<AccessResult> {
  if (!isUuid(accessId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const who = await decider(tx, actor, storeId, ip);
    if (refused(who)) return who;
    const access = await lockedAccess(tx, storeId, accessId);
    if (!access || (access.state !== "MANAGED" && access.state !== "SUSPENDED")) return refuse.notFound();
    await tx.collaboratorAccess.update({ where: { id: access.id }, data: { state: "REMOVED", permissions: [], listed: true, updatedAt: new Date() } });
    await tx.collaboratorSession.deleteMany({ where: { accessId: access.id } });
    await mailOrganization(tx, access.organizationId, { kind: "accessRemoved", params: { store: access.store.name, domain: access.store.domain } });
    await logActivity(tx, who.activity, {
      action: "collaborator_access.removed",
      storeId,
      organizationId: access.organizationId,
      subject: access.organization.name,
      details: { permissions: access.permissions },
    });
    return ok({ organizationName: access.organization.name });
  });
}

/** A suspended access keeps its permissions but cannot be used: its open sessions end now. */
export async function suspendCollaborator(actor: StoreActor, storeId: string, accessId: string, ip?: string | null): Promise<AccessResult> {
  if (!isUuid(accessId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const who = await decider(tx, actor, storeId, ip);
    if (refused(who)) return who;
    const access = await lockedAccess(tx, storeId, accessId);
    if (!access || (access.state !== "MANAGED" && access.state !== "SUSPENDED")) return refuse.notFound();
    if (access.state === "SUSPENDED") return refuse.conflict("form", "store.collaborators.errors.alreadySuspended");
    await tx.collaboratorAccess.update({ where: { id: access.id }, data: { state: "SUSPENDED", updatedAt: new Date() } });
    await tx.collaboratorSession.deleteMany({ where: { accessId: access.id } });
    await mailOrganization(tx, access.organizationId, { kind: "accessSuspended", params: { store: access.store.name, domain: access.store.domain } });
    await logActivity(tx, who.activity, { action: "collaborator_access.suspended", storeId, organizationId: access.organizationId, subject: access.organization.name });
    return ok({ organizationName: access.organization.name });
  });
}

/** Resuming gives the kept permissions back, so the decider must hold them (nobody grants more than they hold). */
export async function resumeCollaborator(actor: StoreActor, storeId: string, accessId: string, ip?: string | null): Promise<AccessResult> {
  if (!isUuid(accessId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const who = await decider(tx, actor, storeId, ip);
    if (refused(who)) return who;
    const access = await lockedAccess(tx, storeId, accessId);
    if (!access || (access.state !== "MANAGED" && access.state !== "SUSPENDED")) return refuse.notFound();
    if (access.state === "MANAGED") return refuse.conflict("form", "store.collaborators.errors.notSuspended");
    if (grantsBeyond(who.permissions, access.permissions).length > 0) return refuse.invalid("form", "store.permissions.errors.exceeds");
    await tx.collaboratorAccess.update({ where: { id: access.id }, data: { state: "MANAGED", updatedAt: new Date(), inactivityWarnedAt: null } });
    await mailOrganization(tx, access.organizationId, {
      kind: "accessResumed",
      params: { store: access.store.name, domain: access.store.domain, dashboardPath: `/partners/${access.organizationId}/stores` },
    });
    await logActivity(tx, who.activity, { action: "collaborator_access.resumed", storeId, organizationId: access.organizationId, subject: access.organization.name });
    return ok({ organizationName: access.organization.name });
  });
}
