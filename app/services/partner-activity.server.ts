// The organization's own access activity (SPEC.md: shown "to the partner organization for its own
// actions"): every ActivityLog row that carries its organizationId, newest first, by cursor on the
// indexes ActivityLog(organizationId, id DESC), (organizationId, action, id DESC) and
// (organizationId, actorUserId, id DESC); filtered by kind, person and days, and exported as CSV.
import { db } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import type { CsvRow } from "~/lib/csv.server";
import { PARTNER_ACTIVITY_KINDS, permissionChanges, permissionChangesText, type ActivityFilters, type ActivityPerson, type SectionChange } from "~/domain/activity-log";
import { isUuid } from "~/domain/ids";
import { logActivity } from "./activity.server";
import { activityBatches, activityPeopleIn, activityPersonLabelIn, activityWhere } from "./activity-query.server";
import { isMember, partnerActor, type PartnerUser } from "./partner-common.server";

export const ACTIVITY_PAGE_SIZE = 30;

export interface PartnerActivityEntry {
  id: string;
  createdAt: Date;
  action: string;
  actorLabel: string;
  actorKind: string;
  subject: string | null;
  storeId: string | null;
  storeName: string | null;
  details: Record<string, unknown>;
  /** Permissions before and after, per section, when the entry changed some. */
  changes: SectionChange[] | null;
}

export interface PartnerActivityPage {
  entries: PartnerActivityEntry[];
  previousCursor: string | null;
  nextCursor: string | null;
}

function parseId(value: string | null | undefined): bigint | null {
  return value && /^[0-9]{1,19}$/.test(value) ? BigInt(value) : null;
}

export async function listPartnerActivity(
  organizationId: string,
  options: { after?: string | null; before?: string | null; pageSize?: number; filters?: ActivityFilters } = {},
): Promise<PartnerActivityPage> {
  const where = activityWhere({ organizationId }, options.filters ?? {}, PARTNER_ACTIVITY_KINDS);
  const pageSize = options.pageSize ?? ACTIVITY_PAGE_SIZE;
  const after = parseId(options.after);
  const before = after === null ? parseId(options.before) : null;
  const found = await db().activityLog.findMany({
    where: after !== null ? { AND: [where, { id: { lt: after } }] } : before !== null ? { AND: [where, { id: { gt: before } }] } : where,
    orderBy: { id: before !== null ? "asc" : "desc" },
    take: pageSize + 1,
  });
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (before !== null) page.reverse();

  // Store names as they are now, for entries that did not record one.
  const storeIds = [...new Set(page.map((e) => e.storeId).filter((id): id is string => Boolean(id)))];
  const stores = storeIds.length ? await db().store.findMany({ where: { id: { in: storeIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(stores.map((s) => [s.id, s.name]));

  const entries = page.map((e) => {
    const details = e.details && typeof e.details === "object" && !Array.isArray(e.details) ? (e.details as Record<string, unknown>) : {};
    return {
      id: e.id.toString(),
      createdAt: e.createdAt,
      action: e.action,
      actorLabel: e.actorLabel,
      actorKind: e.actorKind,
      subject: e.subject,
      storeId: e.storeId,
      storeName: typeof details.storeName === "string" ? details.storeName : e.storeId ? names.get(e.storeId) ?? null : null,
      details,
      changes: permissionChanges(e.action, details),
    };
  });
  const first = entries[0];
  const last = entries[entries.length - 1];
  return {
    entries,
    previousCursor: first && (before !== null ? more : after !== null) ? first.id : null,
    nextCursor: last && (before !== null ? true : more) ? last.id : null,
  };
}

/** The people in the organization's log (its members, and the store people who decided on its access). */
export const partnerActivityPeople = (organizationId: string): Promise<ActivityPerson[]> => activityPeopleIn({ organizationId });
export const partnerActivityPersonLabel = (organizationId: string, userId: string) => activityPersonLabelIn({ organizationId }, userId);

export const PARTNER_CSV_HEADER = ["Date (UTC)", "Event", "Person", "Person kind", "Store", "Store domain", "About", "Permissions"];

/**
 * The organization's log with the page's filters, as CSV rows: the export is logged first (by the member,
 * on the organization's log), then every matching entry, newest first, in keyset batches as the download
 * takes them. The details' other values stay out of the file, as they stay off the page.
 */
export async function exportPartnerActivity(user: PartnerUser, organizationId: string, filters: ActivityFilters, ip?: string | null): Promise<AsyncIterable<CsvRow> | null> {
  if (!isUuid(organizationId)) return null;
  const where = activityWhere({ organizationId }, filters, PARTNER_ACTIVITY_KINDS);
  const allowed = await inTransaction(async (tx) => {
    if (!(await isMember(tx, user.id, organizationId))) return false;
    await logActivity(tx, partnerActor(user, ip), {
      action: "activity.exported",
      organizationId,
      details: { kind: filters.kind ?? null, person: filters.person ?? null, from: filters.from ?? null, to: filters.to ?? null },
    });
    return true;
  });
  if (!allowed) return null;
  return (async function* () {
    for await (const rows of activityBatches(where, { id: true, createdAt: true, action: true, actorLabel: true, actorKind: true, subject: true, storeId: true, details: true })) {
      const storeIds = [...new Set(rows.map((r) => r.storeId).filter((id): id is string => Boolean(id)))];
      const stores = storeIds.length ? await db().store.findMany({ where: { id: { in: storeIds } }, select: { id: true, name: true, domain: true } }) : [];
      const byId = new Map(stores.map((store) => [store.id, store]));
      for (const row of rows) {
        const details = row.details && typeof row.details === "object" && !Array.isArray(row.details) ? (row.details as Record<string, unknown>) : {};
        const store = row.storeId ? byId.get(row.storeId) : undefined;
        yield [
          row.createdAt,
          row.action,
          row.actorLabel,
          row.actorKind,
          typeof details.storeName === "string" ? details.storeName : (store?.name ?? ""),
          typeof details.storeDomain === "string" ? details.storeDomain : (store?.domain ?? ""),
          row.subject,
          permissionChangesText(permissionChanges(row.action, details)),
        ];
      }
    }
  })();
}
