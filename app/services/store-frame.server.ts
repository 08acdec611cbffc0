// What the store admin's frame shows around every page: the navigation badges and the switcher.
import { db } from "~/lib/db.server";
import { can } from "~/domain/permissions";
import type { StoreActor } from "./store-access.server";

export interface FrameBadges {
  pendingRequests: number;
  unreadNotifications: number;
}

/**
 * Both navigation badges in one statement (the frame asks on every page): pending collaborator requests
 * for the owner and staff with `staff` access, unread notifications for people with `home`.
 */
export async function frameBadges(actor: StoreActor): Promise<FrameBadges> {
  const wantsPending = reviewsRequests(actor);
  const wantsUnread = can(actor.permissions, "home", "view");
  if (!wantsPending && !wantsUnread) return { pendingRequests: 0, unreadNotifications: 0 };
  const storeId = actor.store.id;
  const [row] = await db().$queryRaw<FrameBadges[]>`
    SELECT CASE WHEN ${wantsPending} THEN (SELECT count(*)::int FROM "CollaboratorRequest" WHERE "storeId" = ${storeId}::uuid AND "status" = 'PENDING') ELSE 0 END AS "pendingRequests",
           CASE WHEN ${wantsUnread} THEN (SELECT count(*)::int FROM "Notification" WHERE "storeId" = ${storeId}::uuid AND "readAt" IS NULL) ELSE 0 END AS "unreadNotifications"`;
  return row;
}

export async function pendingRequestBadge(actor: StoreActor): Promise<number> {
  if (!reviewsRequests(actor)) return 0;
  return db().collaboratorRequest.count({ where: { storeId: actor.store.id, status: "PENDING" } });
}

/** The owner and staff with `staff` access review collaborator requests; collaborators never do. */
export function reviewsRequests(actor: StoreActor): boolean {
  return actor.kind !== "collaborator" && can(actor.permissions, "staff", "view");
}

