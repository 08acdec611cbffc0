// Shared by the store admin's use cases (Users and permissions, Settings, Home): who is deciding, read
// again inside the transaction.
import type { Tx } from "~/lib/db.server";
import { can, type Permission } from "~/domain/permissions";
import { ok, refuse, type Result } from "~/domain/result";
import { actorLabel, type Actor } from "./activity.server";
import type { StoreActor } from "./store-access.server";

/** The owner or a staff member acting in the store admin, read again inside the transaction. */
export interface Decider {
  userId: string;
  staffAccountId: string;
  isOwner: boolean;
  permissions: Permission[];
  user: { id: string; email: string; firstName: string; lastName: string; locale: "en" | "fr" | null };
  activity: Actor;
}

/**
 * Collaborators never decide anything here. The account is re-read so that a lock or a permission change
 * committed a moment ago counts: the check and the change happen in the same transaction.
 */
export async function loadDecider(tx: Tx, actor: StoreActor, storeId: string, ip?: string | null): Promise<Decider | null> {
  if (actor.kind === "collaborator" || actor.store.id !== storeId) return null;
  const account = await tx.staffAccount.findFirst({
    where: { id: actor.staffAccountId, storeId, userId: actor.userId, status: "ACTIVE" },
    select: { id: true, isOwner: true, permissions: true, user: { select: { id: true, email: true, firstName: true, lastName: true, locale: true } } },
  });
  if (!account?.user) return null;
  if (!account.isOwner && account.permissions.length === 0) return null;
  return {
    userId: account.user.id,
    staffAccountId: account.id,
    isOwner: account.isOwner,
    permissions: account.permissions,
    user: account.user,
    activity: { userId: account.user.id, label: actorLabel(account.user), kind: account.isOwner ? "owner" : "staff", ip: ip ?? null },
  };
}

/** Who decides on collaborator requests and manages staff and collaborators: the owner, and staff with `staff:manage`. */
export async function staffManager(tx: Tx, actor: StoreActor, storeId: string, ip?: string | null): Promise<Result<Decider>> {
  const found = await loadDecider(tx, actor, storeId, ip);
  if (!found || !can(found.permissions, "staff", "manage")) return refuse.forbidden();
  return ok(found);
}
