import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createStore } from "../helpers/factories";
import { activity, actorOf, createCustomer, createOrder, staffActor } from "../helpers/sections-factories";
import { createCustomer as createCustomerService, deleteCustomer, getCustomer, listCustomers, updateCustomer } from "~/services/customers.server";
import { exportCustomers, importCustomers } from "~/services/customers-csv.server";
import { parseListQuery } from "~/domain/section-list";
import { readCustomerCsv } from "~/domain/customers-csv";
import { csvStream } from "~/lib/csv.server";
import type { CustomerInput } from "~/domain/customers";
import { decodeMessage, message } from "~/i18n/messages";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const query = (search = "") => parseListQuery(new URLSearchParams(search), ["SUBSCRIBED"] as const);
const input = (overrides: Partial<CustomerInput> = {}): CustomerInput => ({
  firstName: "Inès",
  lastName: "Leroy",
  email: "ines@example.test",
  phone: "+33 6 12 34 56 78",
  company: "",
  city: "Nantes",
  country: "FR",
  note: "",
  acceptsMarketing: true,
  ...overrides,
});
const file = (content: string, name = "customers.csv") => ({ name, content, size: Buffer.byteLength(content) });
/** The export as the download writes it (lib/csv.server.ts). */
const written = async (exported: Awaited<ReturnType<typeof exportCustomers>>) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(csvStream(exported.header, exported.rows)).arrayBuffer());
/** Each field's message key, without its parameters. */
const keysOf = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([field, encoded]) => [field, decodeMessage(encoded).key]));

describe("customers list", () => {
  test("searches name, email and city; filters subscribers; stays inside the store", async () => {
    const { store, owner } = await createStore();
    const other = await createStore();
    await createCustomer(store.id, { firstName: "Alice", lastName: "Martin", email: "alice@a.test", city: "Paris", acceptsMarketing: true });
    await createCustomer(store.id, { firstName: "Bruno", lastName: "Petit", email: "bp@b.test", city: "Montréal" });
    await createCustomer(other.store.id, { firstName: "Alice", lastName: "Elsewhere", email: "alice@else.test" });
    const actor = await actorOf(owner, store.id);
    const names = async (search: string) => (await listCustomers(actor, query(search))).items.map((c) => c.firstName).sort();
    expect(await names("")).toEqual(["Alice", "Bruno"]);
    expect(await names("q=alice")).toEqual(["Alice"]);
    expect(await names("q=B.TEST")).toEqual(["Bruno"]);
    expect(await names("q=montréal")).toEqual(["Bruno"]);
    expect(await names("q=bruno+paris")).toEqual([]);
    expect(await names("status=subscribed")).toEqual(["Alice"]);
  });

  test("a customer page shows their orders, count and spending (cancelled and refunded excluded)", async () => {
    const { store, owner } = await createStore();
    const customer = await createCustomer(store.id);
    await createOrder(store.id, { customerId: customer.id, totalCents: 1000, status: "FULFILLED" });
    await createOrder(store.id, { customerId: customer.id, totalCents: 500, status: "REFUNDED" });
    await createOrder(store.id, { customerId: customer.id, totalCents: 700, status: "OPEN" });
    const found = await getCustomer(await actorOf(owner, store.id), customer.id);
    expect(found).toMatchObject({ orderCount: 3, spentCents: 1700 });
    expect(found?.orders).toHaveLength(3);
  });
});

describe("creating, editing and deleting customers", () => {
  test("create, then edit with a log of the changed fields", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const created = await createCustomerService(actor, input());
    if (!created.ok) throw new Error("create failed");
    expect(await updateCustomer(actor, created.value.customerId, input({ city: "Lille", acceptsMarketing: false }))).toEqual({ ok: true, value: { changed: ["city", "acceptsMarketing"] } });
    expect(await t.db.customer.findUniqueOrThrow({ where: { id: created.value.customerId } })).toMatchObject({ city: "Lille", acceptsMarketing: false });
    expect((await activity(store.id, "customer.created")).map((e) => e.subject)).toEqual(["ines@example.test"]);
    expect(await activity(store.id, "customer.updated")).toMatchObject([{ subject: "ines@example.test", details: { changed: ["city", "acceptsMarketing"] } }]);
  });

  test("an email already used by another customer of the store is a field error; other stores do not count", async () => {
    const { store, owner } = await createStore();
    const other = await createStore();
    await createCustomer(other.store.id, { email: "same@example.test" });
    const actor = await actorOf(owner, store.id);
    expect((await createCustomerService(actor, input({ email: "same@example.test" }))).ok).toBe(true);
    const second = await createCustomerService(actor, input({ email: "same@example.test" }));
    expect(second).toEqual({ ok: false, kind: "conflict", errors: { email: "sections.customers.errors.emailTaken" } });
    const third = await createCustomerService(actor, input({ email: "third@example.test" }));
    if (!third.ok) throw new Error("create failed");
    expect(await updateCustomer(actor, third.value.customerId, input({ email: "same@example.test" }))).toEqual(second);
  });

  test("six creations of the same customer sent together: one customer, a clear error for each of the others", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const results = await Promise.all(Array.from({ length: 6 }, () => createCustomerService(actor, input({ email: "race@example.test" }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(5).fill({ ok: false, kind: "conflict", errors: { email: "sections.customers.errors.emailTaken" } }));
    expect(await t.db.customer.count({ where: { storeId: store.id, email: "race@example.test" } })).toBe(1);
  });

  test("deleting keeps the orders without a customer, and is logged", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const customer = await createCustomer(store.id, { email: "gone@example.test" });
    const order = await createOrder(store.id, { customerId: customer.id });
    expect(await deleteCustomer(actor, customer.id)).toEqual({ ok: true, value: { email: "gone@example.test" } });
    expect(await deleteCustomer(actor, customer.id)).toMatchObject({ ok: false, kind: "notFound" });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).customerId).toBeNull();
    expect((await activity(store.id, "customer.deleted")).map((e) => e.subject)).toEqual(["gone@example.test"]);
  });

  test("another store's customer is out of reach", async () => {
    const { store, owner } = await createStore();
    const other = await createStore();
    const foreign = await createCustomer(other.store.id);
    const actor = await actorOf(owner, store.id);
    expect(await getCustomer(actor, foreign.id)).toBeNull();
    expect(await updateCustomer(actor, foreign.id, input())).toMatchObject({ ok: false, kind: "notFound" });
    expect(await deleteCustomer(actor, foreign.id)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await t.db.customer.count({ where: { id: foreign.id } })).toBe(1);
  });

  test("customers:view cannot write, import or export", async () => {
    const { store } = await createStore();
    const { actor } = await staffActor(store.id, ["customers_view"]);
    await expect(createCustomerService(actor, input())).rejects.toThrow(/may not manage customers/);
    await expect(importCustomers(actor, file("Firstname,Lastname,E-mail\nA,B,a@b.test\n"))).rejects.toThrow(/may not manage customers/);
    await expect(exportCustomers(actor)).rejects.toThrow(/may not manage customers/);
  });
});

describe("CSV import", () => {
  test("valid rows are imported, bad rows reported with their row number and reason, nothing of them written", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const csv = [
      "Firstname,Lastname,E-mail,City,Accepts marketing,Loyalty tier",
      "Ana,Lima,ANA@example.test,Lisboa,yes,gold",
      ",Nobody,nobody@example.test,,,",
      "Ben,Okafor,not-an-email,Lagos,no,",
      'Chloé,"Dubois, Jr",chloe@example.test,"Lyon",Oui,',
      "Dan,Twice,ana@example.test,,,",
      "Eve,Odd,eve@example.test,,perhaps,",
    ].join("\r\n");
    const result = await importCustomers(actor, file(csv, "clients.csv"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { rows, ...counts } = result.value;
    expect(counts).toEqual({ fileName: "clients.csv", created: 2, updated: 0, failed: 4, ignoredColumns: ["Loyalty tier"] });
    expect(rows.map((row) => ({ ...row, errors: keysOf(row.errors) }))).toEqual([
      { row: 3, email: "nobody@example.test", errors: { firstName: "errors.required" } },
      { row: 4, email: "not-an-email", errors: { email: "errors.email.invalid" } },
      { row: 6, email: "ana@example.test", errors: { email: "sections.customers.import.errors.duplicateInFile" } },
      { row: 7, email: "eve@example.test", errors: { acceptsMarketing: "sections.customers.errors.acceptsMarketing" } },
    ]);
    // A repeated email names the row where it first appears.
    expect(rows[2].errors.email).toBe(message("sections.customers.import.errors.duplicateInFile", { row: 2 }));
    const customers = await t.db.customer.findMany({ where: { storeId: store.id }, orderBy: { email: "asc" } });
    expect(customers.map((c) => [c.firstName, c.lastName, c.email, c.city, c.acceptsMarketing])).toEqual([
      ["Ana", "Lima", "ana@example.test", "Lisboa", true],
      ["Chloé", "Dubois, Jr", "chloe@example.test", "Lyon", true],
    ]);
    expect(await activity(store.id, "customer.imported")).toMatchObject([{ subject: "clients.csv", details: { created: 2, updated: 0, failed: 4 } }]);
  });

  test("an existing email updates that customer, only in the file's columns", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const existing = await createCustomer(store.id, { firstName: "Old", lastName: "Name", email: "keep@example.test", city: "Paris", note: "VIP", acceptsMarketing: true });
    const result = await importCustomers(actor, file("firstname;lastname;email;city\nNew;Name;KEEP@example.test;Lyon\n"));
    expect(result).toMatchObject({ ok: true, value: { created: 0, updated: 1, failed: 0 } });
    expect(await t.db.customer.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ firstName: "New", city: "Lyon", note: "VIP", acceptsMarketing: true });
  });

  test("a file without the required columns imports nothing and says which are missing", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    expect(await importCustomers(actor, file("Name,Email\nAna,ana@example.test\n"))).toEqual({
      ok: false,
      kind: "invalid",
      errors: { file: message("sections.customers.import.errors.missingColumns", { columns: "Firstname, Lastname" }) },
    });
    expect(await importCustomers(actor, file(""))).toEqual({ ok: false, kind: "invalid", errors: { file: "sections.customers.import.errors.empty" } });
    expect(await t.db.customer.count({ where: { storeId: store.id } })).toBe(0);
    expect(await activity(store.id, "customer.imported")).toEqual([]);
  });

  test("an export imports back unchanged (a usable backup), and is logged", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    await createCustomerService(actor, input({ email: "a@example.test", note: 'Line one\nLine "two", three', company: "=HYPERLINK(\"x\")" }));
    await createCustomerService(actor, input({ email: "b@example.test", firstName: "Zoé", phone: "", acceptsMarketing: false }));
    const exported = await exportCustomers(actor, new Date("2026-11-23T12:00:00Z"));
    expect(exported.fileName).toBe("customers-2026-11-23.csv");
    expect(exported.count).toBe(2);
    const csv = await written(exported);
    expect(csv.startsWith("\uFEFFFirstname,Lastname,E-mail,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const before = await t.db.customer.findMany({ where: { storeId: store.id }, orderBy: { email: "asc" } });
    const reimported = await importCustomers(actor, file(csv));
    expect(reimported).toMatchObject({ ok: true, value: { created: 0, updated: 2, failed: 0 } });
    expect(await t.db.customer.findMany({ where: { storeId: store.id }, orderBy: { email: "asc" } })).toEqual(before);
    expect(await activity(store.id, "customer.exported")).toMatchObject([{ subject: "customers-2026-11-23.csv", details: { count: 2 } }]);
  });

  test("an export of more than one batch has every customer once", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const rows = Array.from({ length: 1203 }, (_, i) => `P${i},Q,p${i}@example.test`);
    const imported = await importCustomers(actor, file(["Firstname,Lastname,E-mail", ...rows].join("\n")));
    expect(imported).toMatchObject({ ok: true, value: { created: 1203 } });
    const exported = await exportCustomers(actor);
    const parsed = readCustomerCsv(await written(exported));
    if (!parsed.ok) throw new Error("export unreadable");
    expect(new Set(parsed.rows.map((r) => r.email)).size).toBe(1203);
  });

  test("three imports of overlapping files sent together: each customer once, no error", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const make = (from: number, to: number) => ["Firstname,Lastname,E-mail", ...Array.from({ length: to - from }, (_, i) => `F${from + i},L,c${from + i}@example.test`)].join("\n");
    const results = await Promise.all([importCustomers(actor, file(make(0, 60))), importCustomers(actor, file(make(30, 90))), importCustomers(actor, file(make(10, 70)))]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await t.db.customer.count({ where: { storeId: store.id } })).toBe(90);
    const totals = results.map((r) => (r.ok ? r.value.created + r.value.updated : 0));
    expect(totals).toEqual([60, 60, 60]);
  });
});
