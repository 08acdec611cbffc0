// The suites' own machinery, checked the way a unit test checks code: a known-bug marker passes only on
// the failure it names; the comparison of two runs catches a field that got through; the markup check
// catches a script someone typed; the schema reader finds fields behind transforms and in records; the
// change log puts back exactly what a write changed, the append-only log and its counters included.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { expectKnownBug, isExpectedFailure, settleKnownBug, type MarkerUse } from "./support/known-bug";
import { differences, type Change } from "./support/changes";
import { PAGE_NONCE, unsafeMarkup } from "./support/pages";
import { fieldsOf } from "./support/schema-fields";
import { changesSince, installChangeLog, mark, undo } from "./support/changes";
import { changedTables, fingerprint } from "./support/fingerprint";
import { createPerson, newOrganization, newRequest, newStore } from "./support/world";
import { approveRequestSchema, inviteStaffSchema } from "~/domain/staff";
import { accessRequestSchema } from "~/domain/access-request";

describe("known-bug markers", () => {
  const marker = { bug: "the export logs before the answer is known", fails: "refused (413) but wrote ActivityLog" };
  const uses: MarkerUse[] = [];
  const sink = (use: MarkerUse) => uses.push(use);

  test("the failure it names: reported, and the check passes", async () => {
    await expectKnownBug(marker, "self-test", () => {
      throw new Error("refused (413) but wrote ActivityLog, Session");
    }, sink);
    expect(uses).toEqual([expect.objectContaining({ bug: marker.bug, where: "self-test", failure: "refused (413) but wrote ActivityLog, Session" })]);
  });

  test("another failure: the check fails, saying the marker does not cover it", async () => {
    await expect(
      expectKnownBug(marker, "self-test", () => {
        throw new Error("answered 500");
      }, sink),
    ).rejects.toThrow(/not the way its known-bug marker expects[\s\S]*answered 500/);
  });

  test("no failure: the check fails, saying the bug is fixed and the marker must go", async () => {
    await expect(expectKnownBug(marker, "self-test", () => undefined, sink)).rejects.toThrow(/no longer fails: it is fixed, remove its marker/);
    expect(() => settleKnownBug(marker, "a matrix cell", null, sink)).toThrow(/no longer fails/);
  });

  test("a pattern names a failure too, and only what it matches", () => {
    const pattern = { bug: "b", fails: /expected 404, got 40[03]/ };
    expect(isExpectedFailure(pattern, "owner: expected 404, got 403")).toBe(true);
    expect(isExpectedFailure(pattern, "owner: expected 404, got 500")).toBe(false);
  });
});

describe("comparing what two runs wrote", () => {
  const storeId = "11111111-1111-4111-8111-111111111111";
  const otherStore = "22222222-2222-4222-8222-222222222222";
  const insert = (id: string, store: string, extra: Record<string, unknown> = {}): Change => ({
    table: "Product",
    op: "INSERT",
    row: { id, storeId: store, title: "Mug", createdAt: new Date().toISOString(), ...extra },
  });

  test("new ids, timestamps and tokens differ by nature: the same write", () => {
    const a = [insert("aaaaaaaa-0000-4000-8000-000000000001", storeId), { table: "Session", op: "UPDATE", row: { id: "f".repeat(64), flash: { id: "bbbbbbbb-0000-4000-8000-000000000001", message: "saved" } } } as Change];
    const b = [insert("aaaaaaaa-0000-4000-8000-000000000002", storeId), { table: "Session", op: "UPDATE", row: { id: "f".repeat(64), flash: { id: "bbbbbbbb-0000-4000-8000-000000000002", message: "saved" } } } as Change];
    expect(differences(a, b)).toEqual([]);
  });

  test("another store's id where the clean run wrote this store's: caught", () => {
    const a = [insert("aaaaaaaa-0000-4000-8000-000000000001", otherStore)];
    const b = [insert("aaaaaaaa-0000-4000-8000-000000000002", storeId)];
    expect(differences(a, b, [otherStore])).not.toEqual([]);
  });

  test("a column the form set (an owner flag, a status): caught", () => {
    const a = [insert("aaaaaaaa-0000-4000-8000-000000000001", storeId, { isOwner: true })];
    const b = [insert("aaaaaaaa-0000-4000-8000-000000000002", storeId, { isOwner: false })];
    expect(differences(a, b).join("\n")).toMatch(/isOwner":true/);
  });

  test("an extra row: caught", () => {
    const a = [insert("aaaaaaaa-0000-4000-8000-000000000001", storeId), { table: "StaffAccount", op: "UPDATE", row: { id: storeId, permissions: ["staff_manage"] } } as Change];
    const b = [insert("aaaaaaaa-0000-4000-8000-000000000002", storeId)];
    expect(differences(a, b)).toEqual([expect.stringMatching(/^only with the hostile fields: StaffAccount UPDATE/)]);
  });
});

describe("the markup check", () => {
  const page = (body: string) => `<html><head><script nonce="${PAGE_NONCE}">window.x=1</script></head><body>${body}</body></html>`;
  test("escaped text is safe", () => {
    expect(unsafeMarkup(page(`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">`), ['"><img src=x onerror=alert(1)>'])).toEqual([]);
  });
  test("a script without the nonce, a handler attribute, a javascript: link, raw markup from the form: each caught", () => {
    expect(unsafeMarkup(page("<script>alert(1)</script>"), [])).toEqual([expect.stringMatching(/without the page's nonce/)]);
    expect(unsafeMarkup(page('<img src=x onerror=alert(1)>'), [])).toEqual([expect.stringMatching(/event handler attribute/)]);
    expect(unsafeMarkup(page('<a href="javascript:alert(1)">x</a>'), [])).toEqual([expect.stringMatching(/javascript: URL/)]);
    expect(unsafeMarkup(page("<b>bold</b>"), ["<b>bold</b>"])).toEqual([expect.stringMatching(/raw markup from the form/)]);
  });
});

describe("the schema reader", () => {
  test("an object behind transforms and pipes", () => {
    const schema = z
      .object({ a: z.string().transform((s) => s.trim()).pipe(z.string().min(1)), b: z.string().optional(), file: z.instanceof(File) })
      .passthrough()
      .transform((v) => v);
    expect(fieldsOf(schema)).toEqual([
      { name: "a", kind: "text" },
      { name: "b", kind: "text" },
      { name: "file", kind: "file" },
    ]);
  });
  test("a form read as a record (the permission forms): its fields and the picker's sections, staff only where it is offered", () => {
    const names = (schema: z.ZodTypeAny) => fieldsOf(schema).map((f) => f.name);
    expect(names(inviteStaffSchema)).toEqual(["email", "firstName", "lastName", "perm.customers", "perm.home", "perm.orders", "perm.products", "perm.settings", "perm.staff"]);
    expect(names(approveRequestSchema)).toEqual(["perm.customers", "perm.home", "perm.orders", "perm.products", "perm.settings", "requestId"]);
    expect(names(accessRequestSchema)).toEqual(["code", "message", "perm.customers", "perm.home", "perm.orders", "perm.products", "perm.settings", "storeUrl"]);
  });
});

describe("the change log", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await installChangeLog(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  test("undo puts back exactly what a use case wrote: rows, counters kept by triggers, the append-only log", async () => {
    const owner = await createPerson("UndoOwner");
    const partner = await createPerson("UndoPartner");
    const store = await newStore(owner, "Undo Store");
    const organization = await newOrganization("Undo", [partner]);
    const before = await fingerprint(t.db);
    const at = await mark(t.db);
    await newRequest(partner, organization.id, store);
    const changes = await changesSince(t.db, at);
    expect(new Set(changes.map((c) => c.table))).toEqual(new Set(["CollaboratorRequest", "CollaboratorAccess", "PartnerOrganization", "Notification", "EmailOutbox", "ActivityLog"]));
    expect(changedTables(before, await fingerprint(t.db)).sort()).toEqual([...new Set(changes.map((c) => c.table))].sort());
    await undo(t.db, at);
    expect(changedTables(before, await fingerprint(t.db))).toEqual([]);
    // The database's own rules are back in force afterwards: the log refuses edits again.
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "ActivityLog"`)).rejects.toThrow();
  });
});
