// Property tests for the pure rules an attacker talks to first: store URL normalisation, permission
// parsing, the after-sign-in redirect and the collaborator code comparison.
import { afterAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { normalizeStoreDomain, STORE_HANDLE, STORE_DOMAIN_SUFFIX } from "~/domain/store-url";
import {
  COLLABORATOR_SECTIONS,
  LEVELS,
  SECTIONS,
  can,
  exceeds,
  fromMap,
  isPermission,
  normalize,
  permissionListSchema,
  permissionsFromForm,
  toMap,
  type PermissionMap,
  type Section,
} from "~/domain/permissions";
import { safeRedirect } from "~/domain/auth";
import { codesMatch, normalizeCode } from "~/domain/collaborator-code";
import { csvText } from "~/lib/csv.server";
import { FORMULA_START, restore } from "~/domain/csv";
import { CUSTOMER_CSV_HEADER, customerCsvRow, parseCsv, readCustomerCsv } from "~/domain/customers-csv";
import type { z } from "zod";
import { signUpSchema } from "~/domain/auth";
import { createOrganizationSchema, createStoreSchema } from "~/domain/workspace";
import { storeDetailsSchema } from "~/domain/store-settings";
import { inviteStaffSchema } from "~/domain/staff";
import { customerSchema } from "~/domain/customers";
import { productSchema } from "~/domain/products";
import { orderNoteSchema } from "~/domain/orders";
import { accessRequestSchema } from "~/domain/access-request";
import { recordFigure } from "./support/figures";

const RUNS = 400;
let cases = 0;
const check = <T>(property: fc.IProperty<T> | fc.IAsyncProperty<T>, runs = RUNS) => {
  cases += runs;
  return fc.assert(property as fc.IProperty<T>, { numRuns: runs });
};
afterAll(() => recordFigure("properties.cases", cases, "property cases (domain)"));

// ------------------------------------------------------------------------------------------------
// Store URL

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
const handle = label.filter((h) => STORE_HANDLE.test(h));
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: fc.constantFrom("/", "\\", ":", "@", ".", "#", "?", "%", " ", "\t", "\n", "\u202e", "\u0000", "a", "-", "é", "Ａ"), maxLength: 60 }),
  fc.constant("a".repeat(10_000)),
);

describe("store URL normalisation", () => {
  test("every way a partner writes a store's address names the same store", () => {
    check(
      fc.property(
        handle,
        fc.constantFrom("", "http://", "https://", "HTTPS://", "hTtP://"),
        fc.constantFrom("", "/", "/admin", "/admin/orders?page=2", "?x=1", "#top", ":443", ":8080/admin"),
        fc.boolean(),
        fc.constantFrom("", " ", "  \t"),
        fc.mixedCase(fc.constant(STORE_DOMAIN_SUFFIX)),
        (h, scheme, tail, dot, space, suffix) => {
          const upper = Math.random() < 0.5 ? h.toUpperCase() : h;
          const input = `${space}${scheme}${upper}${suffix}${dot ? "." : ""}${tail}${space}`;
          expect(normalizeStoreDomain(input)).toBe(`${h}${STORE_DOMAIN_SUFFIX}`);
        },
      ),
    );
  });

  test("never throws; a result is always a plain lower-case host name, and normalising it again changes nothing", () => {
    check(
      fc.property(fc.oneof(hostile, fc.webUrl(), fc.domain()), (input) => {
        const domain = normalizeStoreDomain(input);
        if (domain === null) return;
        expect(domain).toBe(domain.toLowerCase());
        expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(domain.length).toBeLessThanOrEqual(253);
        expect(normalizeStoreDomain(domain)).toBe(domain);
      }),
      1_000,
    );
  });

  test("agrees with the browser's URL parser about which host a URL names (no user@host or port confusion)", () => {
    check(
      fc.property(
        fc.constantFrom("http://", "https://"),
        fc.option(fc.stringMatching(/^[a-z0-9.-]{1,20}$/), { nil: undefined }),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        fc.constantFrom("", "/", "/admin", "/a@b.test/", "?next=//evil.test"),
        (scheme, user, labels, port, path) => {
          // Ends in a name, as store domains do (all-digit hosts are IPv4 addresses to a browser).
          const host = `${labels.join(".")}.test`;
          const input = `${scheme}${user ? `${user}@` : ""}${host}${port ? `:${port}` : ""}${path}`;
          const parsed = new URL(input).hostname;
          const ours = normalizeStoreDomain(input);
          if (ours !== null) expect(ours).toBe(parsed);
        },
      ),
    );
  });

  test("text with whitespace inside, or no dot, is not an address", () => {
    check(
      fc.property(label, label, fc.constantFrom(" ", "\t", "\n", "\u00a0 "), (a, b, space) => {
        expect(normalizeStoreDomain(`${a}${space}${b}.portier.test`)).toBeNull();
        expect(normalizeStoreDomain(a)).toBeNull();
      }),
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Permissions

const section = fc.constantFrom(...SECTIONS);
const level = fc.constantFrom(...LEVELS);
const permissionMap = fc.dictionary(section, level) as fc.Arbitrary<PermissionMap>;
const permissionList = fc.array(fc.oneof(fc.constantFrom(...SECTIONS.flatMap((s) => LEVELS.map((l) => `${s}_${l}`))), fc.string({ maxLength: 20 })), { maxLength: 12 });
const formValue = fc.oneof(fc.constantFrom("", "none", "view", "manage", "VIEW", "admin", "manage ", "staff"), fc.string({ maxLength: 10 }));
const formKey = fc.oneof(
  section.map((s) => `perm.${s}`),
  fc.constantFrom("perm.", "perm.__proto__", "perm.constructor", "perm.staff ", "perm.orders.x", "intent", "code"),
  fc.string({ maxLength: 12 }).map((s) => `perm.${s}`),
);

describe("permission parsing", () => {
  test("the picker's encoding round-trips for every choice of sections and levels", () => {
    check(
      fc.property(permissionMap, (map) => {
        const form: Record<string, string> = {};
        for (const s of SECTIONS) form[`perm.${s}`] = map[s] ?? "";
        expect(permissionsFromForm(form, SECTIONS)).toEqual(fromMap(map));
      }),
    );
  });

  test("any form gives either 'invalid' or a clean list within the allowed sections; collaborators never get staff", () => {
    check(
      fc.property(fc.dictionary(formKey, formValue, { maxKeys: 10 }), fc.boolean(), (form, collaborator) => {
        const allowed: readonly Section[] = collaborator ? COLLABORATOR_SECTIONS : SECTIONS;
        const result = permissionsFromForm(form, allowed);
        if (result === "invalid") return;
        for (const p of result) {
          expect(isPermission(p)).toBe(true);
          expect(allowed).toContain(p.split("_")[0]);
        }
        expect(normalize(result)).toEqual(result);
        if (collaborator) expect(result.some((p) => p.startsWith("staff_"))).toBe(false);
        // Every accepted value was one of the picker's own.
        for (const [key, value] of Object.entries(form)) {
          if (key.startsWith("perm.")) expect(["", "none", "view", "manage"]).toContain(value);
        }
      }),
      1_000,
    );
  });

  test("a staff field in a collaborator form is refused whatever its value", () => {
    check(
      fc.property(permissionMap, fc.constantFrom("view", "manage"), (map, staffLevel) => {
        const form: Record<string, string> = { "perm.staff": staffLevel };
        for (const s of COLLABORATOR_SECTIONS) form[`perm.${s}`] = map[s] ?? "";
        expect(permissionsFromForm(form, COLLABORATOR_SECTIONS)).toBe("invalid");
      }),
    );
  });

  test("normalize keeps the highest level per section, is idempotent, and never adds abilities", () => {
    check(
      fc.property(permissionList, (list) => {
        const once = normalize(list);
        expect(normalize(once)).toEqual(once);
        for (const s of SECTIONS) {
          for (const l of LEVELS) expect(can(once, s, l)).toBe(can(list, s, l));
        }
        expect(new Set(once.map((p) => p.split("_")[0])).size).toBe(once.length);
      }),
    );
  });

  test("exceeds lists exactly the sections the granter cannot give", () => {
    check(
      fc.property(permissionList, permissionList, (wanted, granter) => {
        const over = exceeds(wanted, granter);
        const map = toMap(wanted);
        for (const s of SECTIONS) {
          const needed = map[s];
          expect(over.includes(s)).toBe(Boolean(needed) && !can(granter, s, needed!));
        }
      }),
    );
  });

  test("the list schema accepts only real permissions of the allowed sections", () => {
    check(
      fc.property(permissionList, fc.boolean(), (list, collaborator) => {
        const allowed: readonly Section[] = collaborator ? COLLABORATOR_SECTIONS : SECTIONS;
        const parsed = permissionListSchema(allowed).safeParse(list);
        const valid = list.every((v) => isPermission(v) && allowed.includes(v.split("_")[0] as Section));
        expect(parsed.success).toBe(valid);
        if (parsed.success) expect(parsed.data).toEqual(normalize(list));
      }),
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Redirect after sign-in, and the code

const redirectInput = fc.oneof(
  fc.string({ unit: fc.constantFrom("/", "\\", "\t", "\n", "\r", " ", ".", ":", "@", "%", "evil.test", "a"), maxLength: 12 }),
  fc.webUrl().map((u) => u),
  fc.string({ unit: "binary", maxLength: 40 }),
);

describe("the redirect after sign-in", () => {
  test("a path on this site stays exactly as given", () => {
    check(
      fc.property(fc.webPath(), (path) => {
        const target = path.startsWith("/") && !path.startsWith("//") ? path : `/${path.replace(/^\/+/, "")}`;
        expect(safeRedirect(target)).toBe(target);
      }),
    );
  });

  test("whatever the input, a browser following the redirect stays on this site", async () => {
    // Browsers drop tabs and newlines in URLs: '/<TAB>/evil.test' would be //evil.test.
    check(
      fc.property(redirectInput, (input) => {
        const target = safeRedirect(input);
        expect(new URL(target, "https://portier.test").origin).toBe("https://portier.test");
        expect(target).not.toMatch(/[\u0000-\u001F\u007F\\]/);
      }),
      2_000,
    );
  });
});

describe("collaborator code", () => {
  test("only the exact code matches, whatever is typed", () => {
    check(
      fc.property(fc.stringMatching(/^[0-9]{4}$/), fc.string({ unit: "binary", maxLength: 30 }), (code, typed) => {
        const given = normalizeCode(typed);
        expect(codesMatch(given, code)).toBe(given === code);
      }),
    );
  });
});

// ------------------------------------------------------------------------------------------------
// CSV exports (activity log, customers): no cell a spreadsheet would run as a formula, and nothing lost

const cellText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", " ="), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("https://evil.test","x")', "=cmd|' /C calc'!A0", "@SUM(1+1)", "+33 6 12 34 56 78", "-1", 'a "quoted", value', "line\nbreak"),
);
// A sign followed by digits only reads as a number (or a phone number), not as a function call.
const FORMULA = /^[=@\t\r]|^[+-](?![0-9\s().-]*$)/;

describe("CSV exports (lib/csv.server.ts, the one writer)", () => {
  test("every cell reads back as written once restored, and none starts like a formula", () => {
    check(
      fc.property(fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parseCsv(csvText(["a", "b", "c"], rows));
        expect(parsed).toHaveLength(rows.length + 1);
        parsed.slice(1).forEach((cells, r) => {
          expect(cells).toHaveLength(3);
          cells.forEach((cell, i) => {
            expect(FORMULA_START.test(cell), `cell ${JSON.stringify(cell)}`).toBe(false);
            expect(restore(cell)).toBe(rows[r][i]);
          });
        });
      }),
    );
  });

  test("customer export: no cell a spreadsheet would run as a formula", () => {
    check(
      fc.property(fc.array(fc.record({ firstName: cellText, lastName: cellText, email: fc.emailAddress(), phone: cellText, company: cellText, city: cellText, country: cellText, note: cellText, acceptsMarketing: fc.boolean() }), { minLength: 1, maxLength: 4 }), (customers) => {
        const rows = parseCsv(csvText(CUSTOMER_CSV_HEADER, customers.map(customerCsvRow)));
        for (const row of rows.slice(1)) for (const cell of row) expect(FORMULA.test(cell), `cell ${JSON.stringify(cell)}`).toBe(false);
      }),
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Invisible and direction-changing characters (display spoofing in lists and the activity log)

describe("no text field keeps invisible or direction-changing characters", () => {
  const INVISIBLE = ["\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E", "\u3164", "\u{E0041}"];
  const holdsInvisible = (value: string) => INVISIBLE.some((character) => value.includes(character));
  const withoutInvisible = (value: string) => INVISIBLE.reduce((rest, character) => rest.split(character).join(""), value);
  /** A readable word with invisible characters slipped in anywhere. */
  const spoofed = fc
    .tuple(fc.stringMatching(/^[A-Za-zÀ-ÿ ]{1,30}$/), fc.array(fc.tuple(fc.nat(40), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 6 }))
    .map(([word, inserts]) => {
      const out = Array.from(word.trim() || "Name");
      for (const [at, character] of inserts) out.splice(at % (out.length + 1), 0, character);
      return out.join("");
    });
  const strings = (value: unknown): string[] =>
    typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];

  // Every form whose text is shown to someone else: each text field gets the spoofed value.
  const forms: [string, z.ZodTypeAny, (value: string) => Record<string, string>][] = [
    ["sign-up", signUpSchema, (v) => ({ firstName: v, lastName: v, email: "a@example.test", password: "long enough password" })],
    ["new organization", createOrganizationSchema, (v) => ({ name: v })],
    ["new store", createStoreSchema, (v) => ({ name: v, handle: "shop", contactEmail: "a@example.test", plan: "BASIC" })],
    ["store details", storeDetailsSchema, (v) => ({ name: v, contactEmail: "a@example.test", address: v, currency: "EUR", timezone: "UTC", inactivityDays: "90" })],
    ["staff invitation", inviteStaffSchema, (v) => ({ email: "a@example.test", firstName: v, lastName: v, "perm.orders": "view" })],
    ["customer", customerSchema, (v) => ({ firstName: v, lastName: v, email: "a@example.test", company: v, city: v, country: v, note: v, phone: "", acceptsMarketing: "false" })],
    ["product", productSchema, (v) => ({ title: v, description: v, sku: "", price: "1.00", inventory: "1", status: "ACTIVE" })],
    ["order note", orderNoteSchema, (v) => ({ note: v })],
    ["access request message", accessRequestSchema, (v) => ({ storeUrl: "maple-goods.portier.test", code: "1234", "perm.orders": "view", message: v })],
  ];

  test.each(forms)("%s: the saved values hold none of them, and keep every visible character", (_name, schema, fill) => {
    check(
      fc.property(spoofed, (value) => {
        const result = schema.safeParse(fill(value));
        expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
        for (const saved of strings(result.data)) {
          expect(holdsInvisible(saved), JSON.stringify(saved)).toBe(false);
        }
        expect(strings(result.data)).toContain(withoutInvisible(value).trim());
      }),
      100,
    );
  });

  test("the customer CSV import cleans them the same way", () => {
    check(
      fc.property(spoofed, spoofed, (first, company) => {
        const read = readCustomerCsv(`Firstname,Lastname,E-mail,Company\n"${first}",Doe,a@example.test,"${company}"\n`);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const values = read.rows[0].values!;
        for (const saved of strings(values)) expect(holdsInvisible(saved), JSON.stringify(saved)).toBe(false);
        expect(values.firstName).toBe(withoutInvisible(first).trim());
      }),
      200,
    );
  });
});
