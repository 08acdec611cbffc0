// Cursor pagination shared by the orders, products and customers lists (see ~/domain/section-list).
import { db } from "~/lib/db.server";
import { encodeCursor, PAGE_SIZE, type Cursor, type ListPage } from "~/domain/section-list";

type Order = "asc" | "desc";

export interface PageArgs {
  /** Where clause on createdAt/id, to be AND-ed with the list's own filters. */
  where: object;
  orderBy: [{ createdAt: Order }, { id: Order }];
  take: number;
}

/**
 * Runs `fetch` for one page after or before a cursor. The order is (createdAt desc, id asc), the order of
 * the (storeId, createdAt desc, id) index; the `createdAt <= x` bound lets PostgreSQL start the index scan
 * at the cursor, the OR only sorts out rows created in the same millisecond.
 */
export async function fetchPage<T extends { id: string; createdAt: Date }>(
  query: { after: Cursor | null; before: Cursor | null },
  fetch: (args: PageArgs) => Promise<T[]>,
  pageSize = PAGE_SIZE,
): Promise<ListPage<T>> {
  if (query.before) {
    const c = query.before;
    const rows = await fetch({
      where: { createdAt: { gte: c.createdAt }, OR: [{ createdAt: { gt: c.createdAt } }, { id: { lt: c.id } }] },
      orderBy: [{ createdAt: "asc" }, { id: "desc" }],
      take: pageSize + 1,
    });
    // Everything before the cursor is gone (deleted meanwhile): show the first page instead of nothing.
    if (rows.length === 0) return fetchPage({ after: null, before: null }, fetch, pageSize);
    const hasPrevious = rows.length > pageSize;
    const items = rows.slice(0, pageSize).reverse();
    return { items, pageInfo: info(items, hasPrevious, true) };
  }
  const c = query.after;
  const rows = await fetch({
    where: c ? { createdAt: { lte: c.createdAt }, OR: [{ createdAt: { lt: c.createdAt } }, { id: { gt: c.id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: pageSize + 1,
  });
  if (c && rows.length === 0) return fetchPage({ after: null, before: null }, fetch, pageSize);
  const items = rows.slice(0, pageSize);
  return { items, pageInfo: info(items, Boolean(c), rows.length > pageSize) };
}

function info<T extends { id: string; createdAt: Date }>(items: T[], hasPrevious: boolean, hasNext: boolean) {
  return {
    hasPrevious: hasPrevious && items.length > 0,
    hasNext: hasNext && items.length > 0,
    startCursor: items.length ? encodeCursor(items[0]) : null,
    endCursor: items.length ? encodeCursor(items[items.length - 1]) : null,
  };
}

/** The currency the store's amounts are in, for formatMoney. */
export async function storeCurrency(storeId: string): Promise<string> {
  const store = await db().store.findUnique({ where: { id: storeId }, select: { currency: true } });
  return store?.currency ?? "EUR";
}
