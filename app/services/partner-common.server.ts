// Small pieces the partner-side use cases share: who is acting, and the row locks in their global order.
import type { Tx } from "~/lib/db.server";
import { actorLabel, type Actor } from "./activity.server";
import type { SessionUser } from "./sessions.server";

export type PartnerUser = SessionUser["user"];

export function partnerActor(user: PartnerUser, ip?: string | null): Actor {
  return { userId: user.id, label: actorLabel(user), kind: "partner", ip: ip ?? null };
}

/**
 * Lock order everywhere: organization row, then store row, then request/access rows. Locking the
 * organization serialises every access change of that organization (the pending cap, one request per
 * store); locking the store serialises the staff-vs-collaborator check with staff invitations.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<{ id: string; name: string; pendingRequestCount: number } | null> {
  const rows = await tx.$queryRaw<{ id: string; name: string; pendingRequestCount: number }[]>`
    SELECT "id"::text AS "id", "name", "pendingRequestCount" FROM "PartnerOrganization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
  return rows[0] ? { ...rows[0], pendingRequestCount: Number(rows[0].pendingRequestCount) } : null;
}

export async function lockStore(tx: Tx, storeId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Store" WHERE "id" = ${storeId}::uuid FOR UPDATE`;
}

/** Services re-check membership themselves: a route guard is not the only line of defence. */
export async function isMember(tx: Tx, userId: string, organizationId: string): Promise<boolean> {
  const membership = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { id: true } });
  return Boolean(membership);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
