// Builders for the store admin's integration tests (Users and permissions, Settings, Home).
import { db } from "~/lib/db.server";
import { resolveStoreActor, type StoreActor } from "~/services/store-access.server";
import type { SessionUser } from "~/services/sessions.server";
import type { Permission } from "~/domain/permissions";
import { createSession } from "./factories";

type UserLike = { id: string; email: string; firstName: string; lastName: string };

/** The store actor that a signed-in person would be on their next request, or the refusal. */
export async function resolveFor(session: SessionUser, storeId: string) {
  return resolveStoreActor(session, storeId);
}

/** Signs the person in and resolves them in the store; throws when the store admin would refuse them. */
export async function actorFor(user: UserLike, storeId: string): Promise<StoreActor> {
  const session = await createSession(user);
  const decision = await resolveStoreActor(session, storeId);
  if (!decision.ok) throw new Error(`${user.email} has no access to store ${storeId}: ${decision.reason}`);
  return decision.actor;
}

/** The rows requestAccess writes for a pending request: request, access row, Home notification. */
export async function createPendingRequest(options: {
  organization: { id: string; name: string };
  storeId: string;
  requester: UserLike;
  permissions?: Permission[];
  message?: string | null;
}) {
  const permissions = options.permissions ?? ["orders_manage", "products_view"];
  const request = await db().collaboratorRequest.create({
    data: { organizationId: options.organization.id, storeId: options.storeId, requestedById: options.requester.id, permissions, message: options.message ?? null },
  });
  await db().collaboratorAccess.upsert({
    where: { organizationId_storeId: { organizationId: options.organization.id, storeId: options.storeId } },
    create: { organizationId: options.organization.id, storeId: options.storeId, state: "PENDING", permissions, requestId: request.id },
    update: { state: "PENDING", permissions, requestId: request.id, listed: true },
  });
  await db().notification.create({
    data: {
      storeId: options.storeId,
      kind: "collaborator_request.created",
      requestId: request.id,
      params: { organizationId: options.organization.id, organizationName: options.organization.name, requesterName: `${options.requester.firstName} ${options.requester.lastName}` },
    },
  });
  return request;
}

/** A collaborator signed in through the partner dashboard's "Log in": a session plus its CollaboratorSession row. */
export async function collaboratorSession(user: UserLike, accessId: string): Promise<SessionUser> {
  const session = await createSession(user);
  await db().collaboratorSession.create({ data: { sessionId: session.sessionId, accessId, userId: user.id } });
  return session;
}

export async function accessOf(organizationId: string, storeId: string) {
  return db().collaboratorAccess.findUniqueOrThrow({ where: { organizationId_storeId: { organizationId, storeId } } });
}

export async function mailsTo(address: string) {
  return db().emailOutbox.findMany({ where: { to: address.toLowerCase() }, orderBy: { createdAt: "asc" } });
}

export async function logOf(storeId: string, action: string) {
  return db().activityLog.findMany({ where: { storeId, action }, orderBy: { id: "asc" } });
}
