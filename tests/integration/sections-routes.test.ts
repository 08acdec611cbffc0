// The guards of the Orders, Products and Customers pages, exercised through the route modules themselves
// with a real session cookie: view-only people get a 403 on every write, another store's ids a 404.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createStaff, createStore, createUser } from "../helpers/factories";
import { cookieFor, createCustomer, createOrder, createProduct } from "../helpers/sections-factories";
import * as orderPage from "~/routes/store.$storeId.orders.$orderId";
import * as ordersPage from "~/routes/store.$storeId.orders._index";
import * as productPage from "~/routes/store.$storeId.products.$productId";
import * as newProductPage from "~/routes/store.$storeId.products.new";
import * as customerPage from "~/routes/store.$storeId.customers.$customerId";
import * as importPage from "~/routes/store.$storeId.customers.import";
import * as exportRoute from "~/routes/store.$storeId.customers.export";
import { IMPORT_MAX_BYTES } from "~/domain/customers-csv";
import { errorsOf, outcome, routeArgs, toastOf } from "../helpers/routes";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

function request(cookie: string, path: string, form?: Record<string, string> | FormData) {
  const url = `http://localhost${path}`;
  if (!form) return new Request(url, { headers: { cookie } });
  const body = form instanceof FormData ? form : new URLSearchParams(form);
  return new Request(url, { method: "POST", headers: { cookie }, body });
}

/** The HTTP status a loader or action answered with, whether it returned or threw. */
const statusOf = async (run: () => Promise<unknown>) => (await outcome(run)).status;

const args = (req: Request, params: Record<string, string>) => routeArgs(req, params);

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
    const done = await outcome(orderPage.action(args(request(cookie, `/store/${store.id}/orders/${order.id}`, { intent: "status", status: "FULFILLED", from: "OPEN" }), params)));
    expect(done).toMatchObject({ status: 302, location: `/store/${store.id}/orders/${order.id}` });
    expect(await toastOf(cookie)).toEqual({ key: "sections.toast.orderStatusChanged" });
    const stale = await outcome(orderPage.action(args(request(cookie, `/store/${store.id}/orders/${order.id}`, { intent: "status", status: "CANCELLED", from: "OPEN" }), params)));
    expect(stale.status).toBe(409);
    expect(errorsOf(stale.body)).toEqual({ status: "sections.orders.errors.changedMeanwhile" });
    const unknown = await outcome(orderPage.action(args(request(cookie, `/store/${store.id}/orders/${order.id}`, { intent: "status", status: "SHIPPED", from: "FULFILLED" }), params)));
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown.body)).toEqual({ status: "sections.orders.errors.status" });
  });

  test("archiving, deleting and saving answer like the order page: a redirect with its toast, or the field's message", async () => {
    const { store, owner } = await createStore();
    const cookie = await cookieFor(owner);
    const s = store.id;
    const product = await createProduct(s);
    const archived = await outcome(productPage.action(args(request(cookie, `/store/${s}/products/${product.id}`, { intent: "archive" }), { storeId: s, productId: product.id })));
    expect(archived).toMatchObject({ status: 302, location: `/store/${s}/products/${product.id}` });
    expect(await toastOf(cookie)).toEqual({ key: "sections.toast.productArchived" });

    const customer = await createCustomer(s);
    const other = await createCustomer(s, { email: "taken@example.test" });
    const saveAs = (email: string) =>
      outcome(customerPage.action(args(request(cookie, `/store/${s}/customers/${customer.id}`, { intent: "save", firstName: "A", lastName: "B", email }), { storeId: s, customerId: customer.id })));
    const taken = await saveAs(other.email);
    expect(taken.status).toBe(409);
    expect(errorsOf(taken.body)).toEqual({ email: "sections.customers.errors.emailTaken" });
    expect(await saveAs("fresh@example.test")).toMatchObject({ status: 302, location: `/store/${s}/customers/${customer.id}` });
    expect(await toastOf(cookie)).toEqual({ key: "sections.toast.customerSaved" });

    const deleted = await outcome(customerPage.action(args(request(cookie, `/store/${s}/customers/${customer.id}`, { intent: "delete" }), { storeId: s, customerId: customer.id })));
    expect(deleted).toMatchObject({ status: 302, location: `/store/${s}/customers` });
    expect(await toastOf(cookie)).toEqual({ key: "sections.toast.customerDeleted" });
    expect(await t.db.customer.count({ where: { id: customer.id } })).toBe(0);
  });

  test("bad product input is a 400 with field errors, never a 500", async () => {
    const { store, owner } = await createStore();
    const cookie = await cookieFor(owner);
    const result = await outcome(newProductPage.action(args(request(cookie, `/store/${store.id}/products/new`, { title: "", price: "abc", inventory: "1.5", status: "ACTIVE" }), { storeId: store.id })));
    expect(result.status).toBe(400);
    expect(errorsOf(result.body)).toEqual({ title: "errors.required", price: "sections.products.errors.price", inventory: "sections.products.errors.inventory" });
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
    const result = await outcome(importPage.action(args(request(cookie, `/store/${store.id}/customers/import`, form), { storeId: store.id })));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ report: { created: 1, failed: 1, rows: [{ row: 3 }] } });
    // What is wrong with the file itself comes back beside the file field.
    const upload = async (file?: File) => {
      const body = new FormData();
      if (file) body.set("file", file);
      return outcome(importPage.action(args(request(cookie, `/store/${store.id}/customers/import`, body), { storeId: store.id })));
    };
    const empty = await upload();
    expect(empty.status).toBe(400);
    expect(errorsOf(empty.body)).toEqual({ file: "sections.customers.import.errors.noFile" });
    const large = await upload(new File([new Uint8Array(IMPORT_MAX_BYTES + 1)], "big.csv", { type: "text/csv" }));
    expect(errorsOf(large.body)).toEqual({ file: "sections.customers.import.errors.tooLarge" });
    const noColumns = await upload(new File(["Name,Email\nAna,ana@example.test\n"], "wrong.csv", { type: "text/csv" }));
    expect(noColumns.status).toBe(400);
    expect(errorsOf(noColumns.body)).toEqual({ file: "sections.customers.import.errors.missingColumns" });
    expect(await t.db.customer.count({ where: { storeId: store.id } })).toBe(1);
  });
});
