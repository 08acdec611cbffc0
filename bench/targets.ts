// What is measured: every page and action, who asks for it, and what it must answer. The answer's
// expectation is what makes a figure mean something: a page measured while it answers 500, or
// redirects to the sign-in page, would be the fastest page of the table.
import type { Fixtures } from "./fixtures";
import { many } from "./report/format";
import type { TargetInfo } from "./results";
import type { WorldCounts } from "./seed-counts";
import { acceptedRequest, approval, LOGINS, orgId, refusedRequest, storeId, type WorldPlan } from "./world";

export type Who = keyof typeof LOGINS | "anonymous";

export interface Expectation {
  status: number;
  /**
   * Where a redirect must lead: the Location header of a document's redirect, or the redirect a Remix
   * single-fetch answer (202) carries in its body. A redirect to /login answers with the same status.
   */
  redirectTo?: string;
  /** Text the answer must contain: the rows the page must show, the message a refusal must give. */
  shows?: string[];
}

export interface ActionRequest {
  path: string;
  body: URLSearchParams;
  /** Each request redirects to its own organization's or store's page. */
  redirectTo?: string;
}

export interface Target extends TargetInfo {
  who: Who;
  /** page: the URL, GET for BENCH_DURATION seconds; action: the form it posts, BENCH_ACTION_AMOUNT requests per level. */
  path: string;
  /** The status every answer must have, while timed too; the rest is checked on the first answer. */
  expect: Expectation;
  /** Actions: the n-th request; null when the prepared data ran out. */
  next?: (n: number) => ActionRequest | null;
}

/** Remix single fetch: what the app's JavaScript fetches and posts to (`<route>.data`). */
const dataUrl = (url: string) => {
  const [pathname, query] = url.split("?");
  return `${pathname}.data${query ? `?${query}` : ""}`;
};

const COLLABORATOR_PERMISSIONS = { "perm.home": "view", "perm.orders": "manage", "perm.products": "view" };
const n = (value: number) => value.toLocaleString("en");

export function targets(plan: WorldPlan, world: WorldCounts, fixtures: Fixtures): Target[] {
  const [org1, org2, org3] = world.organizations;
  const [store1, store2, store3] = world.stores;
  const refused = refusedRequest(plan);
  const requestPath = (organizationId: string) => `/partners/${organizationId}/stores/request`;
  const page = (target: Omit<Target, "kind" | "expect"> & { shows: string[] }): Target => {
    const { shows, ...rest } = target;
    return { ...rest, kind: "page", expect: { status: 200, shows } };
  };
  const list: Target[] = [
    page({ name: "reference", label: "Sign-in page (reference)", who: "anonymous", path: "/login", main: true, shows: ['name="password"'] }),
    page({
      name: "stores",
      label: `Partner Stores, first page (${many(org1.listed, "store", "stores")})`,
      who: "partner",
      path: `/partners/${orgId(1)}/stores`,
      main: true,
      scaling: { group: "Partner Stores page", size: "100 %", rows: org1.listed, data: many(org1.listed, "store", "stores") },
      shows: [fixtures.firstStoreDomain[0]],
    }),
    page({
      name: "stores-deep",
      label: `Partner Stores, deep page (rows ${n(fixtures.deepPosition + 1)}–${n(fixtures.deepPosition + 25)})`,
      who: "partner",
      path: `/partners/${orgId(1)}/stores?after=${encodeURIComponent(fixtures.deepCursor)}`,
      main: true,
      shows: [fixtures.deepStoreDomain],
    }),
    page({
      name: "home",
      label: `Store Home + activity log (${many(store1.activity, "entry", "entries")})`,
      who: "merchant",
      path: `/store/${storeId(1)}`,
      main: true,
      scaling: { group: "Store Home", size: "100 %", rows: store1.activity, data: many(store1.activity, "log entry", "log entries") },
      shows: [fixtures.newestActivityActor[0]],
    }),
    page({
      name: "users",
      label: `Users and permissions (${n(store1.staff)} staff)`,
      who: "merchant",
      path: `/store/${storeId(1)}/users/staff`,
      main: true,
      shows: [fixtures.staffEmail],
    }),
    page({
      name: "orders",
      label: `Orders list (${n(store1.orders)} orders)`,
      who: "merchant",
      path: `/store/${storeId(1)}/orders`,
      main: true,
      shows: [fixtures.newestOrderId],
    }),
    {
      // Each request a fresh store, through one of the requester organizations (consecutive requests on
      // different organizations, so that they do not all queue on one organization's lock).
      name: "request-accepted",
      label: "Request access: accepted",
      who: "requester",
      kind: "action",
      path: requestPath(orgId(plan.firstRequesterOrg)),
      main: true,
      expect: { status: 202 },
      next: (i) => {
        const request = acceptedRequest(plan, i);
        if (!request) return null;
        return {
          path: dataUrl(requestPath(request.orgId)),
          body: new URLSearchParams({ storeUrl: request.domain, code: request.code, message: "Benchmark request", ...COLLABORATOR_PERMISSIONS }),
          redirectTo: `/partners/${request.orgId}/stores`,
        };
      },
    },
    {
      // Organization 1 is at its cap: every check runs, then the cap refuses (and nothing is written).
      name: "request-refused",
      label: `Request access: refused (cap of ${org1.pending} reached)`,
      who: "partner",
      kind: "action",
      path: requestPath(refused.orgId),
      main: true,
      expect: { status: 409, shows: ["partner.request.errors.cap"] },
      next: () => ({
        path: dataUrl(requestPath(refused.orgId)),
        body: new URLSearchParams({ storeUrl: refused.domain, code: refused.code, ...COLLABORATOR_PERMISSIONS }),
      }),
    },
    {
      name: "approve",
      label: "Approve a request",
      who: "approver",
      kind: "action",
      path: `/store/${storeId(4)}/users/requests`,
      main: true,
      expect: { status: 202 },
      next: (i) => {
        const item = approval(plan, i);
        if (!item) return null;
        return {
          path: dataUrl(`/store/${item.storeId}/users/requests`),
          body: new URLSearchParams({ intent: "approve", requestId: item.requestId, ...COLLABORATOR_PERMISSIONS }),
          redirectTo: `/store/${item.storeId}/users/requests`,
        };
      },
    },
    // The same pages on less data, for the scaling rounds only.
    page({
      name: "stores-10",
      label: `Partner Stores, first page (${many(org2.listed, "store", "stores")})`,
      who: "partner",
      path: `/partners/${orgId(2)}/stores`,
      main: false,
      scaling: { group: "Partner Stores page", size: "10 %", rows: org2.listed, data: many(org2.listed, "store", "stores") },
      shows: [fixtures.firstStoreDomain[1]],
    }),
    page({
      name: "stores-1",
      label: `Partner Stores, first page (${many(org3.listed, "store", "stores")})`,
      who: "partner",
      path: `/partners/${orgId(3)}/stores`,
      main: false,
      scaling: { group: "Partner Stores page", size: "1 %", rows: org3.listed, data: many(org3.listed, "store", "stores") },
      shows: [fixtures.firstStoreDomain[2]],
    }),
    page({
      name: "home-10",
      label: `Store Home (${many(store2.activity, "entry", "entries")})`,
      who: "merchant",
      path: `/store/${storeId(2)}`,
      main: false,
      scaling: { group: "Store Home", size: "10 %", rows: store2.activity, data: many(store2.activity, "log entry", "log entries") },
      shows: [fixtures.newestActivityActor[1]],
    }),
    page({
      name: "home-1",
      label: `Store Home (${many(store3.activity, "entry", "entries")})`,
      who: "merchant",
      path: `/store/${storeId(3)}`,
      main: false,
      scaling: { group: "Store Home", size: "1 %", rows: store3.activity, data: many(store3.activity, "log entry", "log entries") },
      shows: [fixtures.newestActivityActor[2]],
    }),
  ];
  // Where the time goes: each data page again as `.data`, its loaders without rendering (what the browser
  // fetches on client-side navigation). It must show the same rows: they are in its data.
  const loadersOnly = list
    .filter((t) => t.main && t.kind === "page" && t.name !== "reference")
    .map((t): Target => ({ ...t, name: `${t.name}:data`, label: `${t.label}, loaders only`, path: dataUrl(t.path), main: false, scaling: undefined, dataOf: t.name }));
  return [...list, ...loadersOnly];
}

/** What the results file keeps of a target (the tables' labels and groups). */
export function targetInfo({ name, label, kind, main, scaling, dataOf }: Target): TargetInfo {
  return { name, label, kind, main, ...(scaling ? { scaling } : {}), ...(dataOf ? { dataOf } : {}) };
}
