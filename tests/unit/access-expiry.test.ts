// The pure rules of collaborator access over time (app/domain/access-expiry.ts, app/domain/granted.ts).
import { describe, expect, test } from "vitest";
import { approveWithEndDateSchema, endDateProblem, endDateSchema, endOfAccess, inactivityDeadline } from "~/domain/access-expiry";
import { permissionDifferences } from "~/domain/granted";

const DAY = 24 * 60 * 60 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const accessId = "00000000-0000-4000-8000-000000000001";
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? [] : result.error!.issues.map((issue) => issue.message));

describe("end dates", () => {
  test("a day is the instant the access ends: its start, UTC; impossible days are refused", () => {
    expect(endOfAccess("2027-03-31")?.toISOString()).toBe("2027-03-31T00:00:00.000Z");
    expect(endOfAccess("2027-02-30")).toBeNull();
    expect(endOfAccess("31/03/2027")).toBeNull();
  });

  test("in the future and within five years", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect(endDateProblem(new Date("2026-12-01T00:00:00Z"), now)).toBe("expiry.errors.past");
    expect(endDateProblem(new Date("2026-12-02T00:00:00Z"), now)).toBeNull();
    expect(endDateProblem(new Date("2032-12-02T00:00:00Z"), now)).toBe("expiry.errors.tooFar");
  });

  test("the forms: empty is no end date; a past, malformed or non-text value is refused with its message", () => {
    expect(endDateSchema.parse({ accessId, endsOn: "" })).toEqual({ accessId, endsOn: undefined });
    expect(endDateSchema.parse({ accessId, endsOn: day(10) }).endsOn).toBe(day(10));
    expect(messages(endDateSchema.safeParse({ accessId, endsOn: day(0) }))).toEqual(["expiry.errors.past"]);
    expect(messages(endDateSchema.safeParse({ accessId, endsOn: "soon" }))).toEqual(["expiry.errors.invalid"]);
    expect(messages(endDateSchema.safeParse({ accessId, endsOn: ["2027-01-01", "x"] }))).toEqual(["expiry.errors.invalid"]);
    expect(approveWithEndDateSchema.safeParse({ requestId: accessId, "perm.orders": "view", endsOn: day(3) })).toMatchObject({ success: true, data: { endsOn: day(3), permissions: ["orders_view"] } });
  });
});

describe("inactivity and what was granted", () => {
  test("the deadline runs from the last log-in, or the grant when never used", () => {
    const grantedAt = new Date("2026-01-01T00:00:00Z");
    expect(inactivityDeadline({ grantedAt, lastUsedAt: null }, 90)?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(inactivityDeadline({ grantedAt, lastUsedAt: new Date("2026-03-01T00:00:00Z") }, 30)?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
  });

  test("per section, only where the grant differs from the request", () => {
    expect(permissionDifferences(["orders_manage", "products_view"], ["orders_manage", "products_view"])).toEqual([]);
    expect(permissionDifferences(["orders_manage", "products_view"], ["orders_view", "customers_view"])).toEqual([
      { section: "orders", asked: "manage", granted: "view" },
      { section: "products", asked: "view", granted: null },
      { section: "customers", asked: null, granted: "view" },
    ]);
  });
});
