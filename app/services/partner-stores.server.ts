// The partner dashboard's Stores page: one list of the organization's stores, filtered, searched and
// paginated with cursors on indexed columns, so that it stays fast with thousands of managed stores.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import type { AccessState } from "~/domain/request-lifecycle";
import { normalizeStoreDomain } from "~/domain/store-url";
import type { Permission } from "~/domain/permissions";
import { WARNING_DAYS, daysAfter, inactivityDeadline, type EndReason } from "~/domain/access-expiry";
import { permissionDifferences, type PermissionDifference } from "~/domain/granted";
import { isUuid } from "~/domain/ids";
import { inTransaction } from "~/lib/transaction.server";
import type { CsvRow } from "~/lib/csv.server";
import { logActivity } from "./activity.server";
import { isMember, partnerActor, type PartnerUser } from "./partner-common.server";

import { STORE_FILTERS, type StoreFilter } from "~/domain/access-request";

export { STORE_FILTERS, type StoreFilter };

export const STORES_PAGE_SIZE = 25;

export interface PartnerStoreRow {
  accessId: string;
  storeId: string;
  storeName: string;
  storeDomain: string;
  state: AccessState;
  permissions: Permission[];
  requestId: string | null;
  updatedAt: Date;
  // Collaborator access over time (app/services/access-expiry.server.ts)
  /** The owner's end date, while the access is held. */
  endsAt: Date | null;
  /** When an unused access ends, once its members were warned (a log-in cancels it). */
  inactiveEndsAt: Date | null;
  /** Why the sweep ended it, on an "Access removed" row; null when a person removed it. */
  endedReason: EndReason | null;
  inactivityDays: number;
  /** When the owner was reminded of a pending request. */
  remindedAt: Date | null;
  /** Per section, what was asked against what the owner granted at approval, where they differ. */
  grantDifferences: PermissionDifference[];
  grantedAt: Date | null;
  /** The last time a member used the access (log-in or work in the store admin). */
  lastUsedAt: Date | null;
}

export interface PartnerStoresPage {
  rows: PartnerStoreRow[];
  /** Opaque cursors for the Previous / Next links; null when there is nothing that way. */
  previousCursor: string | null;
  nextCursor: string | null;
}

interface Cursor {
  updatedAt: Date;
  id: string;
}

export function encodeCursor(row: { updatedAt: Date; accessId: string }): string {
  return Buffer.from(`${row.updatedAt.toISOString()}|${row.accessId}`).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 200) return null;
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(iso ?? "");
  if (Number.isNaN(updatedAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { updatedAt, id };
}

/**
 * The page after `after` or before `before` (at most one of them). Order: most recently changed
 * first, then id, which is exactly the index CollaboratorAccess(organizationId, listed, updatedAt DESC, id)
 * (and its state-filtered sibling), so each page is one index range scan whatever the depth.
 */
export async function listPartnerStores(
  organizationId: string,
  options: { filter?: StoreFilter; query?: string; after?: string | null; before?: string | null; pageSize?: number } = {},
): Promise<PartnerStoresPage> {
  const pageSize = options.pageSize ?? STORES_PAGE_SIZE;
  const after = decodeCursor(options.after);
  const before = after ? null : decodeCursor(options.before);

  const where: Prisma.CollaboratorAccessWhereInput = { organizationId, listed: true };
  const filter = options.filter ?? "all";
  // Cancelled requests leave the list as they are cancelled; they never show.
  where.state = filter === "all" ? { not: "CANCELLED" } : filter;

  const query = options.query?.trim().slice(0, 200);
  if (query) {
    const domain = normalizeStoreDomain(query);
    where.store = {
      OR: [
        { name: { contains: query, mode: "insensitive" } },
        { domain: { contains: query.toLowerCase() } },
        ...(domain && domain !== query.toLowerCase() ? [{ domain }] : []),
      ],
    };
  }

  const conditions: Prisma.CollaboratorAccessWhereInput[] = [where];
  if (after) {
    // Rows after (t, id) in (updatedAt DESC, id ASC): updatedAt <= t, minus those at t with id <= cursor.
    conditions.push({ updatedAt: { lte: after.updatedAt }, NOT: { updatedAt: after.updatedAt, id: { lte: after.id } } });
  } else if (before) {
    conditions.push({ updatedAt: { gte: before.updatedAt }, NOT: { updatedAt: before.updatedAt, id: { gte: before.id } } });
  }

  const found = await db().collaboratorAccess.findMany({
    where: { AND: conditions },
    orderBy: before ? [{ updatedAt: "asc" }, { id: "desc" }] : [{ updatedAt: "desc" }, { id: "asc" }],
    take: pageSize + 1,
    select: {
      id: true,
      storeId: true,
      state: true,
      permissions: true,
      requestId: true,
      updatedAt: true,
      endsAt: true,
      endedReason: true,
      grantedAt: true,
      lastUsedAt: true,
      inactivityWarnedAt: true,
      store: { select: { name: true, domain: true, inactivityDays: true } },
    },
  });
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (before) page.reverse();
  const requestIds = page.map((row) => row.requestId).filter((id): id is string => Boolean(id));
  const requests = requestIds.length
    ? await db().collaboratorRequest.findMany({ where: { id: { in: requestIds }, organizationId }, select: { id: true, status: true, permissions: true, grantedPermissions: true, remindedAt: true } })
    : [];
  const requestOf = new Map(requests.map((request) => [request.id, request]));
  const rows: PartnerStoreRow[] = page.map((row) => {
    const request = row.requestId ? requestOf.get(row.requestId) : undefined;
    const held = row.state === "MANAGED" || row.state === "SUSPENDED";
    const deadline = row.state === "MANAGED" && row.inactivityWarnedAt ? inactivityDeadline(row, row.store.inactivityDays) : null;
    const warnedEnd = row.inactivityWarnedAt ? daysAfter(row.inactivityWarnedAt, WARNING_DAYS) : null;
    return {
      accessId: row.id,
      storeId: row.storeId,
      storeName: row.store.name,
      storeDomain: row.store.domain,
      state: row.state,
      permissions: row.permissions,
      requestId: row.requestId,
      updatedAt: row.updatedAt,
      endsAt: held ? row.endsAt : null,
      inactiveEndsAt: deadline && warnedEnd ? (deadline > warnedEnd ? deadline : warnedEnd) : null,
      endedReason: row.state === "REMOVED" ? (row.endedReason as EndReason | null) : null,
      inactivityDays: row.store.inactivityDays,
      remindedAt: row.state === "PENDING" && request?.status === "PENDING" ? request.remindedAt : null,
      grantedAt: row.grantedAt,
      lastUsedAt: row.lastUsedAt,
      grantDifferences: held && request?.status === "APPROVED" ? permissionDifferences(request.permissions, request.grantedPermissions) : [],
    };
  });
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    // Going forward, "previous" exists when we came from somewhere; going back, "next" always exists.
    previousCursor: first && (before ? more : Boolean(after)) ? encodeCursor(first) : null,
    nextCursor: last && (before ? true : more) ? encodeCursor(last) : null,
  };
}

export const STORES_CSV_HEADER = ["Store", "Domain", "State", "Permissions", "Granted (UTC)", "Ends (UTC)", "Last used (UTC)", "Changed (UTC)"];

/**
 * The Stores list as the page filters it (tab and search), as CSV rows: the export is logged first, then
 * every row is read in pages of 1,000 on the list's own keyset order as the download takes them.
 */
export async function exportPartnerStores(
  user: PartnerUser,
  organizationId: string,
  options: { filter?: StoreFilter; query?: string },
  ip?: string | null,
): Promise<AsyncIterable<CsvRow> | null> {
  if (!isUuid(organizationId)) return null;
  const allowed = await inTransaction(async (tx) => {
    if (!(await isMember(tx, user.id, organizationId))) return false;
    await logActivity(tx, partnerActor(user, ip), { action: "organization.stores_exported", organizationId, details: { filter: options.filter ?? "all", query: options.query ?? "" } });
    return true;
  });
  if (!allowed) return null;
  return (async function* () {
    let after: string | null = null;
    for (;;) {
      const page: PartnerStoresPage = await listPartnerStores(organizationId, { ...options, after, pageSize: 1000 });
      for (const row of page.rows) {
        yield [row.storeName, row.storeDomain, row.state, row.permissions.map((permission) => permission.replace("_", ": ")).join("; "), row.grantedAt, row.endsAt ?? row.inactiveEndsAt, row.lastUsedAt, row.updatedAt];
      }
      if (!page.nextCursor) return;
      after = page.nextCursor;
    }
  })();
}
