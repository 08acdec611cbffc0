// Giving access back from the partner dashboard (SPEC.md rule 10), and tidying the Stores list.
import { inTransaction } from "~/lib/transaction.server";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import { isMember, partnerActor, type PartnerUser } from "./partner-common.server";
import { lockOrganization, lockStore } from "./locks.server";
import { isUuid } from "~/domain/ids";

/** Done, not found, or a conflict when the access is no longer in a state where this applies. */
export type PartnerAccessResult = Result;

const wrongState = () => refuse.conflict("form", "partner.stores.errors.wrongState");

/**
 * "Remove access" → "Remove store": the organization's collaborator access ends at once. The row stays
 * in the list as "Access removed" (until "Remove from list"); open collaborator sessions are deleted, so
 * the next click in the store admin is refused; the owner is told on Home; a new request is allowed.
 */
export async function removeAccess(user: PartnerUser, organizationId: string, accessId: string, ip?: string | null): Promise<PartnerAccessResult> {
  if (!isUuid(organizationId) || !isUuid(accessId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    if (!organization || !(await isMember(tx, user.id, organizationId))) return refuse.notFound();
    const access = await tx.collaboratorAccess.findFirst({
      where: { id: accessId, organizationId },
      select: { id: true, storeId: true, state: true, permissions: true, store: { select: { name: true, domain: true } } },
    });
    if (!access) return refuse.notFound();
    await lockStore(tx, access.storeId);
    const now = new Date();
    const { count } = await tx.collaboratorAccess.updateMany({
      where: { id: access.id, state: { in: ["MANAGED", "SUSPENDED"] } },
      data: { state: "REMOVED", permissions: [], listed: true, updatedAt: now },
    });
    // Removed a moment ago (by the owner, or another member): the wish is fulfilled.
    if (count === 0) return access.state === "REMOVED" ? ok() : wrongState();

    await tx.collaboratorSession.deleteMany({ where: { accessId: access.id } });
    const partnerName = `${user.firstName} ${user.lastName}`;
    await tx.notification.create({
      data: {
        storeId: access.storeId,
        kind: "collaborator_access.removed_by_partner",
        params: { organizationId, organizationName: organization.name, partnerName, partnerEmail: user.email },
      },
    });
    await logActivity(tx, partnerActor(user, ip), {
      action: "collaborator_access.removed",
      storeId: access.storeId,
      organizationId,
      subject: organization.name,
      details: {
        by: "partner",
        organizationName: organization.name,
        storeName: access.store.name,
        storeDomain: access.store.domain,
        previousPermissions: access.permissions,
      },
    });
    return ok();
  });
}

/** "Remove from list" on an "Access removed" row: it leaves the Stores page. */
export async function removeFromList(user: PartnerUser, organizationId: string, accessId: string, ip?: string | null): Promise<PartnerAccessResult> {
  return hide(user, organizationId, accessId, "REMOVED", ip);
}

/** A declined request stays visible as declined until the partner dismisses it. */
export async function dismissDeclined(user: PartnerUser, organizationId: string, accessId: string, ip?: string | null): Promise<PartnerAccessResult> {
  return hide(user, organizationId, accessId, "DECLINED", ip);
}

async function hide(user: PartnerUser, organizationId: string, accessId: string, state: "REMOVED" | "DECLINED", ip?: string | null): Promise<PartnerAccessResult> {
  if (!isUuid(organizationId) || !isUuid(accessId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    if (!organization || !(await isMember(tx, user.id, organizationId))) return refuse.notFound();
    const access = await tx.collaboratorAccess.findFirst({
      where: { id: accessId, organizationId },
      select: { id: true, storeId: true, state: true, listed: true, store: { select: { name: true, domain: true } } },
    });
    if (!access) return refuse.notFound();
    if (access.state === state && !access.listed) return ok();
    // No updatedAt change: the row's place in the history stays where it was.
    const { count } = await tx.collaboratorAccess.updateMany({ where: { id: access.id, state, listed: true }, data: { listed: false } });
    if (count === 0) return wrongState();
    await logActivity(tx, partnerActor(user, ip), {
      action: "collaborator_access.removed_from_list",
      storeId: access.storeId,
      organizationId,
      subject: organization.name,
      details: { state, organizationName: organization.name, storeName: access.store.name, storeDomain: access.store.domain },
    });
    return ok();
  });
}
