// Giving access back from the partner dashboard (SPEC.md rule 10), and tidying the Stores list, as the
// lifecycle table (~/domain/collaborator-access) says.
import type { Tx } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { ACCESS_TRANSITIONS, judge, type AccessState, type AccessTransitionRule } from "~/domain/collaborator-access";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import { isMember, partnerActor, type PartnerUser } from "./partner-common.server";
import { lockOrganization, lockStore, type LockedOrganization } from "./locks.server";
import { isUuid } from "~/domain/ids";
import { BULK_REMOVAL_MAX } from "~/domain/access-request";

/** Done, not found, or a conflict when the access is no longer in a state where this applies. */
export type PartnerAccessResult = Result;

type PartnerChange = "removeAccess" | "removeFromList" | "dismiss";

/**
 * "Remove access" → "Remove store": the organization's collaborator access ends at once. The row stays
 * in the list as "Access removed" (until "Remove from list"); open collaborator sessions are deleted, so
 * the next click in the store admin is refused; the owner is told on Home; a new request is allowed.
 * Removed a moment ago (by the owner, or another member): the wish is fulfilled.
 */
export async function removeAccess(user: PartnerUser, organizationId: string, accessId: string, ip?: string | null): Promise<PartnerAccessResult> {
  return done(await change(user, organizationId, accessId, "removeAccess", ip));
}

/** What a bulk removal did: removed now, and the rest (removed already, left the list, or not removable). */
export interface BulkRemoval {
  removed: number;
  alreadyGone: number;
}


/**
 * "Remove access" on several selected stores, after one confirmation: each removal is its own
 * transaction with its own log entry, exactly as one "Remove access" (a failure or a race on one store
 * never undoes or blocks another). A store whose access is already removed, hidden or no longer there
 * counts as already gone, as does one no longer in a state that can be removed.
 */
export async function removeAccesses(user: PartnerUser, organizationId: string, accessIds: readonly string[], ip?: string | null): Promise<Result<BulkRemoval>> {
  const ids = [...new Set(accessIds)];
  if (!isUuid(organizationId) || ids.length === 0 || ids.length > BULK_REMOVAL_MAX) return refuse.invalid("ids", "logs.bulk.errors.selection");
  const outcome: BulkRemoval = { removed: 0, alreadyGone: 0 };
  for (const id of ids) {
    const result = await change(user, organizationId, id, "removeAccess", ip);
    // Not a member (any more): nothing more is done, and nothing is said about the stores.
    if (!result.ok && result.kind === "notFound" && !(await stillMember(user.id, organizationId))) return refuse.notFound();
    if (result.ok && result.value === "applied") outcome.removed++;
    else outcome.alreadyGone++;
  }
  return ok(outcome);
}

async function stillMember(userId: string, organizationId: string): Promise<boolean> {
  return inTransaction((tx) => isMember(tx, userId, organizationId));
}

/** "Remove from list" on an "Access removed" row: it leaves the Stores page. */
export async function removeFromList(user: PartnerUser, organizationId: string, accessId: string, ip?: string | null): Promise<PartnerAccessResult> {
  return done(await change(user, organizationId, accessId, "removeFromList", ip));
}

/** A declined request stays visible as declined until the partner dismisses it. */
export async function dismissDeclined(user: PartnerUser, organizationId: string, accessId: string, ip?: string | null): Promise<PartnerAccessResult> {
  return done(await change(user, organizationId, accessId, "dismiss", ip));
}

type AccessRow = { id: string; storeId: string; state: AccessState; listed: boolean; permissions: string[]; store: { name: string; domain: string } };

/** The one-store answer: done either way. */
const done = (result: Result<"applied" | "done">): PartnerAccessResult => (result.ok ? ok() : result);

/** "applied" when this call made the change, "done" when it had been made already. */
async function change(user: PartnerUser, organizationId: string, accessId: string, transition: PartnerChange, ip?: string | null): Promise<Result<"applied" | "done">> {
  if (!isUuid(organizationId) || !isUuid(accessId)) return refuse.notFound();
  const rule = ACCESS_TRANSITIONS[transition];
  return inTransaction(async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    if (!organization || !(await isMember(tx, user.id, organizationId))) return refuse.notFound();
    const access = await tx.collaboratorAccess.findFirst({
      where: { id: accessId, organizationId },
      select: { id: true, storeId: true, state: true, listed: true, permissions: true, store: { select: { name: true, domain: true } } },
    });
    if (!access) return refuse.notFound();
    const verdict = judge(transition, access);
    if (!verdict.ok) return verdict;
    if (verdict.value === "done") return ok("done" as const);

    // A change of state moves the row up the partner's history and frees (or takes) the store for its
    // members, so it serialises with staff invitations; hiding a row does neither.
    const moves = rule.to !== access.state;
    if (moves) await lockStore(tx, access.storeId);
    const { count } = await tx.collaboratorAccess.updateMany({
      where: { id: access.id, state: access.state, listed: access.listed },
      data: { ...(moves ? { state: rule.to, updatedAt: new Date() } : {}), ...(rule.clearsPermissions ? { permissions: [] } : {}), listed: rule.listed },
    });
    if (count === 0) return refuse.conflict("form", rule.conflict);

    if (rule.endsSessions) await tx.collaboratorSession.deleteMany({ where: { accessId: access.id } });
    if (rule.notification) await notifyOwner(tx, rule.notification, access, organization, user);
    await logActivity(tx, partnerActor(user, ip), {
      action: rule.log,
      storeId: access.storeId,
      organizationId,
      subject: organization.name,
      // Ending the access records the permissions it ended; hiding a row, which row it was.
      details: moves
        ? { by: "partner", organizationName: organization.name, storeName: access.store.name, storeDomain: access.store.domain, previousPermissions: access.permissions }
        : { state: access.state, organizationName: organization.name, storeName: access.store.name, storeDomain: access.store.domain },
    });
    return ok("applied" as const);
  });
}

/** The owner's Home notification that the partner gave the access back. */
async function notifyOwner(tx: Tx, kind: NonNullable<AccessTransitionRule["notification"]>, access: AccessRow, organization: LockedOrganization, user: PartnerUser): Promise<void> {
  const partnerName = `${user.firstName} ${user.lastName}`;
  await tx.notification.create({
    data: { storeId: access.storeId, kind, params: { organizationId: organization.id, organizationName: organization.name, partnerName, partnerEmail: user.email } },
  });
}
