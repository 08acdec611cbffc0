// The benchmark's world, as numbers and deterministic ids. The seed (seed-large.ts) writes it with
// set-based SQL; the runner (run.ts) finds its way around it with the same formulas, without asking the
// database. Every id is md5('<kind>:<n>') read as a uuid, in SQL and here alike.
import { createHash } from "node:crypto";

export const BENCH_PASSWORD = "bench-password";

/** md5('<kind>:<n>')::uuid, the same value PostgreSQL computes in the seed. */
export function uid(kind: string, n: number | string): string {
  const hex = createHash("md5").update(`${kind}:${n}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The SQL expression for uid(kind, expr). */
export function uidSql(kind: string, expr: string): string {
  return `md5('${kind}:' || (${expr}))::uuid`;
}

export const storeDomain = (i: number) => `store-${i}.bench.test`;
/** Every store's collaborator request code, in SQL: lpad(((i * 7919) % 10000)::text, 4, '0'). */
export const storeCode = (i: number) => String((i * 7919) % 10000).padStart(4, "0");
export const storeCodeSql = (expr: string) => `lpad(((${expr})::bigint * 7919 % 10000)::text, 4, '0')`;

export interface WorldPlan {
  scale: number;
  // Stores, numbered from 1.
  stores: number;
  /** Stores 1, 2 and 3: one large store and two 10× and 100× smaller ones, all owned by merchant@. */
  large: { activity: number; orders: number; customers: number; products: number; staff: number; history: number };
  /** approver@ owns stores 4 … 3+approvalStores, each with one pending request to approve. */
  approvalStores: number;
  /** Never requested by anyone: the accepted request-access action uses one per request. */
  freshStores: number;
  firstFreshStore: number;
  /** First of the ordinary stores (each with its own owner). */
  firstNormalStore: number;
  normalStores: number;
  // Organizations, numbered from 1.
  organizations: number;
  /** Organizations 1, 2, 3 (partner@ is a member of all three): listed stores 100 : 10 : 1. */
  bigOrgStores: number;
  mediumOrgStores: number;
  smallOrgStores: number;
  bigOrgExtraMembers: number;
  /** requester@ is the only member of organizations 4 … 3+requesterOrgs (10 pending slots each). */
  requesterOrgs: number;
  firstRequesterOrg: number;
  /** Organizations with 10 pending requests each to approver@'s stores. */
  approvalOrgs: number;
  firstApprovalOrg: number;
  /** The first "ordinary" organization; the 20 after it manage store 1, the 3 after those have a request pending on it. */
  firstGeneralOrg: number;
  requests: number;
  activity: number;
}

/** Per-level amounts of the write actions drive how many fresh stores and approvable requests exist. */
export const ACTION_REQUESTS_NEEDED = 1000;

export function planWorld(scale: number): WorldPlan {
  const s = scale;
  const requesterOrgs = Math.ceil(ACTION_REQUESTS_NEEDED / 10);
  const approvalOrgs = Math.ceil(ACTION_REQUESTS_NEEDED / 10);
  const approvalStores = approvalOrgs * 10;
  const freshStores = requesterOrgs * 10;
  // 92 % of the rows are MANAGED (see accessStateSql): 5,450 rows make 5,000 managed stores at scale 1.
  const bigOrgStores = Math.max(50, Math.round(5450 * s));
  const firstFreshStore = 4 + approvalStores;
  const firstNormalStore = firstFreshStore + freshStores;
  const stores = Math.max(Math.round(50_000 * s), firstNormalStore + bigOrgStores + 1000);
  const firstRequesterOrg = 4;
  const firstApprovalOrg = firstRequesterOrg + requesterOrgs;
  const firstGeneralOrg = firstApprovalOrg + approvalOrgs;
  return {
    scale: s,
    stores,
    large: {
      activity: Math.round(300_000 * s),
      orders: Math.round(50_000 * s),
      customers: Math.round(20_000 * s),
      products: Math.round(5_000 * s),
      staff: 100,
      history: Math.round(2_000 * s),
    },
    approvalStores,
    freshStores,
    firstFreshStore,
    firstNormalStore,
    normalStores: stores - firstNormalStore + 1,
    organizations: Math.max(Math.round(1000 * s), firstGeneralOrg + 50),
    bigOrgStores,
    mediumOrgStores: Math.max(5, Math.round(bigOrgStores / 10)),
    smallOrgStores: Math.max(1, Math.round(bigOrgStores / 100)),
    bigOrgExtraMembers: 24,
    requesterOrgs,
    firstRequesterOrg,
    approvalOrgs,
    firstApprovalOrg,
    firstGeneralOrg,
    requests: Math.round(200_000 * s),
    activity: Math.round(1_000_000 * s),
  };
}

/** The people the runner signs in as. */
export const LOGINS = {
  /** Owner of stores 1-3 (Home, Users and permissions, Orders). */
  merchant: "merchant@bench.test",
  /** Member of organizations 1-3 (the partner Stores page; the refused request: organization 1 is at its cap). */
  partner: "partner@bench.test",
  /** Member of the requester organizations (the accepted request). */
  requester: "requester@bench.test",
  /** Owner of the approval stores (approve). */
  approver: "approver@bench.test",
} as const;

export const orgId = (j: number) => uid("org", j);
export const storeId = (i: number) => uid("store", i);
/** The request behind the (organization, store) access row, as the seed creates it. */
export const accessRequestId = (org: number, store: number) => uid("areq", `${org}:${store}`);

/**
 * The n-th accepted request-access: a fresh store, through a requester organization with a free slot.
 * Consecutive requests go to different organizations, so that concurrent ones do not all queue on one
 * organization's row lock (each organization takes at most 10).
 */
export function acceptedRequest(plan: WorldPlan, n: number) {
  if (n >= plan.freshStores) return null;
  const store = plan.firstFreshStore + n;
  return { orgId: orgId(plan.firstRequesterOrg + (n % plan.requesterOrgs)), domain: storeDomain(store), code: storeCode(store) };
}

/** The n-th approval: a pending request on one of approver@'s stores, spread over the approval organizations. */
export function approval(plan: WorldPlan, n: number) {
  if (n >= plan.approvalStores) return null;
  const a = n % plan.approvalOrgs;
  const r = Math.floor(n / plan.approvalOrgs);
  const store = 4 + a * 10 + r;
  return { storeId: storeId(store), requestId: accessRequestId(plan.firstApprovalOrg + a, store) };
}

/** A store organization 1 has never requested (it is at its cap of 10 pending: the request is refused). */
export function refusedRequest(plan: WorldPlan) {
  const store = plan.stores;
  return { orgId: orgId(1), domain: storeDomain(store), code: storeCode(store) };
}
