// "Request access to store" and "Cancel request": the partner's side of SPEC.md rules 1-8.
// The whole story of each use case is in its one transaction below.
import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/lib/db.server";
import { inTransaction, violates } from "~/lib/transaction.server";
import { CODE_ATTEMPT_LIMIT, CODE_LOCKOUT_MINUTES, codesMatch } from "~/domain/collaborator-code";
import { PENDING_REQUEST_CAP } from "~/domain/request-lifecycle";
import type { Permission } from "~/domain/permissions";
import type { AccessRequestInput } from "~/domain/access-request";
import { ok, refuse, type Refusal, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import { enqueueMail } from "./outbox.server";
import { isMember, partnerActor, type PartnerUser } from "./partner-common.server";
import { lockOrganization, lockStore } from "./locks.server";
import { isUuid } from "~/domain/ids";

/** Wrong codes from one address for one store, across organizations, before that address is refused too. */
export const CODE_ATTEMPT_LIMIT_PER_ADDRESS = 20;

export type RequestAccessResult = Result<{ requestId: string; accessId: string; storeId: string }>;

const capReached = () => refuse.conflict("form", "partner.request.errors.cap", { limit: PENDING_REQUEST_CAP, count: PENDING_REQUEST_CAP });

/**
 * One transaction: lock the organization (every request of an organization queues here, so the cap
 * and "one pending request per store" hold under any concurrency), check the store, the code and its
 * throttle, lock the store (staff invitations lock it too, so staff-vs-collaborator checks serialize),
 * then write the request, the access row, the owner's notification, the emails and the log entry.
 *
 * A wrong code is answered from inside the transaction, not thrown, so that the failed attempt and its
 * log entry are committed while nothing else is created or sent.
 */
export async function requestAccess(user: PartnerUser, organizationId: string, input: AccessRequestInput, ip?: string | null): Promise<RequestAccessResult> {
  if (!isUuid(organizationId)) return refuse.notFound();
  try {
    return await inTransaction((tx) => requestAccessInTx(tx, user, organizationId, input, ip ?? null));
  } catch (error) {
    // Backstops in the database: the cap CHECK (the counter is kept by a trigger) and the partial
    // unique index on pending requests. The checks above make these unreachable; if a path ever
    // skips them, the partner still gets the right message, never a server error.
    if (violates(error, "PartnerOrganization_pending_cap")) return capReached();
    if (violates(error, "CollaboratorRequest_one_pending_per_store")) return refuse.conflict("storeUrl", "partner.request.errors.alreadyPending");
    throw error;
  }
}

async function requestAccessInTx(tx: Tx, user: PartnerUser, organizationId: string, input: AccessRequestInput, ip: string | null): Promise<RequestAccessResult> {
  const organization = await lockOrganization(tx, organizationId);
  if (!organization || !(await isMember(tx, user.id, organizationId))) return refuse.notFound();

  const store = await tx.store.findUnique({
    where: { domain: input.storeDomain },
    select: { id: true, name: true, domain: true, contactEmail: true, collaboratorCode: true, collaboratorCodeRequired: true },
  });
  if (!store) return refuse.invalid("storeUrl", "partner.request.errors.unknownStore");
  // Locked before the code checks so that the per-address throttle, which spans organizations, is exact too.
  await lockStore(tx, store.id);

  const actor = partnerActor(user, ip);
  if (store.collaboratorCodeRequired) {
    const retryAt = await codeLockedUntil(tx, organizationId, store.id, ip);
    if (retryAt) return refuse.throttled("code", "partner.request.errors.throttled", (retryAt.getTime() - Date.now()) / 1000);
    if (!input.code || !codesMatch(input.code, store.collaboratorCode)) {
      // An empty field is not a guess: it is refused the same way but not counted against the partner.
      if (input.code) {
        await tx.codeAttempt.create({ data: { organizationId, storeId: store.id, userId: user.id, ip } });
        await logActivity(tx, actor, {
          action: "collaborator_code.failed_attempt",
          storeId: store.id,
          organizationId,
          subject: organization.name,
          details: { organizationName: organization.name, storeName: store.name, storeDomain: store.domain },
        });
      }
      return refuse.invalid("code", "partner.request.errors.code");
    }
  }

  const existing = await tx.collaboratorAccess.findUnique({
    where: { organizationId_storeId: { organizationId, storeId: store.id } },
    select: { id: true, state: true },
  });
  if (existing?.state === "PENDING") return refuse.conflict("storeUrl", "partner.request.errors.alreadyPending");
  if (existing?.state === "MANAGED") return refuse.conflict("storeUrl", "partner.request.errors.alreadyManaged");
  if (existing?.state === "SUSPENDED") return refuse.conflict("storeUrl", "partner.request.errors.alreadySuspended");

  const staffConflict = await staffConflictFor(tx, user, organizationId, store.id);
  if (staffConflict) return staffConflict;

  if (organization.pendingRequestCount >= PENDING_REQUEST_CAP) return capReached();

  const request = await tx.collaboratorRequest.create({
    data: { organizationId, storeId: store.id, requestedById: user.id, permissions: input.permissions, message: input.message },
    select: { id: true },
  });
  const now = new Date();
  const access = await tx.collaboratorAccess.upsert({
    where: { organizationId_storeId: { organizationId, storeId: store.id } },
    create: { organizationId, storeId: store.id, state: "PENDING", listed: true, permissions: input.permissions, requestId: request.id, updatedAt: now },
    update: { state: "PENDING", listed: true, permissions: input.permissions, requestId: request.id, updatedAt: now, grantedAt: null, inactivityWarnedAt: null },
    select: { id: true },
  });

  const requesterName = `${user.firstName} ${user.lastName}`;
  await tx.notification.create({
    data: {
      storeId: store.id,
      kind: "collaborator_request.created",
      requestId: request.id,
      params: {
        organizationId,
        organizationName: organization.name,
        requesterName,
        requesterEmail: user.email,
        permissions: input.permissions,
        message: input.message,
      } satisfies Prisma.InputJsonObject,
    },
  });

  await mailOwner(tx, store, { organizationName: organization.name, requesterName, requesterEmail: user.email, permissions: input.permissions, message: input.message });

  await logActivity(tx, actor, {
    action: "collaborator_request.created",
    storeId: store.id,
    organizationId,
    subject: organization.name,
    details: { requestId: request.id, organizationName: organization.name, storeName: store.name, storeDomain: store.domain, permissions: input.permissions },
  });
  return ok({ requestId: request.id, accessId: access.id, storeId: store.id });
}

/**
 * When further code attempts are refused: CODE_ATTEMPT_LIMIT wrong codes from this organization for this
 * store within CODE_LOCKOUT_MINUTES, or CODE_ATTEMPT_LIMIT_PER_ADDRESS from this address (many
 * organizations, one guesser). Null when attempts are allowed.
 */
async function codeLockedUntil(tx: Tx, organizationId: string, storeId: string, ip: string | null): Promise<Date | null> {
  const windowMs = CODE_LOCKOUT_MINUTES * 60_000;
  const since = new Date(Date.now() - windowMs);
  const unlockAt = (attempts: { createdAt: Date }[], limit: number) =>
    attempts.length >= limit ? new Date(attempts[limit - 1].createdAt.getTime() + windowMs) : null;

  const byOrganization = await tx.codeAttempt.findMany({
    where: { organizationId, storeId, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: CODE_ATTEMPT_LIMIT,
    select: { createdAt: true },
  });
  const organizationLock = unlockAt(byOrganization, CODE_ATTEMPT_LIMIT);
  if (organizationLock) return organizationLock;
  if (!ip || ip === "unknown") return null;
  const byAddress = await tx.codeAttempt.findMany({
    where: { storeId, ip, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: CODE_ATTEMPT_LIMIT_PER_ADDRESS,
    select: { createdAt: true },
  });
  return unlockAt(byAddress, CODE_ATTEMPT_LIMIT_PER_ADDRESS);
}

/** SPEC.md rule 5: a person is staff or collaborator on a store, never both. */
async function staffConflictFor(tx: Tx, user: PartnerUser, organizationId: string, storeId: string): Promise<Refusal | null> {
  const members = await tx.membership.findMany({
    where: { organizationId },
    select: { user: { select: { id: true, email: true, firstName: true, lastName: true } } },
  });
  const emails = members.map((m) => m.user.email);
  if (!emails.includes(user.email)) emails.push(user.email);
  const staff = await tx.staffAccount.findMany({
    where: { storeId, OR: [{ email: { in: emails } }, { userId: { in: members.map((m) => m.user.id) } }] },
    select: { email: true, userId: true, firstName: true, lastName: true, isOwner: true },
  });
  if (staff.length === 0) return null;
  const own = staff.find((s) => s.email === user.email || s.userId === user.id);
  if (own) return refuse.conflict("form", own.isOwner ? "partner.request.errors.ownStore" : "partner.request.errors.staffSelf");
  const other = staff[0];
  const member = members.find((m) => m.user.email === other.email || m.user.id === other.userId)?.user;
  return refuse.conflict("form", other.isOwner ? "partner.request.errors.ownerMember" : "partner.request.errors.staffMember", {
    name: member ? `${member.firstName} ${member.lastName}` : `${other.firstName} ${other.lastName}`,
    email: member?.email ?? other.email,
  });
}

/** The owner's mail about a new request: to the store's contact address and the owner's login, in the owner's language. */
async function mailOwner(
  tx: Tx,
  store: { id: string; name: string; domain: string; contactEmail: string },
  request: { organizationName: string; requesterName: string; requesterEmail: string; permissions: Permission[]; message: string | null },
) {
  const owner = await tx.staffAccount.findFirst({
    where: { storeId: store.id, isOwner: true },
    select: { email: true, user: { select: { locale: true } } },
  });
  const mail = {
    kind: "requestCreated",
    params: {
      organization: request.organizationName,
      requester: request.requesterName,
      requesterEmail: request.requesterEmail,
      store: store.name,
      permissions: request.permissions,
      message: request.message,
      reviewPath: `/store/${store.id}/users`,
    },
  } as const;
  const recipients = [...new Set([store.contactEmail, owner?.email].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))];
  for (const to of recipients) await enqueueMail(tx, { to, locale: owner?.user?.locale, mail });
}

/** Done; not found; or someone decided a moment earlier (a conflict saying what happened). */
export type CancelRequestResult = Result;

/** "Cancel request" then "Cancel access request" (SPEC.md rule 8): frees a slot at once. */
export async function cancelRequest(user: PartnerUser, organizationId: string, requestId: string, ip?: string | null): Promise<CancelRequestResult> {
  if (!isUuid(organizationId) || !isUuid(requestId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    if (!organization || !(await isMember(tx, user.id, organizationId))) return refuse.notFound();
    const request = await tx.collaboratorRequest.findFirst({
      where: { id: requestId, organizationId },
      select: { id: true, storeId: true, status: true, store: { select: { name: true, domain: true } } },
    });
    if (!request) return refuse.notFound();
    await lockStore(tx, request.storeId);

    const now = new Date();
    const { count } = await tx.collaboratorRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: "CANCELLED", cancelledAt: now, cancelledById: user.id },
    });
    if (count === 0) {
      const current = await tx.collaboratorRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } });
      return refuse.conflict("form", `partner.stores.outcome.${current.status as "APPROVED" | "DECLINED" | "CANCELLED"}`);
    }

    await tx.collaboratorAccess.updateMany({
      where: { organizationId, storeId: request.storeId, requestId: request.id, state: "PENDING" },
      data: { state: "CANCELLED", listed: false, permissions: [], updatedAt: now },
    });
    await tx.notification.updateMany({
      where: { storeId: request.storeId, requestId: request.id, kind: "collaborator_request.created", resolvedAt: null },
      data: { resolvedAt: now },
    });
    await tx.notification.create({
      data: {
        storeId: request.storeId,
        kind: "collaborator_request.cancelled",
        requestId: request.id,
        params: { organizationId, organizationName: organization.name, requesterName: `${user.firstName} ${user.lastName}`, requesterEmail: user.email },
      },
    });
    await logActivity(tx, partnerActor(user, ip), {
      action: "collaborator_request.cancelled",
      storeId: request.storeId,
      organizationId,
      subject: organization.name,
      details: { requestId: request.id, organizationName: organization.name, storeName: request.store.name, storeDomain: request.store.domain },
    });
    return ok();
  });
}
