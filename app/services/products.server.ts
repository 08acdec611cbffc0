// Products: list and open (products:view); create, edit and archive (products:manage).
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import type { ProductInput, ProductStatus } from "~/domain/products";
import { isUuid, searchTerms, type ListQuery } from "~/domain/section-list";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import { fetchPage, storeCurrency } from "./section-list.server";
import { actingFor, assertCan, type SectionActor } from "./section-actor.server";

const insensitive = (term: string) => ({ contains: term, mode: "insensitive" as const });

export async function listProducts(actor: SectionActor, query: ListQuery<ProductStatus>) {
  assertCan(actor, "products", "view");
  const where: Prisma.ProductWhereInput = { storeId: actor.storeId };
  if (query.status) where.status = query.status;
  if (query.q) where.AND = searchTerms(query.q).map((term) => ({ OR: [{ title: insensitive(term) }, { sku: insensitive(term) }] }));
  const [page, currency] = await Promise.all([
    fetchPage(query, (args) =>
      db().product.findMany({
        where: { AND: [where, args.where as Prisma.ProductWhereInput] },
        orderBy: args.orderBy,
        take: args.take,
        select: { id: true, title: true, status: true, inventory: true, priceCents: true, sku: true, createdAt: true },
      }),
    ),
    storeCurrency(actor.storeId),
  ]);
  return { ...page, currency };
}

export async function getProduct(actor: SectionActor, productId: string | undefined) {
  assertCan(actor, "products", "view");
  if (!isUuid(productId)) return null;
  const product = await db().product.findFirst({ where: { id: productId, storeId: actor.storeId } });
  if (!product) return null;
  return { product, currency: await storeCurrency(actor.storeId) };
}

export async function createProduct(actor: SectionActor, input: ProductInput): Promise<Result<{ productId: string }>> {
  assertCan(actor, "products", "manage");
  return inTransaction(async (tx) => {
    const product = await tx.product.create({
      data: { storeId: actor.storeId, title: input.title, description: input.description, priceCents: input.price, inventory: input.inventory, sku: input.sku, status: input.status },
    });
    await logActivity(tx, actor.log, {
      action: "product.created",
      storeId: actor.storeId,
      subject: product.title,
      details: { productId: product.id, status: product.status, ...actingFor(actor) },
    });
    return ok({ productId: product.id });
  });
}

async function lockProduct(tx: Tx, storeId: string, productId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Product" WHERE "id" = ${productId}::uuid AND "storeId" = ${storeId}::uuid FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.product.findUniqueOrThrow({ where: { id: productId } });
}

const FIELD_OF = { title: "title", description: "description", price: "priceCents", inventory: "inventory", sku: "sku", status: "status" } as const;

/**
 * Saves the form. `version` is the product's updatedAt when the form was opened: when someone saved the
 * product meanwhile, nothing is overwritten and the person is asked to reload.
 */
export async function updateProduct(
  actor: SectionActor,
  productId: string | undefined,
  input: ProductInput,
  version?: number,
): Promise<Result<{ changed: string[] }>> {
  assertCan(actor, "products", "manage");
  if (!isUuid(productId)) return refuse.notFound();
  return inTransaction(async (tx): Promise<Result<{ changed: string[] }>> => {
    const product = await lockProduct(tx, actor.storeId, productId);
    if (!product) return refuse.notFound();
    if (version !== undefined && product.updatedAt.getTime() !== version) return refuse.conflict("form", "sections.products.errors.changedMeanwhile");
    const changed = (Object.keys(FIELD_OF) as (keyof typeof FIELD_OF)[]).filter((field) => product[FIELD_OF[field]] !== input[field]);
    if (changed.length === 0) return ok({ changed });
    await tx.product.update({
      where: { id: productId },
      data: { title: input.title, description: input.description, priceCents: input.price, inventory: input.inventory, sku: input.sku, status: input.status, updatedAt: new Date() },
    });
    const archived = input.status === "ARCHIVED" && product.status !== "ARCHIVED";
    await logActivity(tx, actor.log, {
      action: archived ? "product.archived" : "product.updated",
      storeId: actor.storeId,
      subject: input.title,
      details: { productId, changed, ...(changed.includes("status") ? { from: product.status, to: input.status } : {}), ...actingFor(actor) },
    });
    return ok({ changed });
  });
}

/** Archiving hides a product from the storefront but keeps it (orders refer to it); it can be set back to active. */
export async function archiveProduct(actor: SectionActor, productId: string | undefined): Promise<Result<{ alreadyArchived: boolean }>> {
  assertCan(actor, "products", "manage");
  if (!isUuid(productId)) return refuse.notFound();
  return inTransaction(async (tx): Promise<Result<{ alreadyArchived: boolean }>> => {
    const product = await lockProduct(tx, actor.storeId, productId);
    if (!product) return refuse.notFound();
    if (product.status === "ARCHIVED") return ok({ alreadyArchived: true });
    await tx.product.update({ where: { id: productId }, data: { status: "ARCHIVED", updatedAt: new Date() } });
    await logActivity(tx, actor.log, {
      action: "product.archived",
      storeId: actor.storeId,
      subject: product.title,
      details: { productId, from: product.status, ...actingFor(actor) },
    });
    return ok({ alreadyArchived: false });
  });
}
