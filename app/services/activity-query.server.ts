// Reading an activity log, the store's (Home) or an organization's (partner dashboard): the filters as a
// query, keyset pages and batches on the id, and the people who appear in it. No OFFSET anywhere: each
// page or batch starts from the last id seen, on the indexes (scope, id DESC), (scope, action, id DESC)
// and (scope, actorUserId, id DESC).
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { isUuid } from "~/domain/ids";
import { dayRange, type ActivityFilters, type ActivityPerson } from "~/domain/activity-log";

/** Whose log: one store's, or one organization's. */
export type ActivityScope = { storeId: string } | { organizationId: string };

export function activityWhere(scope: ActivityScope, filters: ActivityFilters, kinds: readonly string[]): Prisma.ActivityLogWhereInput {
  const range = dayRange(filters);
  return {
    ...scope,
    ...(filters.kind && kinds.includes(filters.kind) ? { action: { startsWith: `${filters.kind}.` } } : {}),
    ...(filters.person && isUuid(filters.person) ? { actorUserId: filters.person } : {}),
    ...(range.gte || range.lt ? { createdAt: range } : {}),
  };
}

export const parseCursor = (value: string | null | undefined): bigint | undefined => (value && /^\d{1,19}$/.test(value) ? BigInt(value) : undefined);

/**
 * Every matching row, newest first, `batch` at a time: each batch starts below the last id of the one
 * before. Rows written while the reading runs are left out (the upper bound is taken at the start).
 */
export async function* activityBatches<S extends Prisma.ActivityLogSelect & { id: true }>(
  where: Prisma.ActivityLogWhereInput,
  select: S,
  batch = 1000,
): AsyncGenerator<Prisma.ActivityLogGetPayload<{ select: S }>[]> {
  const top = await db().activityLog.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } });
  if (!top) return;
  let below = top.id + 1n;
  for (;;) {
    const rows = (await db().activityLog.findMany({ where: { AND: [where, { id: { lt: below } }] }, orderBy: { id: "desc" }, take: batch, select })) as Prisma.ActivityLogGetPayload<{ select: S }>[];
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    below = (rows.at(-1) as { id: bigint }).id;
  }
}

/**
 * The people who appear in a log, for the "person" filter, each with the label of their latest entry. A
 * loose index scan on (scope, actorUserId, id DESC): one index probe per person instead of a GROUP BY over
 * every entry, so the cost grows with the number of people, not with the length of the log.
 */
export async function activityPeopleIn(scope: ActivityScope): Promise<ActivityPerson[]> {
  const column = Prisma.raw("storeId" in scope ? `"storeId"` : `"organizationId"`);
  const id = "storeId" in scope ? scope.storeId : scope.organizationId;
  if (!isUuid(id)) return [];
  const rows = await db().$queryRaw<ActivityPerson[]>`
    WITH RECURSIVE actors AS (
      (SELECT "actorUserId" FROM "ActivityLog"
        WHERE ${column} = ${id}::uuid AND "actorUserId" IS NOT NULL ORDER BY "actorUserId" LIMIT 1)
      UNION ALL
      SELECT (SELECT l."actorUserId" FROM "ActivityLog" l
               WHERE l.${column} = ${id}::uuid AND l."actorUserId" > a."actorUserId" ORDER BY l."actorUserId" LIMIT 1)
        FROM actors a WHERE a."actorUserId" IS NOT NULL
    )
    SELECT a."actorUserId"::text AS "userId", latest."actorLabel" AS "label"
      FROM actors a
      CROSS JOIN LATERAL (SELECT l."actorLabel" FROM "ActivityLog" l
                           WHERE l.${column} = ${id}::uuid AND l."actorUserId" = a."actorUserId"
                           ORDER BY l."id" DESC LIMIT 1) latest
     WHERE a."actorUserId" IS NOT NULL`;
  return rows.sort((a, b) => a.label.localeCompare(b.label));
}

/** The label of the person a filtered log shows (their latest entry's), or null if they are not in it. */
export async function activityPersonLabelIn(scope: ActivityScope, userId: string): Promise<string | null> {
  if (!isUuid(userId)) return null;
  const row = await db().activityLog.findFirst({ where: { ...scope, actorUserId: userId }, orderBy: { id: "desc" }, select: { actorLabel: true } });
  return row?.actorLabel ?? null;
}
