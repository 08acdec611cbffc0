// The organization's own access activity (SPEC.md: shown "to the partner organization for its own
// actions"): every ActivityLog row that carries its organizationId, newest first, by cursor on the
// index ActivityLog(organizationId, id DESC).
import { db } from "~/lib/db.server";

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
  options: { after?: string | null; before?: string | null; pageSize?: number } = {},
): Promise<PartnerActivityPage> {
  const pageSize = options.pageSize ?? ACTIVITY_PAGE_SIZE;
  const after = parseId(options.after);
  const before = after === null ? parseId(options.before) : null;
  const found = await db().activityLog.findMany({
    where: { organizationId, ...(after !== null ? { id: { lt: after } } : before !== null ? { id: { gt: before } } : {}) },
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
