// Small pieces the partner-side use cases share: who is acting, and whether they belong to the organization.
import type { Tx } from "~/lib/db.server";
import { actorLabel, type Actor } from "./activity.server";
import type { SessionUser } from "./sessions.server";

export type PartnerUser = SessionUser["user"];

export function partnerActor(user: PartnerUser, ip?: string | null): Actor {
  return { userId: user.id, label: actorLabel(user), kind: "partner", ip: ip ?? null };
}

/** Services re-check membership themselves: a route guard is not the only line of defence. */
export async function isMember(tx: Tx, userId: string, organizationId: string): Promise<boolean> {
  const membership = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { id: true } });
  return Boolean(membership);
}
