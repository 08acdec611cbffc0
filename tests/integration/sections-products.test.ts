import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createStore } from "../helpers/factories";
import { activity, actorOf, createProduct, staffActor } from "../helpers/sections-factories";
import { archiveProduct, createProduct as createProductService, getProduct, listProducts, updateProduct } from "~/services/products.server";
import { parseListQuery } from "~/domain/section-list";
import { parseSubmission } from "~/domain/forms";
import { errorsOf } from "../helpers/routes";
import { productSchema, PRODUCT_STATUSES, type ProductInput } from "~/domain/products";
import { message } from "~/i18n/messages";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const query = (search = "") => parseListQuery(new URLSearchParams(search), PRODUCT_STATUSES);
const input = (overrides: Partial<ProductInput> = {}): ProductInput => ({ title: "Cedar candle", description: "", price: 2400, inventory: 3, sku: "CED-1", status: "ACTIVE", ...overrides });

describe("products list", () => {
  test("filters by status, searches title and SKU, and stays inside the store", async () => {
    const { store, owner } = await createStore();
    const other = await createStore();
    await createProduct(store.id, { title: "Maple syrup", sku: "MAP-100" });
    await createProduct(store.id, { title: "Birch board", sku: "MAP-101", status: "DRAFT" });
    await createProduct(store.id, { title: "Old mug", status: "ARCHIVED" });
    await createProduct(other.store.id, { title: "Maple elsewhere" });
    const actor = await actorOf(owner, store.id);
    const titles = async (search: string) => (await listProducts(actor, query(search))).items.map((p) => p.title).sort();
    expect(await titles("")).toEqual(["Birch board", "Maple syrup", "Old mug"]);
    expect(await titles("status=draft")).toEqual(["Birch board"]);
    expect(await titles("q=maple")).toEqual(["Maple syrup"]);
    expect(await titles("q=map-101")).toEqual(["Birch board"]);
    expect(await titles("q=mug&status=ACTIVE")).toEqual([]);
  });
});

describe("creating, editing and archiving", () => {
  test("the owner creates a product; it is logged", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const result = await createProductService(actor, input());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const product = await t.db.product.findUniqueOrThrow({ where: { id: result.value.productId } });
    expect(product).toMatchObject({ storeId: store.id, title: "Cedar candle", priceCents: 2400, inventory: 3, sku: "CED-1", status: "ACTIVE" });
    expect(await activity(store.id, "product.created")).toMatchObject([{ subject: "Cedar candle", actorUserId: owner.id, actorKind: "owner" }]);
  });

  test("editing writes the form and logs which fields changed; saving unchanged logs nothing", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const created = await createProductService(actor, input());
    if (!created.ok) throw new Error("create failed");
    const { productId } = created.value;
    const before = await t.db.product.findUniqueOrThrow({ where: { id: productId } });
    const edited = await updateProduct(actor, productId, input({ price: 2600, inventory: 10 }), before.updatedAt.getTime());
    expect(edited).toEqual({ ok: true, value: { changed: ["price", "inventory"] } });
    const after = await t.db.product.findUniqueOrThrow({ where: { id: productId } });
    expect(after).toMatchObject({ priceCents: 2600, inventory: 10 });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(await updateProduct(actor, productId, input({ price: 2600, inventory: 10 }), after.updatedAt.getTime())).toEqual({ ok: true, value: { changed: [] } });
    expect(await activity(store.id, "product.updated")).toHaveLength(1);
  });

  test("a save based on an outdated form is refused instead of overwriting someone's changes", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const product = await createProduct(store.id, { title: "Lamp" });
    const opened = product.updatedAt.getTime();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await updateProduct(actor, product.id, input({ title: "Lamp, brass" }), opened)).ok).toBe(true);
    const stale = await updateProduct(actor, product.id, input({ title: "Lamp, linen" }), opened);
    expect(stale).toEqual({ ok: false, kind: "conflict", errors: { form: "sections.products.errors.changedMeanwhile" } });
    expect((await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).title).toBe("Lamp, brass");
  });

  test("archiving keeps the product, hides it as archived, is logged once", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const product = await createProduct(store.id, { title: "Mug" });
    expect(await archiveProduct(actor, product.id)).toEqual({ ok: true, value: { alreadyArchived: false } });
    expect(await archiveProduct(actor, product.id)).toEqual({ ok: true, value: { alreadyArchived: true } });
    expect((await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("ARCHIVED");
    expect(await activity(store.id, "product.archived")).toMatchObject([{ subject: "Mug", details: { from: "ACTIVE" } }]);
  });

  test("setting the status to Archived in the form is logged as an archive", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const product = await createProduct(store.id, { title: "Vase" });
    await updateProduct(actor, product.id, input({ title: "Vase", status: "ARCHIVED" }));
    expect(await activity(store.id, "product.archived")).toHaveLength(1);
  });

  test("another store's product cannot be read, edited or archived", async () => {
    const { store, owner } = await createStore();
    const other = await createStore();
    const foreign = await createProduct(other.store.id, { title: "Not yours" });
    const actor = await actorOf(owner, store.id);
    expect(await getProduct(actor, foreign.id)).toBeNull();
    expect(await updateProduct(actor, foreign.id, input())).toMatchObject({ ok: false, kind: "notFound" });
    expect(await archiveProduct(actor, foreign.id)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await t.db.product.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ title: "Not yours", status: "ACTIVE" });
  });

  test("products:view cannot write, even by calling the service", async () => {
    const { store } = await createStore();
    const { actor } = await staffActor(store.id, ["products_view"]);
    await expect(createProductService(actor, input())).rejects.toThrow(/may not manage products/);
    expect(await t.db.product.count({ where: { storeId: store.id } })).toBe(0);
  });
});

describe("the product form", () => {
  const posted = (fields: Record<string, string>) => parseSubmission(new URLSearchParams(fields), productSchema);

  test("reads prices written the English or the French way", () => {
    const parsed = posted({ title: " Spoon ", price: "1 490,5", inventory: "", status: "DRAFT" });
    if (parsed.status !== "success") throw new Error("refused");
    expect(parsed.value).toEqual({ title: "Spoon", description: "", price: 149050, inventory: 0, sku: "", status: "DRAFT" });
  });

  test("says what is wrong with each field, the too-long message with its limit", () => {
    const parsed = posted({ title: "x".repeat(256), price: "-3", inventory: "many", status: "SOLD" });
    expect(parsed.status).toBe("error");
    expect(errorsOf(parsed.reply())).toEqual({
      title: "errors.tooLong",
      price: "sections.products.errors.price",
      inventory: "sections.products.errors.inventory",
      status: "sections.products.errors.status",
    });
    expect(parsed.reply().error?.title).toEqual([message("errors.tooLong", { max: 255 })]);
  });
});
