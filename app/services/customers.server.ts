// Customers: list, search and open (customers:view); create, edit and delete (customers:manage).
// Import and export are in customers-csv.server.ts.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { inTransaction, violates } from "~/lib/transaction.server";
import { customerName, CUSTOMER_FIELDS, type CustomerInput } from "~/domain/customers";
import { isUuid, searchTerms, type ListQuery } from "~/domain/section-list";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import { fetchPage, storeCurrency } from "./section-list.server";
import { actingFor, assertCan, type SectionActor } from "./section-actor.server";

export const CUSTOMER_FILTERS = ["SUBSCRIBED"] as const;
export type CustomerFilter = (typeof CUSTOMER_FILTERS)[number];

const insensitive = (term: string) => ({ contains: term, mode: "insensitive" as const });

export async function listCustomers(actor: SectionActor, query: ListQuery<CustomerFilter>) {
  assertCan(actor, "customers", "view");
  const where: Prisma.CustomerWhereInput = { storeId: actor.storeId };
  if (query.status === "SUBSCRIBED") where.acceptsMarketing = true;
  if (query.q) {
    where.AND = searchTerms(query.q).map((term) => ({
      OR: [{ firstName: insensitive(term) }, { lastName: insensitive(term) }, { email: insensitive(term) }, { city: insensitive(term) }],
    }));
  }
  return fetchPage(query, (args) =>
    db().customer.findMany({
      where: { AND: [where, args.where as Prisma.CustomerWhereInput] },
      orderBy: args.orderBy,
      take: args.take,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        city: true,
        country: true,
        acceptsMarketing: true,
        createdAt: true,
        _count: { select: { orders: true } },
      },
    }),
  );
}

export const CUSTOMER_ORDERS_SHOWN = 10;

export async function getCustomer(actor: SectionActor, customerId: string | undefined) {
  assertCan(actor, "customers", "view");
  if (!isUuid(customerId)) return null;
  const customer = await db().customer.findFirst({ where: { id: customerId, storeId: actor.storeId } });
  if (!customer) return null;
  // A customer's orders are this store's by construction, but the filter costs nothing and says so.
  const orderWhere = { customerId: customer.id, storeId: actor.storeId };
  const [orders, orderCount, spent, currency] = await Promise.all([
    db().order.findMany({
      where: orderWhere,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: CUSTOMER_ORDERS_SHOWN,
      select: { id: true, number: true, createdAt: true, status: true, totalCents: true, itemCount: true },
    }),
    db().order.count({ where: orderWhere }),
    db().order.aggregate({ where: { ...orderWhere, status: { in: ["OPEN", "FULFILLED"] } }, _sum: { totalCents: true } }),
    storeCurrency(actor.storeId),
  ]);
  return { customer, orders, orderCount, spentCents: spent._sum.totalCents ?? 0, currency };
}

/** Two customers of one store never share an email: the unique index decides, even for two saves at once. */
const emailTaken = () => refuse.conflict("email", "sections.customers.errors.emailTaken");

export async function createCustomer(actor: SectionActor, input: CustomerInput): Promise<Result<{ customerId: string }>> {
  assertCan(actor, "customers", "manage");
  try {
    return await inTransaction(async (tx) => {
      const customer = await tx.customer.create({ data: { storeId: actor.storeId, ...input } });
      await logActivity(tx, actor.log, {
        action: "customer.created",
        storeId: actor.storeId,
        subject: customer.email,
        details: { customerId: customer.id, name: customerName(customer), ...actingFor(actor) },
      });
      return ok({ customerId: customer.id });
    });
  } catch (error) {
    if (violates(error, "Customer_storeId_email_key")) return emailTaken();
    throw error;
  }
}

export async function updateCustomer(actor: SectionActor, customerId: string | undefined, input: CustomerInput): Promise<Result<{ changed: string[] }>> {
  assertCan(actor, "customers", "manage");
  if (!isUuid(customerId)) return refuse.notFound();
  try {
    return await inTransaction(async (tx): Promise<Result<{ changed: string[] }>> => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Customer" WHERE "id" = ${customerId}::uuid AND "storeId" = ${actor.storeId}::uuid FOR UPDATE`;
      if (locked.length === 0) return refuse.notFound();
      const before = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
      const changed = CUSTOMER_FIELDS.filter((field) => before[field] !== input[field]);
      if (changed.length === 0) return ok({ changed });
      await tx.customer.update({ where: { id: customerId }, data: input });
      await logActivity(tx, actor.log, {
        action: "customer.updated",
        storeId: actor.storeId,
        subject: input.email,
        details: { customerId, changed, ...(changed.includes("email") ? { previousEmail: before.email } : {}), ...actingFor(actor) },
      });
      return ok({ changed });
    });
  } catch (error) {
    if (violates(error, "Customer_storeId_email_key")) return emailTaken();
    throw error;
  }
}

/** Deleting a customer keeps their orders (the orders lose their customer, as the schema says). */
export async function deleteCustomer(actor: SectionActor, customerId: string | undefined): Promise<Result<{ email: string }>> {
  assertCan(actor, "customers", "manage");
  if (!isUuid(customerId)) return refuse.notFound();
  return inTransaction(async (tx): Promise<Result<{ email: string }>> => {
    const deleted = await tx.$queryRaw<{ email: string; firstName: string; lastName: string }[]>`
      DELETE FROM "Customer" WHERE "id" = ${customerId}::uuid AND "storeId" = ${actor.storeId}::uuid
      RETURNING "email", "firstName", "lastName"`;
    if (deleted.length === 0) return refuse.notFound();
    await logActivity(tx, actor.log, {
      action: "customer.deleted",
      storeId: actor.storeId,
      subject: deleted[0].email,
      details: { customerId, name: customerName(deleted[0]), ...actingFor(actor) },
    });
    return ok({ email: deleted[0].email });
  });
}
