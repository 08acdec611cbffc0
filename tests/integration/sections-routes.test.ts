// The guards of the Orders, Products and Customers pages, exercised through the route modules themselves
// with a real session cookie: view-only people get a 403 on every write, another store's ids a 404.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createStaff, createStore, createUser } from "../helpers/factories";
import { createCustomer, createOrder, createProduct } from "../helpers/sections-factories";
import { inTransaction } from "~/lib/transaction.server";
import { startSession } from "~/services/sessions.server";
import { sessionCookieName } from "~/lib/cookies.server";
import * as orderPage from "~/routes/store.$storeId.orders.$orderId";
import * as ordersPage from "~/routes/store.$storeId.orders._index";
import * as productPage from "~/routes/store.$storeId.products.$productId";
import * as newProductPage from "~/routes/store.$storeId.products.new";
import * as customerPage from "~/routes/store.$storeId.customers.$customerId";
import * as importPage from "~/routes/store.$storeId.customers.import";
import * as exportRoute from "~/routes/store.$storeId.customers.export";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function cookieFor(user: { id: string }) {
  const { token } = await inTransaction((tx) => startSession(tx, user.id, {}));
  return `${sessionCookieName()}=${token}`;
}

function request(cookie: string, path: string, form?: Record<string, string> | FormData) {
  const url = `http://localhost${path}`;
  if (!form) return new Request(url, { headers: { cookie } });
  const body = form instanceof FormData ? form : new URLSearchParams(form);
  return new Request(url, { method: "POST", headers: { cookie }, body });
}

/** The HTTP status a loader or action answered with, whether it returned or threw. */
async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    if (result instanceof Response) return result.status;
    const init = (result as { init?: { status?: number } } | undefined)?.init;
    return init?.status ?? 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    const init = (thrown as { init?: { status?: number } }).init;
    if (init?.status) return init.status;
    throw thrown;
  }
}

const args = (req: Request, params: Record<string, string>) => ({ request: req, params, context: {} });

describe("view-only staff", () => {
  test("see the pages but every write is refused with 403 and changes nothing", async () => {
    const { store } = await createStore();
    const viewer = await createUser();
    await createStaff(store.id, viewer, ["orders_view", "products_view", "customers_view"]);
    const cookie = await cookieFor(viewer);
    const order = await createOrder(store.id);
    const product = await createProduct(store.id, { title: "Teapot" });
    const customer = await createCustomer(store.id);
    const s = store.id;

    expect(await statusOf(() => orderPage.loader(args(request(cookie, `/store/${s}/orders/${order.id}`), { storeId: s, orderId: order.id })))).toBe(200);
    const loaded = (await productPage.loader(args(request(cookie, `/store/${s}/products/${product.id}`), { storeId: s, productId: product.id }))) as { canManage: boolean };
    expect(loaded.canManage).toBe(false);

    const writes: [string, () => Promise<unknown>][] = [
      ["order status", () => orderPage.action(args(request(cookie, `/store/${s}/orders/${order.id}`, { intent: "status", status: "FULFILLED", from: "OPEN" }), { storeId: s, orderId: order.id }))],
      ["order note", () => orderPage.action(args(request(cookie, `/store/${s}/orders/${order.id}`, { intent: "note", note: "hi" }), { storeId: s, orderId: order.id }))],
      ["product archive", () => productPage.action(args(request(cookie, `/store/${s}/products/${product.id}`, { intent: "archive" }), { storeId: s, productId: product.id }))],
      ["product create", () => newProductPage.action(args(request(cookie, `/store/${s}/products/new`, { title: "x", price: "1", status: "ACTIVE" }), { storeId: s }))],
      ["customer delete", () => customerPage.action(args(request(cookie, `/store/${s}/customers/${customer.id}`, { intent: "delete" }), { storeId: s, customerId: customer.id }))],
      ["customer export", () => exportRoute.action(args(request(cookie, `/store/${s}/customers/export`, {}), { storeId: s }))],
      ["import page", () => importPage.loader(args(request(cookie, `/store/${s}/customers/import`), { storeId: s }))],
      ["new product page", () => newProductPage.loader(args(request(cookie, `/store/${s}/products/new`), { storeId: s }))],
    ];
    for (const [name, write] of writes) expect([name, await statusOf(write)]).toEqual([name, 403]);

    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("OPEN");
    expect((await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("ACTIVE");
    expect(await t.db.customer.count({ where: { id: customer.id } })).toBe(1);
    expect(await t.db.product.count({ where: { storeId: s } })).toBe(1);
    expect(await t.db.activityLog.count({ where: { storeId: s, action: { startsWith: "order." } } })).toBe(0);
  });

  test("without the section at all, even the list is a 403", async () => {
    const { store } = await createStore();
    const viewer = await createUser();
    await createStaff(store.id, viewer, ["home_view"]);
    const cookie = await cookieFor(viewer);
    expect(await statusOf(() => ordersPage.loader(args(request(cookie, `/store/${store.id}/orders`), { storeId: store.id })))).toBe(403);
  });
});

describe("ids from another store", () => {
  test("are a 404 for pages and actions, and nothing of the other store changes", async () => {
    const { store, owner } = await createStore();
    const other = await createStore();
    const cookie = await cookieFor(owner);
    const order = await createOrder(other.store.id);
    const product = await createProduct(other.store.id);
    const customer = await createCustomer(other.store.id);
    const s = store.id;
    const attempts: [string, () => Promise<unknown>][] = [
      ["order page", () => orderPage.loader(args(request(cookie, `/store/${s}/orders/${order.id}`), { storeId: s, orderId: order.id }))],
      ["order status", () => orderPage.action(args(request(cookie, `/store/${s}/orders/${order.id}`, { intent: "status", status: "FULFILLED", from: "OPEN" }), { storeId: s, orderId: order.id }))],
      ["order note", () => orderPage.action(args(request(cookie, `/store/${s}/orders/${order.id}`, { intent: "note", note: "hello" }), { storeId: s, orderId: order.id }))],
      ["product page", () => productPage.loader(args(request(cookie, `/store/${s}/products/${product.id}`), { storeId: s, productId: product.id }))],
      ["product save", () => productPage.action(args(request(cookie, `/store/${s}/products/${product.id}`, { intent: "save", title: "Stolen", price: "1", status: "ACTIVE" }), { storeId: s, productId: product.id }))],
      ["product archive", () => productPage.action(args(request(cookie, `/store/${s}/products/${product.id}`, { intent: "archive" }), { storeId: s, productId: product.id }))],
      ["customer page", () => customerPage.loader(args(request(cookie, `/store/${s}/customers/${customer.id}`), { storeId: s, customerId: customer.id }))],
      ["customer save", () => customerPage.action(args(request(cookie, `/store/${s}/customers/${customer.id}`, { intent: "save", firstName: "A", lastName: "B", email: "a@b.test" }), { storeId: s, customerId: customer.id }))],
      ["customer delete", () => customerPage.action(args(request(cookie, `/store/${s}/customers/${customer.id}`, { intent: "delete" }), { storeId: s, customerId: customer.id }))],
      ["malformed id", () => orderPage.loader(args(request(cookie, `/store/${s}/orders/nope`), { storeId: s, orderId: "nope" }))],
    ];
    for (const [name, attempt] of attempts) expect([name, await statusOf(attempt)]).toEqual([name, 404]);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("OPEN");
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).note).toBe("");
    expect((await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).title).toBe(product.title);
    expect(await t.db.customer.count({ where: { id: customer.id } })).toBe(1);
  });
});

describe("answers people rely on", () => {
  test("a status change redirects back to the order with a toast; a stale one is a 409", async () => {
    const { store, owner } = await createStore();
    const cookie = await cookieFor(owner);
    const order = await createOrder(store.id);
    const params = { storeId: store.id, orderId: order.id };
    const done = (await orderPage.action(args(request(cookie, `/store/${store.id}/orders/${order.id}`, { intent: "status", status: "FULFILLED", from: "OPEN" }), params))) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/store/${store.id}/orders/${order.id}?toast=orderStatusChanged`);
    expect(await statusOf(() => orderPage.action(args(request(cookie, `/store/${store.id}/orders/${order.id}`, { intent: "status", status: "CANCELLED", from: "OPEN" }), params)))).toBe(409);
    expect(await statusOf(() => orderPage.action(args(request(cookie, `/store/${store.id}/orders/${order.id}`, { intent: "status", status: "SHIPPED", from: "FULFILLED" }), params)))).toBe(400);
  });

  test("bad product input is a 400 with field errors, never a 500", async () => {
    const { store, owner } = await createStore();
    const cookie = await cookieFor(owner);
    const result = (await newProductPage.action(args(request(cookie, `/store/${store.id}/products/new`, { title: "", price: "abc", inventory: "1.5", status: "ACTIVE" }), { storeId: store.id }))) as {
      data: { errors: Record<string, string> };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.errors).toEqual({ title: "errors.required", price: "sections.products.errors.price", inventory: "sections.products.errors.inventory" });
    expect(await t.db.product.count({ where: { storeId: store.id } })).toBe(0);
  });

  test("the export is a CSV download with the import's columns", async () => {
    const { store, owner } = await createStore();
    const cookie = await cookieFor(owner);
    await createCustomer(store.id, { firstName: "Zoé", lastName: "Durand", email: "zoe@example.test", city: "Québec" });
    const response = (await exportRoute.action(args(request(cookie, `/store/${store.id}/customers/export`, {}), { storeId: store.id }))) as Response;
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte-order mark first, so spreadsheets keep the accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("Firstname,Lastname,E-mail,")).toBe(true);
    expect(text).toContain("Zoé,Durand,zoe@example.test");
  });

  test("an upload goes through the import page and comes back as a report", async () => {
    const { store, owner } = await createStore();
    const cookie = await cookieFor(owner);
    const form = new FormData();
    form.set("file", new File(["Firstname,Lastname,E-mail\nAna,Lima,ana@example.test\nBad,Row,not-an-email\n"], "clients.csv", { type: "text/csv" }));
    const result = (await importPage.action(args(request(cookie, `/store/${store.id}/customers/import`, form), { storeId: store.id }))) as {
      data: { report: { created: number; failed: number; rows: { row: number }[] } };
    };
    expect(result.data.report).toMatchObject({ created: 1, failed: 1, rows: [{ row: 3 }] });
    const empty = new FormData();
    expect(await statusOf(() => importPage.action(args(request(cookie, `/store/${store.id}/customers/import`, empty), { storeId: store.id })))).toBe(400);
  });
});
