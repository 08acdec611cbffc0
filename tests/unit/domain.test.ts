import { describe, expect, test } from "vitest";
import { normalizeStoreDomain } from "~/domain/store-url";
import { generateCollaboratorCode, codesMatch, CODE_PATTERN } from "~/domain/collaborator-code";
import { can, exceeds, normalize, permissionsFromForm, COLLABORATOR_SECTIONS } from "~/domain/permissions";
import { safeRedirect } from "~/domain/auth";
import { canRequestFrom } from "~/domain/request-lifecycle";

describe("store URL", () => {
  test.each([
    ["https://maple-goods.portier.test/admin", "maple-goods.portier.test"],
    ["MAPLE-GOODS.portier.test", "maple-goods.portier.test"],
    ["maple-goods.portier.test/", "maple-goods.portier.test"],
    ["  http://Maple-Goods.Portier.Test:443/admin/orders?x=1#top ", "maple-goods.portier.test"],
    ["maple-goods.portier.test.", "maple-goods.portier.test"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeStoreDomain(input)).toBe(expected);
  });

  test.each(["", "maple goods", "not a url", "-bad-.portier.test", "https://", "javascript:alert(1)", "a".repeat(400)])("refuses %j", (input) => {
    expect(normalizeStoreDomain(input)).toBeNull();
  });
});

describe("collaborator request code", () => {
  test("always four digits, and spread over all 10,000 values", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const code = generateCollaboratorCode();
      expect(code).toMatch(CODE_PATTERN);
      seen.add(code);
    }
    // 50,000 uniform draws miss a given code with probability (0.9999)^50000 ≈ 0.7%; expect nearly all.
    expect(seen.size).toBeGreaterThan(9_800);
    expect(seen.has("0000") || seen.has("0001") || seen.has("0002")).toBe(true);
  });

  test("comparison", () => {
    expect(codesMatch("0420", "0420")).toBe(true);
    expect(codesMatch("0420", "0421")).toBe(false);
    expect(codesMatch("042", "0420")).toBe(false);
  });
});

describe("permissions", () => {
  test("manage includes view, one level per section", () => {
    expect(normalize(["orders_view", "orders_manage", "home_view"])).toEqual(["home_view", "orders_manage"]);
    expect(can(["orders_manage"], "orders", "view")).toBe(true);
    expect(can(["orders_view"], "orders", "manage")).toBe(false);
    expect(can([], "home")).toBe(false);
  });

  test("nobody grants more than they hold", () => {
    expect(exceeds(["orders_manage", "home_view"], ["orders_view", "home_manage"])).toEqual(["orders"]);
    expect(exceeds(["orders_view"], ["orders_manage"])).toEqual([]);
  });

  test("form encoding: collaborators never get the staff section", () => {
    expect(permissionsFromForm({ "perm.orders": "manage", "perm.home": "view", "perm.products": "" }, COLLABORATOR_SECTIONS)).toEqual(["home_view", "orders_manage"]);
    expect(permissionsFromForm({ "perm.staff": "manage" }, COLLABORATOR_SECTIONS)).toBe("invalid");
    expect(permissionsFromForm({ "perm.orders": "admin" }, COLLABORATOR_SECTIONS)).toBe("invalid");
  });
});

describe("redirects after sign-in stay on this site", () => {
  test.each([
    ["/partners/x/stores", "/partners/x/stores"],
    ["//evil.test", "/"],
    ["https://evil.test", "/"],
    ["/\\evil.test", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});

describe("request lifecycle", () => {
  test("a new request is possible only when nothing is pending or managed", () => {
    expect(canRequestFrom(null)).toBe(true);
    expect(canRequestFrom("REMOVED")).toBe(true);
    expect(canRequestFrom("PENDING")).toBe(false);
    expect(canRequestFrom("MANAGED")).toBe(false);
    expect(canRequestFrom("SUSPENDED")).toBe(false);
  });
});
