// Every call the bench makes into the app's services, in one file. The services' signatures and result
// shapes change with the app (Result values, guards taking loader args); when they do, this file is the
// one to follow them, and the rest of bench/ does not notice.
//
// Each function checks that the service answered the way the bench's world says it must (the merchant
// may enter store 1, organization 1 is refused at its cap): explaining the statements of an error path
// would publish the plans of a path no page takes. A wrong answer throws, and the run fails.
//
// The services are imported when first called, not when bench/ loads: the seed and the load generator
// never need the app's modules, and importing them opens nothing until the EXPLAIN step points db() at
// the bench database.
import type { SessionUser } from "../app/services/sessions.server";
import { LOGINS, uid } from "./world";

type AppUser = SessionUser["user"];

/** The people of the bench's world, as the services take them (the names the seed gave them). */
const users = {
  merchant: { id: uid("user", "merchant"), email: LOGINS.merchant, firstName: "Mona", lastName: "Merchant", locale: "en" },
  partner: { id: uid("user", "partner"), email: LOGINS.partner, firstName: "Paula", lastName: "Partner", locale: "en" },
} satisfies Record<string, AppUser>;

const unexpected = (what: string, answer: unknown): never => {
  throw new Error(`${what}: the service answered ${JSON.stringify(answer)?.slice(0, 200)}`);
};

/** The cursor the Partner Stores page's "Next" link carries after this row. */
export async function partnerStoresCursor(row: { updatedAt: Date; accessId: string }): Promise<string> {
  return (await import("../app/services/partner-stores.server")).encodeCursor(row);
}

export async function partnerStoresPage(organizationId: string, after?: string) {
  const page = await (await import("../app/services/partner-stores.server")).listPartnerStores(organizationId, { after });
  if (page.rows.length === 0) unexpected("Partner Stores page", page);
}

export async function partnerMembership(organizationId: string) {
  const membership = await (await import("../app/services/organizations.server")).membershipOf(users.partner.id, organizationId);
  if (!membership) unexpected("partner@'s membership of organization 1", membership);
}

export async function workspaceSwitcher() {
  const { listWorkspaces, SWITCHER_LIMIT } = await import("../app/services/workspaces.server");
  await listWorkspaces(users.merchant.id, SWITCHER_LIMIT);
}

/** What every store page runs before its own loader: the store actor, then the navigation's badges. */
export async function storeFrame(storeId: string) {
  const decision = await (await import("../app/services/store-access.server")).resolveStoreActor({ sessionId: "bench", user: users.merchant }, storeId);
  if (!decision.ok) return unexpected("merchant@ entering store 1", decision);
  await (await import("../app/services/store-frame.server")).frameBadges(decision.actor);
}

export async function activityLog(storeId: string) {
  await (await import("../app/services/store-home.server")).listActivity(storeId, {});
}

export async function activityPeople(storeId: string) {
  await (await import("../app/services/store-home.server")).activityPeople(storeId);
}

export async function notifications(storeId: string) {
  await (await import("../app/services/store-home.server")).listNotifications(storeId);
}

export async function staffList(storeId: string) {
  await (await import("../app/services/staff.server")).listStaff(storeId);
}

export async function ordersPage(storeId: string, storeName: string) {
  await (await import("../app/services/orders.server")).listOrders(
    {
      storeId,
      storeName,
      permissions: ["orders_view"],
      log: { userId: users.merchant.id, label: "bench", kind: "owner", ip: null },
      name: `${users.merchant.firstName} ${users.merchant.lastName}`,
      organizationName: null,
    },
    { q: "", status: "", after: null, before: null },
  );
}

/** partner@ asks, for organization 1 (at its cap), for a store it never asked for, with the right code. */
export async function requestAccessAtCap(organizationId: string, store: { domain: string; code: string }) {
  const result = await (await import("../app/services/access-requests.server")).requestAccess(
    users.partner,
    organizationId,
    { storeDomain: store.domain, code: store.code, permissions: ["orders_manage"], message: null },
    "127.0.0.1",
  );
  if (result.ok || result.kind !== "conflict") unexpected("a request of organization 1 at its cap", result);
}
