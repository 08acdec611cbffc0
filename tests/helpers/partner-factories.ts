// Builders for the partner dashboard's tests: a request sent through the real service, and an approval
// done the way the owner's side does it (through its service when it exists).
import { existsSync } from "node:fs";
import path from "node:path";
import { db } from "~/lib/db.server";
import { requestAccess } from "~/services/access-requests.server";
import { resolveStoreActor } from "~/services/store-access.server";
import type { Permission } from "~/domain/permissions";
import type { Result } from "~/domain/result";
import { decodeMessage } from "~/i18n/messages";
import type { SessionUser } from "~/services/sessions.server";
import { createSession } from "./factories";

type Person = { id: string; email: string; firstName: string; lastName: string };

export const asPartner = (user: Person): SessionUser["user"] => ({ id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, locale: null });

/** Sends a request through requestAccess with the store's real code; throws when it is refused. */
export async function sendRequest(user: Person, organizationId: string, store: { domain: string; collaboratorCode: string }, permissions: Permission[] = ["orders_view"], message: string | null = null) {
  const result = await requestAccess(asPartner(user), organizationId, { storeDomain: store.domain, code: store.collaboratorCode, permissions, message }, "198.51.100.1");
  if (!result.ok) throw new Error(`request refused: ${JSON.stringify(result)}`);
  return result.value;
}

const decisionsFile = path.resolve(__dirname, "../../app/services/collaborator-decisions.server.ts");

/**
 * Approves as the store owner would: through the owner side's approveRequest when that service exists,
 * otherwise by writing the rows the way approval does (request APPROVED, access MANAGED with permissions).
 */
export async function approveAsOwner(owner: Person, storeId: string, requestId: string, permissions: Permission[]) {
  if (existsSync(decisionsFile)) {
    const { approveRequest } = await import("~/services/collaborator-decisions.server");
    const session = await createSession(owner);
    const decision = await resolveStoreActor(session, storeId);
    if (!decision.ok) throw new Error("the owner cannot act on the store");
    const result = await approveRequest(decision.actor, storeId, requestId, permissions);
    if (!result.ok) throw new Error(`approval refused: ${JSON.stringify(result)}`);
    return;
  }
  const now = new Date();
  const request = await db().collaboratorRequest.update({
    where: { id: requestId },
    data: { status: "APPROVED", decidedAt: now, decidedById: owner.id, grantedPermissions: permissions },
  });
  await db().collaboratorAccess.update({
    where: { organizationId_storeId: { organizationId: request.organizationId, storeId } },
    data: { state: "MANAGED", permissions, grantedAt: now, listed: true, updatedAt: now, requestId },
  });
  await db().notification.updateMany({ where: { requestId, resolvedAt: null }, data: { resolvedAt: now } });
}

/** Declines as the store owner would (rows only: the owner side's service is tested on its side). */
export async function declineAsOwner(owner: Person, storeId: string, requestId: string) {
  if (existsSync(decisionsFile)) {
    const { declineRequest } = await import("~/services/collaborator-decisions.server");
    const session = await createSession(owner);
    const decision = await resolveStoreActor(session, storeId);
    if (!decision.ok) throw new Error("the owner cannot act on the store");
    const result = await declineRequest(decision.actor, storeId, requestId);
    if (!result.ok) throw new Error(`decline refused: ${JSON.stringify(result)}`);
    return;
  }
  const now = new Date();
  const request = await db().collaboratorRequest.update({ where: { id: requestId }, data: { status: "DECLINED", decidedAt: now, decidedById: owner.id } });
  await db().collaboratorAccess.update({
    where: { organizationId_storeId: { organizationId: request.organizationId, storeId } },
    data: { state: "DECLINED", listed: true, updatedAt: now },
  });
}

/** A store the organization manages: requested by `partner`, approved by the owner. */
export async function createManagedAccess(
  partner: Person,
  organizationId: string,
  store: { id: string; domain: string; collaboratorCode: string },
  owner: Person,
  permissions: Permission[] = ["home_view", "orders_manage", "products_view"],
) {
  const request = await sendRequest(partner, organizationId, store, permissions);
  await approveAsOwner(owner, store.id, request.requestId, permissions);
  return request;
}

/** A use case's answer as the tests read it: done, or the refusal's kind and each field's message key. */
export function readResult(result: Result<unknown>): { ok: true } | { kind: string; errors: Record<string, string> } {
  if (result.ok) return { ok: true };
  return { kind: result.kind, errors: Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [field, decodeMessage(message).key])) };
}

/** The parameters of a refusal's message for one field (numbers as numbers). */
export function paramsOf(result: Result<unknown>, field = "form"): Record<string, string | number> | undefined {
  if (result.ok || !result.errors[field]) return undefined;
  const { params } = decodeMessage(result.errors[field]);
  return params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, /^\d+$/.test(String(value)) ? Number(value) : value]));
}
