// Settings: the store's details (settings:view / settings:manage) and the collaborator request code,
// which is the owner's alone (SPEC.md rule 2 and "Collaborator request code settings ... are the owner's alone").
import { db } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { can } from "~/domain/permissions";
import { CODE_ATTEMPT_LIMIT, CODE_LOCKOUT_MINUTES, generateCollaboratorCode } from "~/domain/collaborator-code";
import type { StoreDetails } from "~/domain/store-settings";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import type { StoreActor } from "./store-access.server";
import { loadDecider } from "./store-admin.server";
import { lockStore } from "./locks.server";

export async function getStoreDetails(storeId: string) {
  return db().store.findUniqueOrThrow({
    where: { id: storeId },
    select: { id: true, name: true, domain: true, contactEmail: true, address: true, currency: true, timezone: true, inactivityDays: true, plan: true },
  });
}

/** What the owner's code card shows. Never sent to anyone but the owner. */
export async function getCodeSettings(actor: StoreActor, storeId: string) {
  if (actor.kind !== "owner" || actor.store.id !== storeId) return null;
  const since = new Date(Date.now() - CODE_LOCKOUT_MINUTES * 60_000);
  const [store, totals, recent] = await Promise.all([
    db().store.findUniqueOrThrow({ where: { id: storeId }, select: { collaboratorCode: true, collaboratorCodeRequired: true, domain: true } }),
    db().codeAttempt.groupBy({ by: ["organizationId"], where: { storeId }, _count: { _all: true }, _max: { createdAt: true } }),
    db().codeAttempt.groupBy({ by: ["organizationId"], where: { storeId, createdAt: { gte: since } }, _count: { _all: true } }),
  ]);
  const organizations = await db().partnerOrganization.findMany({
    where: { id: { in: totals.map((row) => row.organizationId) } },
    select: { id: true, name: true },
  });
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const recentCounts = new Map(recent.map((row) => [row.organizationId, row._count._all]));
  const failedAttempts = totals
    .map((row) => ({
      organizationId: row.organizationId,
      organizationName: names.get(row.organizationId) ?? "",
      attempts: row._count._all,
      lastAttemptAt: row._max.createdAt,
      blocked: (recentCounts.get(row.organizationId) ?? 0) >= CODE_ATTEMPT_LIMIT,
    }))
    .sort((a, b) => (b.lastAttemptAt?.getTime() ?? 0) - (a.lastAttemptAt?.getTime() ?? 0));
  return { code: store.collaboratorCode, required: store.collaboratorCodeRequired, domain: store.domain, failedAttempts };
}

/** settings:manage changes the details; the server refuses anyone else, whatever the page showed them. */
export async function updateStoreDetails(actor: StoreActor, storeId: string, input: StoreDetails, ip?: string | null): Promise<Result> {
  if (actor.store.id !== storeId || !can(actor.permissions, "settings", "manage")) return refuse.forbidden();
  return inTransaction(async (tx) => {
    if (actor.kind !== "collaborator") {
      const who = await loadDecider(tx, actor, storeId, ip);
      if (!who || !can(who.permissions, "settings", "manage")) return refuse.forbidden();
    } else {
      // A collaborator's permissions are re-read too: an access suspended a moment ago changes nothing.
      const access = await tx.collaboratorAccess.findFirst({ where: { id: actor.accessId, storeId, state: "MANAGED" }, select: { permissions: true } });
      if (!access || !can(access.permissions, "settings", "manage")) return refuse.forbidden();
    }
    await lockStore(tx, storeId);
    const before = await tx.store.findUniqueOrThrow({
      where: { id: storeId },
      select: { name: true, contactEmail: true, address: true, currency: true, timezone: true, inactivityDays: true },
    });
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return ok();
    await tx.store.update({ where: { id: storeId }, data: input });
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { firstName: true, lastName: true, email: true } });
    await logActivity(
      tx,
      {
        userId: actor.userId,
        label: `${user.firstName} ${user.lastName} <${user.email}>`,
        kind: actor.kind,
        ip: ip ?? null,
      },
      {
        action: "store.details_updated",
        storeId,
        organizationId: actor.kind === "collaborator" ? actor.organizationId : null,
        subject: input.name,
        details: { changed },
      },
    );
    return ok();
  });
}

function ownerOnly(actor: StoreActor, storeId: string): boolean {
  return actor.kind === "owner" && actor.store.id === storeId;
}

/** A new random code; the old one stops working at once (requestAccess reads the code under the same store lock). */
export async function regenerateCollaboratorCode(actor: StoreActor, storeId: string, ip?: string | null): Promise<Result> {
  if (!ownerOnly(actor, storeId)) return refuse.forbidden();
  return inTransaction(async (tx) => {
    const who = await loadDecider(tx, actor, storeId, ip);
    if (!who?.isOwner) return refuse.forbidden();
    await lockStore(tx, storeId);
    const { collaboratorCode: old } = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { collaboratorCode: true } });
    let code = generateCollaboratorCode();
    while (code === old) code = generateCollaboratorCode();
    await tx.store.update({ where: { id: storeId }, data: { collaboratorCode: code } });
    // Never the code itself in the log.
    await logActivity(tx, who.activity, { action: "collaborator_code.regenerated", storeId });
    return ok();
  });
}

/** Turning the requirement off is allowed, logged, and explained on the page (anyone who knows the store URL can then request). */
export async function setCodeRequired(actor: StoreActor, storeId: string, required: boolean, ip?: string | null): Promise<Result> {
  if (!ownerOnly(actor, storeId)) return refuse.forbidden();
  return inTransaction(async (tx) => {
    const who = await loadDecider(tx, actor, storeId, ip);
    if (!who?.isOwner) return refuse.forbidden();
    await lockStore(tx, storeId);
    const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { collaboratorCodeRequired: true } });
    if (store.collaboratorCodeRequired === required) return ok();
    await tx.store.update({ where: { id: storeId }, data: { collaboratorCodeRequired: required } });
    await logActivity(tx, who.activity, { action: "collaborator_code.requirement_changed", storeId, details: { required } });
    return ok();
  });
}
