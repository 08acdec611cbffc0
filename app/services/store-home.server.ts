// Home: the store's notifications (with unread state) and its activity log (SPEC.md: complete, filterable,
// exportable as CSV), for people with the `home` section.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { can } from "~/domain/permissions";
import { isUuid } from "~/domain/ids";
import { ok, refuse, type Result } from "~/domain/result";
import { ACTIVITY_KINDS, ACTIVITY_PAGE_SIZE, csvLine, type ActivityFilters, type ActivityPerson } from "~/domain/activity-log";
import { logActivity, type ActorKind } from "./activity.server";
import type { StoreActor } from "./store-access.server";

const canSeeHome = (actor: StoreActor, storeId: string) => actor.store.id === storeId && can(actor.permissions, "home", "view");

// ---------------------------------------------------------------------------------------------------
// Notifications

export const NOTIFICATIONS_SHOWN = 20;

/** The notifications the store's services write (access requests and partner access), each worded on Home. */
export type NotificationKind =
  | "collaborator_request.created"
  | "collaborator_request.cancelled"
  | "collaborator_access.removed_by_partner"
  // Collaborator access over time (access-expiry.server.ts)
  | "collaborator_access.end_date_soon"
  | "collaborator_access.inactive_soon"
  | "collaborator_access.ended_end_date"
  | "collaborator_access.ended_inactive"
  | "collaborator_request.reminder";

export type HomeNotification = Awaited<ReturnType<typeof listNotifications>>[number];

/** The latest notifications (the unread count is the frame's: store-frame.server.ts). */
export async function listNotifications(storeId: string) {
  const rows = await db().notification.findMany({
    where: { storeId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_SHOWN,
    select: { id: true, kind: true, params: true, requestId: true, createdAt: true, readAt: true, resolvedAt: true },
  });
  // The organization's name comes from the request when the notification's own values lack it.
  const requestIds = rows.map((row) => row.requestId).filter((id): id is string => Boolean(id));
  const requests = requestIds.length
    ? await db().collaboratorRequest.findMany({
        where: { id: { in: requestIds }, storeId },
        select: { id: true, status: true, organization: { select: { name: true } }, requestedBy: { select: { firstName: true, lastName: true } } },
      })
    : [];
  const byId = new Map(requests.map((r) => [r.id, r]));
  const notifications = rows.map((row) => {
    const params = (row.params && typeof row.params === "object" && !Array.isArray(row.params) ? row.params : {}) as Record<string, unknown>;
    const request = row.requestId ? byId.get(row.requestId) : undefined;
    const text = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
    return {
      id: row.id,
      // Written only by the services named in NotificationKind, with those kinds.
      kind: row.kind as NotificationKind,
      createdAt: row.createdAt,
      unread: row.readAt === null,
      resolved: row.resolvedAt !== null,
      requestStatus: request?.status ?? null,
      organization: text("organizationName") ?? request?.organization.name ?? "",
      person: text("requesterName") ?? text("partnerName") ?? (request ? `${request.requestedBy.firstName} ${request.requestedBy.lastName}` : ""),
      /** The date a notification is about (an access's end), ISO. */
      date: text("date") ?? null,
    };
  });
  return notifications;
}

/** home:manage marks notifications read: the given ones, or all of them. */
export async function markNotificationsRead(actor: StoreActor, storeId: string, ids: string[] | "all"): Promise<Result<{ count: number }>> {
  if (actor.store.id !== storeId || !can(actor.permissions, "home", "manage")) return refuse.forbidden();
  const valid = ids === "all" ? "all" : ids.filter(isUuid);
  return inTransaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { storeId, readAt: null, ...(valid === "all" ? {} : { id: { in: valid } }) },
      data: { readAt: new Date() },
    });
    return ok({ count });
  });
}

// ---------------------------------------------------------------------------------------------------
// Activity log

function activityWhere(storeId: string, filters: ActivityFilters): Prisma.ActivityLogWhereInput {
  return {
    storeId,
    ...(filters.kind && (ACTIVITY_KINDS as readonly string[]).includes(filters.kind) ? { action: { startsWith: `${filters.kind}.` } } : {}),
    ...(filters.person && isUuid(filters.person) ? { actorUserId: filters.person } : {}),
  };
}

/** What the Home page shows of an entry; the CSV adds the details and the address. */
const ACTIVITY_SELECT = {
  id: true,
  createdAt: true,
  action: true,
  actorLabel: true,
  actorKind: true,
  subject: true,
  organizationId: true,
} as const;

/**
 * Newest first, keyset pagination on the id (indexes on (storeId, id), (storeId, action, id) and
 * (storeId, actorUserId, id)): `before` shows older entries, `after` newer ones.
 */
export async function listActivity(storeId: string, filters: ActivityFilters, cursor: { before?: string; after?: string } = {}) {
  const where = activityWhere(storeId, filters);
  const before = cursor.before && /^\d{1,19}$/.test(cursor.before) ? BigInt(cursor.before) : undefined;
  const after = !before && cursor.after && /^\d{1,19}$/.test(cursor.after) ? BigInt(cursor.after) : undefined;
  const take = ACTIVITY_PAGE_SIZE + 1;
  let rows;
  let hasNewer: boolean;
  let hasOlder: boolean;
  if (after !== undefined) {
    rows = await db().activityLog.findMany({ where: { ...where, id: { gt: after } }, orderBy: { id: "asc" }, take, select: ACTIVITY_SELECT });
    hasNewer = rows.length > ACTIVITY_PAGE_SIZE;
    rows = rows.slice(0, ACTIVITY_PAGE_SIZE).reverse();
    hasOlder = true;
  } else {
    rows = await db().activityLog.findMany({
      where: { ...where, ...(before !== undefined ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take,
      select: ACTIVITY_SELECT,
    });
    hasOlder = rows.length > ACTIVITY_PAGE_SIZE;
    rows = rows.slice(0, ACTIVITY_PAGE_SIZE);
    hasNewer = before !== undefined;
  }
  const organizations = await organizationNames(rows.map((r) => r.organizationId));
  return {
    entries: rows.map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt,
      action: row.action,
      actor: row.actorLabel,
      // Written only through logActivity, whose Actor.kind is an ActorKind.
      actorKind: row.actorKind as ActorKind,
      subject: row.subject,
      organization: row.organizationId ? (organizations.get(row.organizationId) ?? null) : null,
    })),
    newest: rows[0]?.id.toString() ?? null,
    oldest: rows.at(-1)?.id.toString() ?? null,
    hasNewer: hasNewer && rows.length > 0,
    hasOlder,
  };
}

export type ActivityPage = Awaited<ReturnType<typeof listActivity>>;

async function organizationNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db().partnerOrganization.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The people who appear in the store's log, for the "person" filter, each with the label of their latest
 * entry. A loose index scan on (storeId, actorUserId, id DESC): one index probe per person instead of a
 * GROUP BY over every entry, so the cost grows with the number of people, not with the length of the log.
 */
export async function activityPeople(storeId: string): Promise<ActivityPerson[]> {
  const rows = await db().$queryRaw<ActivityPerson[]>`
    WITH RECURSIVE actors AS (
      (SELECT "actorUserId" FROM "ActivityLog"
        WHERE "storeId" = ${storeId}::uuid AND "actorUserId" IS NOT NULL ORDER BY "actorUserId" LIMIT 1)
      UNION ALL
      SELECT (SELECT l."actorUserId" FROM "ActivityLog" l
               WHERE l."storeId" = ${storeId}::uuid AND l."actorUserId" > a."actorUserId" ORDER BY l."actorUserId" LIMIT 1)
        FROM actors a WHERE a."actorUserId" IS NOT NULL
    )
    SELECT a."actorUserId"::text AS "userId", latest."actorLabel" AS "label"
      FROM actors a
      CROSS JOIN LATERAL (SELECT l."actorLabel" FROM "ActivityLog" l
                           WHERE l."storeId" = ${storeId}::uuid AND l."actorUserId" = a."actorUserId"
                           ORDER BY l."id" DESC LIMIT 1) latest
     WHERE a."actorUserId" IS NOT NULL`;
  return rows.sort((a, b) => a.label.localeCompare(b.label));
}

/** The label of the person a filtered log shows (their latest entry's), or null if they are not in it. */
export async function activityPersonLabel(storeId: string, userId: string): Promise<string | null> {
  if (!isUuid(userId)) return null;
  const row = await db().activityLog.findFirst({ where: { storeId, actorUserId: userId }, orderBy: { id: "desc" }, select: { actorLabel: true } });
  return row?.actorLabel ?? null;
}

export const CSV_HEADER = ["Date (UTC)", "Action", "Actor", "Actor kind", "Subject", "Organization", "Details", "IP"];
const CSV_BATCH = 1000;

/**
 * Every matching row, newest first, in batches so that a log of any size streams in constant memory.
 * Rows written while the export runs are left out (upper bound taken at the start).
 */
export async function* activityCsv(actor: StoreActor, storeId: string, filters: ActivityFilters, ip?: string | null): AsyncGenerator<string> {
  if (!canSeeHome(actor, storeId)) throw new Error("activityCsv called without home access");
  const where = activityWhere(storeId, filters);
  const top = await db().activityLog.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } });
  await inTransaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { firstName: true, lastName: true, email: true } });
    await logActivity(
      tx,
      { userId: actor.userId, label: `${user.firstName} ${user.lastName} <${user.email}>`, kind: actor.kind, ip: ip ?? null },
      { action: "activity.exported", storeId, organizationId: actor.kind === "collaborator" ? actor.organizationId : null, details: { kind: filters.kind ?? null, person: filters.person ?? null } },
    );
  });
  yield "\uFEFF" + csvLine(CSV_HEADER);
  if (!top) return;
  let below = top.id + 1n;
  for (;;) {
    const rows = await db().activityLog.findMany({ where: { ...where, id: { lt: below } }, orderBy: { id: "desc" }, take: CSV_BATCH, select: { ...ACTIVITY_SELECT, details: true, ip: true } });
    if (rows.length === 0) return;
    const organizations = await organizationNames(rows.map((r) => r.organizationId));
    yield rows
      .map((row) =>
        csvLine([
          row.createdAt.toISOString(),
          row.action,
          row.actorLabel,
          row.actorKind,
          row.subject ?? "",
          row.organizationId ? (organizations.get(row.organizationId) ?? row.organizationId) : "",
          JSON.stringify(row.details ?? {}),
          row.ip ?? "",
        ]),
      )
      .join("");
    if (rows.length < CSV_BATCH) return;
    below = rows.at(-1)!.id;
  }
}

export { canSeeHome };
