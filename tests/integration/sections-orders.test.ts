import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createStaff, createStore, createUser } from "../helpers/factories";
import { activity, actorOf, collaboratorActor, createCustomer, createOrder, staffActor } from "../helpers/sections-factories";
import { addOrderNote, changeOrderStatus, getOrder, listOrders } from "~/services/orders.server";
import { parseListQuery, PAGE_SIZE } from "~/domain/section-list";
import { ORDER_STATUSES, parseNotes } from "~/domain/orders";
import { message } from "~/i18n/messages";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const query = (search = "") => parseListQuery(new URLSearchParams(search), ORDER_STATUSES);

describe("orders list", () => {
  test("newest first, 25 a page, cursors forward and back without gaps or repeats, even within one millisecond", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const base = Date.UTC(2026, 10, 1);
    // 60 orders, in pairs sharing the same createdAt to exercise the id tie-break.
    for (let i = 0; i < 60; i++) await createOrder(store.id, { number: 1000 + i, createdAt: new Date(base + Math.floor(i / 2) * 60_000) });
    const seen: number[] = [];
    let page = await listOrders(actor, query());
    const pages = [page];
    while (page.pageInfo.hasNext) {
      page = await listOrders(actor, query(`after=${page.pageInfo.endCursor}`));
      pages.push(page);
    }
    for (const p of pages) seen.push(...p.items.map((o) => o.number));
    expect(pages.map((p) => p.items.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 10]);
    expect(new Set(seen).size).toBe(60);
    const times = pages.flatMap((p) => p.items.map((o) => o.createdAt.getTime()));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(pages[0].pageInfo.hasPrevious).toBe(false);
    expect(pages[2].pageInfo.hasPrevious).toBe(true);

    // Going back from the last page gives exactly the second page again.
    const back = await listOrders(actor, query(`before=${pages[2].pageInfo.startCursor}`));
    expect(back.items.map((o) => o.id)).toEqual(pages[1].items.map((o) => o.id));
    expect(back.pageInfo).toMatchObject({ hasNext: true, hasPrevious: true });
    const first = await listOrders(actor, query(`before=${back.pageInfo.startCursor}`));
    expect(first.items.map((o) => o.id)).toEqual(pages[0].items.map((o) => o.id));
    expect(first.pageInfo.hasPrevious).toBe(false);
  });

  test("a malformed cursor or status shows the first page instead of failing", async () => {
    const { store, owner } = await createStore();
    await createOrder(store.id);
    const actor = await actorOf(owner, store.id);
    const page = await listOrders(actor, query("after=garbage&status=NOPE&before=1_2"));
    expect(page.items).toHaveLength(1);
  });

  test("filter by status and search by number, customer name or email", async () => {
    const { store, owner } = await createStore();
    const alice = await createCustomer(store.id, { firstName: "Alice", lastName: "Martin", email: "alice@example.test" });
    const bruno = await createCustomer(store.id, { firstName: "Bruno", lastName: "Dubois", email: "bruno@shop.test" });
    await createOrder(store.id, { number: 1001, customerId: alice.id, status: "OPEN" });
    await createOrder(store.id, { number: 1002, customerId: bruno.id, status: "FULFILLED" });
    await createOrder(store.id, { number: 1003, customerId: alice.id, status: "FULFILLED" });
    await createOrder(store.id, { number: 1004, customerId: null, status: "CANCELLED" });
    const actor = await actorOf(owner, store.id);
    const numbers = async (search: string) => (await listOrders(actor, query(search))).items.map((o) => o.number).sort();
    expect(await numbers("status=fulfilled")).toEqual([1002, 1003]);
    expect(await numbers("q=%231002")).toEqual([1002]);
    expect(await numbers("q=1003")).toEqual([1003]);
    expect(await numbers("q=ALICE")).toEqual([1001, 1003]);
    expect(await numbers("q=alice+martin&status=OPEN")).toEqual([1001]);
    expect(await numbers("q=shop.test")).toEqual([1002]);
    expect(await numbers("q=nobody")).toEqual([]);
  });

  test("another store's orders never appear, and opening one by id is a not-found", async () => {
    const { store, owner } = await createStore();
    const other = await createStore();
    const foreign = await createOrder(other.store.id, { number: 1 });
    const actor = await actorOf(owner, store.id);
    expect((await listOrders(actor, query())).items).toEqual([]);
    expect(await getOrder(actor, foreign.id)).toBeNull();
    expect(await getOrder(actor, "not-a-uuid")).toBeNull();
    expect(await changeOrderStatus(actor, foreign.id, { status: "FULFILLED", from: "OPEN" })).toMatchObject({ ok: false, kind: "notFound" });
    expect(await addOrderNote(actor, foreign.id, { note: "hello" })).toMatchObject({ ok: false, kind: "notFound" });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("OPEN");
    expect(await activity(store.id, "order.status_changed")).toEqual([]);
  });
});

describe("changing an order's status", () => {
  test("allowed transitions are written and logged; others are refused with the current status", async () => {
    const { store } = await createStore();
    const { user, actor } = await staffActor(store.id, ["orders_manage"]);
    const order = await createOrder(store.id, { number: 1234 });
    expect(await changeOrderStatus(actor, order.id, { status: "FULFILLED", from: "OPEN" })).toEqual({ ok: true, value: { status: "FULFILLED" } });
    expect(await changeOrderStatus(actor, order.id, { status: "CANCELLED", from: "FULFILLED" })).toEqual({
      ok: false,
      kind: "invalid",
      errors: { status: message("sections.orders.errors.transition", { status: "FULFILLED" }) },
    });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("FULFILLED");
    const log = await activity(store.id, "order.status_changed");
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorUserId: user.id, actorKind: "staff", subject: "#1234", details: { from: "OPEN", to: "FULFILLED" } });
  });

  test("a status changed by someone else meanwhile is reported, not overwritten", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const order = await createOrder(store.id);
    await changeOrderStatus(actor, order.id, { status: "CANCELLED", from: "OPEN" });
    const stale = await changeOrderStatus(actor, order.id, { status: "FULFILLED", from: "OPEN" });
    expect(stale).toEqual({ ok: false, kind: "conflict", errors: { status: message("sections.orders.errors.changedMeanwhile", { status: "CANCELLED" }) } });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
  });

  test("fulfilling and cancelling sent together leave exactly one outcome, whichever runs first", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const order = await createOrder(store.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => changeOrderStatus(actor, order.id, { status: i % 2 ? "FULFILLED" : "CANCELLED", from: "OPEN" })),
    );
    const winners = results.flatMap((r) => (r.ok ? [r.value.status] : []));
    expect(winners).toHaveLength(1);
    const final = await t.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(final.status).toBe(winners[0]);
    expect(await activity(store.id, "order.status_changed")).toHaveLength(1);
  });

  test("a collaborator's change is logged with their organization, and their notes are signed with it", async () => {
    const { store } = await createStore();
    const { user, actor } = await collaboratorActor(store.id, ["orders_manage"], "Bluebird Test Studio");
    const order = await createOrder(store.id, { number: 4321 });
    expect((await changeOrderStatus(actor, order.id, { status: "FULFILLED", from: "OPEN" })).ok).toBe(true);
    expect(await addOrderNote(actor, order.id, { note: "Packed by the agency" })).toEqual({ ok: true, value: undefined });
    const [entry] = await activity(store.id, "order.status_changed");
    expect(entry).toMatchObject({ actorUserId: user.id, actorKind: "collaborator", details: { organization: "Bluebird Test Studio" } });
    const { note } = await t.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(parseNotes(note).entries[0].author).toBe("Nadia Okafor (Bluebird Test Studio)");
  });

  test("view-only people cannot reach the write (the service refuses as a last line)", async () => {
    const { store } = await createStore();
    const { actor } = await staffActor(store.id, ["orders_view"]);
    const order = await createOrder(store.id);
    await expect(changeOrderStatus(actor, order.id, { status: "FULFILLED", from: "OPEN" })).rejects.toThrow(/may not manage orders/);
    await expect(addOrderNote(actor, order.id, { note: "x" })).rejects.toThrow(/may not manage orders/);
  });
});

describe("order notes", () => {
  test("notes are appended under their author and time, after any earlier text", async () => {
    const { store } = await createStore();
    const sam = await createUser({ firstName: "Sam", lastName: "Tremblay" });
    await createStaff(store.id, sam, ["orders_manage"]);
    const actor = await actorOf(sam, store.id);
    const order = await createOrder(store.id, { note: "Gift wrap please", number: 77 });
    expect(await addOrderNote(actor, order.id, { note: "Called the customer." }, new Date("2026-11-20T10:00:00Z"))).toMatchObject({ ok: true });
    expect(await addOrderNote(actor, order.id, { note: "Shipped\nwith tracking 123" }, new Date("2026-11-21T10:00:00Z"))).toMatchObject({ ok: true });
    const { note } = await t.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(parseNotes(note)).toEqual({
      preamble: "Gift wrap please",
      entries: [
        { at: "2026-11-20T10:00:00.000Z", author: "Sam Tremblay", text: "Called the customer." },
        { at: "2026-11-21T10:00:00.000Z", author: "Sam Tremblay", text: "Shipped\nwith tracking 123" },
      ],
    });
    const log = await activity(store.id, "order.note_added");
    expect(log.map((entry) => entry.subject)).toEqual(["#77", "#77"]);
  });

  test("notes added together are all kept", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const order = await createOrder(store.id);
    await Promise.all(Array.from({ length: 8 }, (_, i) => addOrderNote(actor, order.id, { note: `note ${i}` })));
    const { note } = await t.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(parseNotes(note).entries.map((e) => e.text).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `note ${i}`));
  });

  test("an order full of notes refuses more, with a field error", async () => {
    const { store, owner } = await createStore();
    const actor = await actorOf(owner, store.id);
    const order = await createOrder(store.id, { note: "x".repeat(19_950) });
    expect(await addOrderNote(actor, order.id, { note: "one more thing to say" })).toEqual({ ok: false, kind: "invalid", errors: { note: "sections.orders.errors.notesFull" } });
  });
});
