// Who is this person in this store? Decided on every request, so that a locked account, a removed or
// suspended collaborator, or a narrowed permission takes effect on the very next click.
import { db } from "~/lib/db.server";
import type { Permission } from "~/domain/permissions";
import { isUuid } from "~/domain/ids";
import { isUsable } from "~/domain/collaborator-access";
import type { SessionUser } from "./sessions.server";

export interface StoreSummary {
  id: string;
  name: string;
  domain: string;
}

export type StoreActor =
  | { kind: "owner" | "staff"; userId: string; staffAccountId: string; permissions: Permission[]; store: StoreSummary }
  | {
      kind: "collaborator";
      userId: string;
      accessId: string;
      organizationId: string;
      organizationName: string;
      permissions: Permission[];
      store: StoreSummary;
    };

export type StoreAccessDecision = { ok: true; actor: StoreActor } | { ok: false; reason: "notFound" | "forbidden" };

const TOUCH_AFTER_MS = 5 * 60_000;

export async function resolveStoreActor(session: Pick<SessionUser, "sessionId" | "user">, storeId: string): Promise<StoreAccessDecision> {
  if (!isUuid(storeId)) return { ok: false, reason: "notFound" };
  const staff = await db().staffAccount.findFirst({
    where: { storeId, userId: session.user.id },
    select: { id: true, isOwner: true, status: true, permissions: true, lastActiveAt: true, store: { select: { id: true, name: true, domain: true } } },
  });
  if (staff) {
    // Seed 000's rule: access is approved while the account is active and holds a permission.
    if (staff.status !== "ACTIVE" || (!staff.isOwner && staff.permissions.length === 0)) return { ok: false, reason: "forbidden" };
    if (!staff.lastActiveAt || Date.now() - staff.lastActiveAt.getTime() > TOUCH_AFTER_MS) {
      await db().staffAccount.update({ where: { id: staff.id }, data: { lastActiveAt: new Date() } });
    }
    return {
      ok: true,
      actor: { kind: staff.isOwner ? "owner" : "staff", userId: session.user.id, staffAccountId: staff.id, permissions: staff.permissions, store: staff.store },
    };
  }
  const entry = await db().collaboratorSession.findFirst({
    where: { sessionId: session.sessionId, userId: session.user.id, access: { storeId } },
    select: {
      access: {
        select: {
          id: true,
          state: true,
          permissions: true,
          lastUsedAt: true,
          organization: { select: { id: true, name: true, memberships: { where: { userId: session.user.id }, select: { id: true } } } },
          store: { select: { id: true, name: true, domain: true } },
        },
      },
    },
  });
  const access = entry?.access;
  if (access && isUsable(access.state) && access.organization.memberships.length > 0) {
    if (!access.lastUsedAt || Date.now() - access.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
      await db().collaboratorAccess.update({ where: { id: access.id }, data: { lastUsedAt: new Date() } });
    }
    return {
      ok: true,
      actor: {
        kind: "collaborator",
        userId: session.user.id,
        accessId: access.id,
        organizationId: access.organization.id,
        organizationName: access.organization.name,
        permissions: access.permissions,
        store: access.store,
      },
    };
  }
  if (access) return { ok: false, reason: "forbidden" };
  return { ok: false, reason: "notFound" };
}
