// "Log in" on a managed store in the partner dashboard: the one way into a store admin as a collaborator
// (SPEC.md rule 9). It ties the person's current session to the organization's access; the store admin
// (store-access.server.ts) accepts a collaborator only through such a row, only while the access is
// MANAGED and the person still belongs to the organization.
import { inTransaction } from "~/lib/transaction.server";
import { logActivity } from "./activity.server";
import { isMember, partnerActor } from "./partner-common.server";
import { isUuid } from "~/domain/ids";
import { ok, refuse, type Result } from "~/domain/result";
import type { SessionUser } from "./sessions.server";

/** The store to open; not found (not this organization's, or not this person's); or a conflict saying why not now. */
export type CollaboratorLoginResult = Result<{ storeId: string }>;

export async function logInToStore(session: SessionUser, organizationId: string, accessId: string, ip?: string | null): Promise<CollaboratorLoginResult> {
  if (!isUuid(organizationId) || !isUuid(accessId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    if (!(await isMember(tx, session.user.id, organizationId))) return refuse.notFound();
    // Row lock: a concurrent "Remove access" either happens before (we see REMOVED) or waits for us and
    // then deletes the session row we create.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "CollaboratorAccess" WHERE "id" = ${accessId}::uuid AND "organizationId" = ${organizationId}::uuid FOR UPDATE`;
    if (!rows[0]) return refuse.notFound();
    const access = await tx.collaboratorAccess.findUniqueOrThrow({
      where: { id: accessId },
      select: { id: true, state: true, storeId: true, store: { select: { name: true, domain: true } }, organization: { select: { name: true } } },
    });
    if (access.state === "SUSPENDED") return refuse.conflict("form", "partner.stores.errors.suspended");
    if (access.state !== "MANAGED") return refuse.conflict("form", "partner.stores.errors.notManaged");

    await tx.collaboratorSession.upsert({
      where: { sessionId_accessId: { sessionId: session.sessionId, accessId } },
      create: { sessionId: session.sessionId, accessId, userId: session.user.id },
      update: {},
    });
    await tx.collaboratorAccess.update({ where: { id: accessId }, data: { lastUsedAt: new Date(), inactivityWarnedAt: null } }); // a log-in cancels an unused-access warning
    await logActivity(tx, { ...partnerActor(session.user, ip), kind: "collaborator" }, {
      action: "collaborator_access.logged_in",
      storeId: access.storeId,
      organizationId,
      subject: access.organization.name,
      details: { organizationName: access.organization.name, storeName: access.store.name, storeDomain: access.store.domain },
    });
    return ok({ storeId: access.storeId });
  });
}
