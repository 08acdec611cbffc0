// Home: the store's notifications (with unread state) and its activity log (SPEC.md: complete, filterable,
// exportable as CSV), for people with the `home` section.
import { db } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { can } from "~/domain/permissions";
import { isUuid } from "~/domain/ids";
import { ok, refuse, type Result } from "~/domain/result";
import { ACTIVITY_KINDS, ACTIVITY_PAGE_SIZE, nameChange, permissionChanges, permissionChangesText, type ActivityFilters, type ActivityPerson } from "~/domain/activity-log";
import type { CsvRow } from "~/lib/csv.server";
import { activityBatches, activityPeopleIn, activityPersonLabelIn, activityWhere, parseCursor } from "./activity-query.server";
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
// Activity log (the reading is shared with the organization's log: activity-query.server.ts)

const storeWhere = (storeId: string, filters: ActivityFilters) => activityWhere({ storeId }, filters, ACTIVITY_KINDS);

/** What the Home page shows of an entry; the CSV adds the address. */
const ACTIVITY_SELECT = {
  id: true,
  createdAt: true,
  action: true,
  actorLabel: true,
  actorKind: true,
  subject: true,
  organizationId: true,
  details: true,
} as const;

/**
 * Newest first, keyset pagination on the id (indexes on (storeId, id), (storeId, action, id) and
 * (storeId, actorUserId, id)): `before` shows older entries, `after` newer ones.
 */
export async function listActivity(storeId: string, filters: ActivityFilters, cursor: { before?: string; after?: string } = {}) {
  const where = storeWhere(storeId, filters);
  const before = parseCursor(cursor.before);
  const after = before === undefined ? parseCursor(cursor.after) : undefined;
  const take = ACTIVITY_PAGE_SIZE + 1;
  let rows;
  let hasNewer: boolean;
  let hasOlder: boolean;
  if (after !== undefined) {
    rows = await db().activityLog.findMany({ where: { AND: [where, { id: { gt: after } }] }, orderBy: { id: "asc" }, take, select: ACTIVITY_SELECT });
    hasNewer = rows.length > ACTIVITY_PAGE_SIZE;
    rows = rows.slice(0, ACTIVITY_PAGE_SIZE).reverse();
    hasOlder = true;
  } else {
    rows = await db().activityLog.findMany({
      where: before !== undefined ? { AND: [where, { id: { lt: before } }] } : where,
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
      /** Permissions before and after, per section, when the entry changed some. */
      changes: permissionChanges(row.action, row.details),
      /** A staff member's name before and after, when the entry renamed one. */
      rename: nameChange(row.action, row.details),
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

/** The people who appear in the store's log, for the "person" filter (activity-query.server.ts). */
export const activityPeople = (storeId: string): Promise<ActivityPerson[]> => activityPeopleIn({ storeId });

/** The label of the person a filtered log shows (their latest entry's), or null if they are not in it. */
export const activityPersonLabel = (storeId: string, userId: string) => activityPersonLabelIn({ storeId }, userId);

export const CSV_HEADER = ["Date (UTC)", "Action", "Actor", "Actor kind", "Subject", "Organization", "Permissions", "Details", "IP"];

/**
 * The export of the log with the page's filters: logged first (one entry, with the filters), then every
 * matching row, newest first, read in keyset batches as the download takes them (lib/csv.server.ts), so a
 * log of any size streams in constant memory.
 */
export async function exportActivity(actor: StoreActor, storeId: string, filters: ActivityFilters, ip?: string | null): Promise<AsyncIterable<CsvRow>> {
  if (!canSeeHome(actor, storeId)) throw new Error("exportActivity called without home access");
  const where = storeWhere(storeId, filters);
  await inTransaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { firstName: true, lastName: true, email: true } });
    await logActivity(
      tx,
      { userId: actor.userId, label: `${user.firstName} ${user.lastName} <${user.email}>`, kind: actor.kind, ip: ip ?? null },
      {
        action: "activity.exported",
        storeId,
        organizationId: actor.kind === "collaborator" ? actor.organizationId : null,
        details: { kind: filters.kind ?? null, person: filters.person ?? null, from: filters.from ?? null, to: filters.to ?? null },
      },
    );
  });
  return (async function* () {
    for await (const rows of activityBatches(where, { ...ACTIVITY_SELECT, ip: true })) {
      const organizations = await organizationNames(rows.map((r) => r.organizationId));
      for (const row of rows) {
        yield [
          row.createdAt,
          row.action,
          row.actorLabel,
          row.actorKind,
          row.subject,
          row.organizationId ? (organizations.get(row.organizationId) ?? row.organizationId) : "",
          permissionChangesText(permissionChanges(row.action, row.details)),
          JSON.stringify(row.details ?? {}),
          row.ip,
        ];
      }
    }
  })();
}

export { canSeeHome };
