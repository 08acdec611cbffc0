import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { decodeCursor, encodeCursor, filterUrl, pageUrl, parseBooleanish, parseListQuery, searchTerms } from "~/domain/section-list";
import { appendNote, canChangeStatus, nextStatuses, orderNumberFromSearch, parseNotes, ORDER_STATUSES } from "~/domain/orders";
import { parsePrice, priceInputValue } from "~/domain/products";
import { customerSchema } from "~/domain/customers";
import { CUSTOMER_CSV_HEADER, customerCsvRow, parseCsv, readCustomerCsv } from "~/domain/customers-csv";
import { csvText } from "~/lib/csv.server";

describe("list cursors and queries", () => {
  test("a cursor survives the URL and a forged one is simply no cursor", () => {
    const cursor = { createdAt: new Date("2026-11-01T09:00:00.123Z"), id: "0b7e6f1c-2d3a-4b5c-8d9e-0f1a2b3c4d5e" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const forged of ["", "abc", "1_2", "99999999999999999999_0b7e6f1c-2d3a-4b5c-8d9e-0f1a2b3c4d5e", "1_0b7e6f1c-2d3a-4b5c-8d9e-0f1a2b3c4d5e' OR 1=1"]) {
      expect(decodeCursor(forged)).toBeNull();
    }
  });

  test("the query keeps known statuses only, and `before` wins over `after`", () => {
    const q = parseListQuery(new URLSearchParams("q=  alice \u0000 &status=open&after=1_0b7e6f1c-2d3a-4b5c-8d9e-0f1a2b3c4d5e&before=2_0b7e6f1c-2d3a-4b5c-8d9e-0f1a2b3c4d5e"), ORDER_STATUSES);
    expect(q).toMatchObject({ q: "alice", status: "OPEN", after: null });
    expect(q.before?.createdAt.getTime()).toBe(2);
    expect(parseListQuery(new URLSearchParams("status=lost"), ORDER_STATUSES).status).toBe("");
    expect(parseListQuery(new URLSearchParams(`q=${"x".repeat(500)}`)).q).toHaveLength(100);
    expect(searchTerms(" a  b c d e f g ")).toEqual(["a", "b", "c", "d", "e"]);
  });

  test("page and filter links keep the search and drop stale cursors and toasts", () => {
    const current = new URLSearchParams("q=tea&status=open&after=1_x&toast=orderNoteAdded");
    expect(pageUrl(current, "before", "5_y")).toBe("?q=tea&status=open&before=5_y");
    expect(filterUrl(current, { status: "" })).toBe("?q=tea");
    expect(filterUrl(new URLSearchParams(""), { q: "" })).toBe("?");
  });

  test("booleans as forms and spreadsheets write them", () => {
    expect(["on", "Yes", "oui", "TRUE", "1"].map(parseBooleanish)).toEqual([true, true, true, true, true]);
    expect(["", "no", "Non", "false", "0", undefined].map(parseBooleanish)).toEqual([false, false, false, false, false, false]);
    expect(parseBooleanish("maybe")).toBeUndefined();
  });
});

describe("order statuses", () => {
  test("the allowed moves", () => {
    expect(nextStatuses("OPEN")).toEqual(["FULFILLED", "CANCELLED"]);
    expect(canChangeStatus("FULFILLED", "REFUNDED")).toBe(true);
    expect(canChangeStatus("CANCELLED", "OPEN")).toBe(true);
    expect(canChangeStatus("CANCELLED", "FULFILLED")).toBe(false);
    expect(canChangeStatus("OPEN", "REFUNDED")).toBe(false);
    expect(nextStatuses("REFUNDED")).toEqual([]);
    for (const status of ORDER_STATUSES) expect(canChangeStatus(status, status)).toBe(false);
  });

  test("searching #1001 or 1001 means the order number", () => {
    expect(orderNumberFromSearch("#1001")).toBe(1001);
    expect(orderNumberFromSearch(" 1001 ")).toBe(1001);
    expect(orderNumberFromSearch("alice")).toBeNull();
  });
});

describe("order notes", () => {
  test("any note text comes back as written, with its author and time", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1 }).map((s) => s.trim()).filter(Boolean), fc.string({ minLength: 1, maxLength: 30 })), { maxLength: 5 }), (notes) => {
        let text = "Checkout note";
        notes.forEach(([body, author], i) => {
          text = appendNote(text, { at: new Date(Date.UTC(2026, 0, 1, 0, i)), author, text: body });
        });
        const parsed = parseNotes(text);
        expect(parsed.preamble).toBe("Checkout note");
        expect(parsed.entries.map((e) => e.text)).toEqual(notes.map(([body]) => body.replace(/^\[note /gm, "(note ").trim()));
      }),
    );
  });
});

describe("prices", () => {
  test.each([
    ["14.90", 1490],
    ["14,90", 1490],
    ["14,9", 1490],
    ["1 490,00", 149000],
    ["1,490.00", 149000],
    ["1.490,50", 149050],
    ["€ 14.90", 1490],
    ["0", 0],
    [",5", 50],
    ["1000000", 100000000],
  ])("%s → %i cents", (input, cents) => {
    expect(parsePrice(input)).toBe(cents);
  });

  test.each(["", "abc", "-3", "14.999", "1,49,0", "1000000.01", "1e5", "14.", "1,490", "14.999"])("refuses %j", (input) => {
    expect(parsePrice(input)).toBeNull();
  });

  test("the form's starting value reads back", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), (cents) => parsePrice(priceInputValue(cents)) === cents && parsePrice(priceInputValue(cents, "fr")) === cents));
    expect(priceInputValue(2450, "fr")).toBe("24,50");
  });
});

describe("CSV", () => {
  test("quotes, doubled quotes, line breaks in cells, CRLF, a byte-order mark and semicolons", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["multi\nline", "z"],
    ]);
    expect(parseCsv("Firstname;Lastname;E-mail\nA;B;c@d.test\n")).toEqual([
      ["Firstname", "Lastname", "E-mail"],
      ["A", "B", "c@d.test"],
    ]);
  });

  test("headers are matched loosely, and French ones too", () => {
    const result = readCustomerCsv("Prénom,Nom,Adresse e-mail,Ville\nLéa,Roy,lea@example.test,Québec\n");
    expect(result).toMatchObject({ ok: true, fields: ["firstName", "lastName", "email", "city"], ignoredColumns: [] });
  });

  test("any customer exported reads back the same", () => {
    const text = fc.string({ maxLength: 40 });
    const customer = fc.record({
      firstName: text,
      lastName: text,
      email: fc.emailAddress(),
      phone: fc.constantFrom("", "+33 6 12 34 56 78", "(514) 555-0199"),
      company: text,
      city: text,
      country: text,
      note: fc.string({ maxLength: 200 }),
      acceptsMarketing: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 5 }), (customers) => {
        const valid = customers
          .map((c) => customerSchema.safeParse(c))
          .filter((r) => r.success)
          .map((r) => r.data!);
        const unique = valid.filter((c, i) => valid.findIndex((d) => d.email === c.email) === i);
        fc.pre(unique.length > 0);
        const parsed = readCustomerCsv(csvText(CUSTOMER_CSV_HEADER, unique.map(customerCsvRow)));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.rows.map((row) => row.values)).toEqual(unique);
      }),
      { numRuns: 300 },
    );
  });
});
