// Builders for the orders, products and customers tests, and for calling the Home and Settings pages
// (helper C's own file; the shared factories stay as they are).
import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { sessionCookieName } from "~/lib/cookies.server";
import { startSession } from "~/services/sessions.server";
import { resolveStoreActor } from "~/services/store-access.server";
import { sectionActor, type SectionActor } from "~/services/section-actor.server";
import type { Permission } from "~/domain/permissions";
import { createOrganization, createSession, createStaff, createUser } from "./factories";

/** The acting person as a route would build it: through the same access decision as every request. */
export async function actorOf(user: { id: string; email: string; firstName: string; lastName: string }, storeId: string): Promise<SectionActor> {
  const session = await createSession(user);
  const decision = await resolveStoreActor(session, storeId);
  if (!decision.ok) throw new Error(`no access to ${storeId}: ${decision.reason}`);
  return sectionActor({ session, actor: decision.actor, ip: "203.0.113.9" });
}

/** The session cookie of a fresh sign-in, for calling route modules as that person. */
export async function cookieFor(user: { id: string }): Promise<string> {
  const { token } = await inTransaction((tx) => startSession(tx, user.id, {}));
  return `${sessionCookieName()}=${token}`;
}

export async function staffActor(storeId: string, permissions: Permission[]) {
  const user = await createUser();
  await createStaff(storeId, user, permissions);
  return { user, actor: await actorOf(user, storeId) };
}

/** A partner working in the store through a managed collaborator access, signed in by "Log in". */
export async function collaboratorActor(storeId: string, permissions: Permission[], organizationName = "Northwind Test Agency") {
  const user = await createUser({ firstName: "Nadia", lastName: "Okafor" });
  const organization = await createOrganization({ name: organizationName, members: [user] });
  const access = await db().collaboratorAccess.create({ data: { organizationId: organization.id, storeId, state: "MANAGED", permissions, grantedAt: new Date() } });
  const session = await createSession(user);
  await db().collaboratorSession.create({ data: { sessionId: session.sessionId, accessId: access.id, userId: user.id } });
  const decision = await resolveStoreActor(session, storeId);
  if (!decision.ok) throw new Error(`collaborator refused: ${decision.reason}`);
  return { user, organization, actor: sectionActor({ session, actor: decision.actor, ip: "198.51.100.4" }) };
}

let nextNumber = 5000;

export async function createCustomer(storeId: string, overrides: Partial<{ firstName: string; lastName: string; email: string; city: string; createdAt: Date; acceptsMarketing: boolean; note: string }> = {}) {
  const id = randomUUID().slice(0, 8);
  return db().customer.create({
    data: {
      storeId,
      firstName: overrides.firstName ?? "Cora",
      lastName: overrides.lastName ?? `Client ${id}`,
      email: overrides.email ?? `cora-${id}@example.test`,
      city: overrides.city ?? "Lyon",
      country: "FR",
      note: overrides.note ?? "",
      acceptsMarketing: overrides.acceptsMarketing ?? false,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

export async function createOrder(
  storeId: string,
  overrides: Partial<{ customerId: string | null; status: "OPEN" | "FULFILLED" | "CANCELLED" | "REFUNDED"; number: number; createdAt: Date; totalCents: number; note: string }> = {},
) {
  return db().order.create({
    data: {
      storeId,
      number: overrides.number ?? nextNumber++,
      customerId: overrides.customerId ?? null,
      status: overrides.status ?? "OPEN",
      totalCents: overrides.totalCents ?? 4200,
      itemCount: 2,
      note: overrides.note ?? "",
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

export async function createProduct(storeId: string, overrides: Partial<{ title: string; status: "ACTIVE" | "DRAFT" | "ARCHIVED"; createdAt: Date; sku: string }> = {}) {
  return db().product.create({
    data: {
      storeId,
      title: overrides.title ?? `Product ${randomUUID().slice(0, 6)}`,
      priceCents: 1990,
      inventory: 5,
      sku: overrides.sku ?? "",
      status: overrides.status ?? "ACTIVE",
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

export async function activity(storeId: string, action: string) {
  return db().activityLog.findMany({ where: { storeId, action }, orderBy: { id: "asc" } });
}
