// Orders: list and open (orders:view), change the status and add notes (orders:manage).
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { appendNote, canChangeStatus, orderNumberFromSearch, ORDER_NOTES_MAX_TOTAL, type OrderStatus } from "~/domain/orders";
import { isUuid, searchTerms, type ListQuery } from "~/domain/section-list";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import { fetchPage, storeCurrency } from "./section-list.server";
import { actingFor, assertCan, type SectionActor } from "./section-actor.server";

const insensitive = (term: string) => ({ contains: term, mode: "insensitive" as const });

function listWhere(storeId: string, query: ListQuery<OrderStatus>): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = { storeId };
  if (query.status) where.status = query.status;
  if (query.q) {
    const number = orderNumberFromSearch(query.q);
    const customer: Prisma.CustomerWhereInput = {
      AND: searchTerms(query.q).map((term) => ({ OR: [{ firstName: insensitive(term) }, { lastName: insensitive(term) }, { email: insensitive(term) }] })),
    };
    where.OR = number !== null ? [{ number }, { customer: { is: customer } }] : [{ customer: { is: customer } }];
  }
  return where;
}

export async function listOrders(actor: SectionActor, query: ListQuery<OrderStatus>) {
  assertCan(actor, "orders", "view");
  const where = listWhere(actor.storeId, query);
  const [page, currency] = await Promise.all([
    fetchPage(query, (args) =>
      db().order.findMany({
        where: { AND: [where, args.where as Prisma.OrderWhereInput] },
        orderBy: args.orderBy,
        take: args.take,
        select: {
          id: true,
          number: true,
          createdAt: true,
          status: true,
          itemCount: true,
          totalCents: true,
          customer: { select: { firstName: true, lastName: true, email: true } },
        },
      }),
    ),
    storeCurrency(actor.storeId),
  ]);
  return { ...page, currency };
}

/** One order of this store; null for an unknown id or another store's order (the route answers 404). */
export async function getOrder(actor: SectionActor, orderId: string | undefined) {
  assertCan(actor, "orders", "view");
  if (!isUuid(orderId)) return null;
  const order = await db().order.findFirst({
    where: { id: orderId, storeId: actor.storeId },
    select: {
      id: true,
      number: true,
      createdAt: true,
      status: true,
      itemCount: true,
      totalCents: true,
      note: true,
      customer: { select: { id: true, firstName: true, lastName: true, email: true, phone: true, city: true, country: true } },
    },
  });
  if (!order) return null;
  return { order, currency: await storeCurrency(actor.storeId) };
}

/** Locks the order for the rest of the transaction; null when it is not this store's. */
async function lockOrder(tx: Tx, storeId: string, orderId: string) {
  const rows = await tx.$queryRaw<{ status: OrderStatus; number: number; note: string }[]>`
    SELECT "status"::text AS "status", "number", "note" FROM "Order" WHERE "id" = ${orderId}::uuid AND "storeId" = ${storeId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * `from` is the status the person saw. If someone changed it meanwhile, nothing is written and they are
 * told the current status: two people fulfilling and cancelling at once leave one outcome, not a mix.
 */
export async function changeOrderStatus(
  actor: SectionActor,
  orderId: string | undefined,
  input: { status: OrderStatus; from: OrderStatus },
): Promise<Result<{ status: OrderStatus }>> {
  assertCan(actor, "orders", "manage");
  if (!isUuid(orderId)) return refuse.notFound();
  return inTransaction(async (tx): Promise<Result<{ status: OrderStatus }>> => {
    const order = await lockOrder(tx, actor.storeId, orderId);
    if (!order) return refuse.notFound();
    // The message names the status the order is in, so the page can say it in the person's words.
    if (order.status !== input.from) return refuse.conflict("status", "sections.orders.errors.changedMeanwhile", { status: order.status });
    if (!canChangeStatus(order.status, input.status)) return refuse.invalid("status", "sections.orders.errors.transition", { status: order.status });
    await tx.order.update({ where: { id: orderId }, data: { status: input.status } });
    await logActivity(tx, actor.log, {
      action: "order.status_changed",
      storeId: actor.storeId,
      subject: `#${order.number}`,
      details: { from: order.status, to: input.status, ...actingFor(actor) },
    });
    return ok({ status: input.status });
  });
}

/** Appends a note under a line with its time and author (see ~/domain/orders). */
export async function addOrderNote(actor: SectionActor, orderId: string | undefined, input: { note: string }, now = new Date()): Promise<Result> {
  assertCan(actor, "orders", "manage");
  if (!isUuid(orderId)) return refuse.notFound();
  return inTransaction(async (tx): Promise<Result> => {
    const order = await lockOrder(tx, actor.storeId, orderId);
    if (!order) return refuse.notFound();
    const note = appendNote(order.note, { at: now, author: actor.name, text: input.note });
    if (note.length > ORDER_NOTES_MAX_TOTAL) return refuse.invalid("note", "sections.orders.errors.notesFull");
    await tx.order.update({ where: { id: orderId }, data: { note } });
    await logActivity(tx, actor.log, {
      action: "order.note_added",
      storeId: actor.storeId,
      subject: `#${order.number}`,
      details: { characters: input.note.length, ...actingFor(actor) },
    });
    return ok();
  });
}
