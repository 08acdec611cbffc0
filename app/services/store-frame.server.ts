// What the store admin's frame shows around every page: the navigation badges and the switcher.
import { db } from "~/lib/db.server";
import { can } from "~/domain/permissions";
import type { StoreActor } from "./store-access.server";

export async function pendingRequestBadge(actor: StoreActor): Promise<number> {
  if (actor.kind === "collaborator" || !can(actor.permissions, "staff", "view")) return 0;
  return db().collaboratorRequest.count({ where: { storeId: actor.store.id, status: "PENDING" } });
}

/** Unread Home notifications, for people who see Home. */
export async function unreadNotificationBadge(actor: StoreActor): Promise<number> {
  if (!can(actor.permissions, "home", "view")) return 0;
  return unreadNotificationCount(actor.store.id);
}

export async function unreadNotificationCount(storeId: string): Promise<number> {
  return db().notification.count({ where: { storeId, readAt: null } });
}

