// What the store admin's frame shows around every page: the navigation badges and the switcher.
import { db } from "~/lib/db.server";
import { can } from "~/domain/permissions";
import type { StoreFrame } from "~/domain/store-frame";
import type { SessionUser } from "./sessions.server";
import type { StoreActor } from "./store-access.server";
import { listWorkspaces, SWITCHER_LIMIT } from "./workspaces.server";

/** Everything the frame shows, in two statements side by side: the workspace switcher and both badges. */
export async function storeFrame(session: SessionUser, actor: StoreActor): Promise<StoreFrame> {
  const [workspaces, { pendingRequests, unreadNotifications }] = await Promise.all([listWorkspaces(session.user.id, SWITCHER_LIMIT), frameBadges(actor)]);
  return {
    store: actor.store,
    actor: { kind: actor.kind, permissions: actor.permissions, organizationName: actor.kind === "collaborator" ? actor.organizationName : null },
    user: { name: `${session.user.firstName} ${session.user.lastName}`, email: session.user.email },
    workspaces,
    pendingRequests,
    unreadNotifications,
  };
}

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

