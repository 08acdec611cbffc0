// Row locks, in the one order every use case takes them: organization row, then store row, then the
// request, access or staff account row. Locking the organization serialises every access change of that
// organization (the pending cap, one request per store); locking the store serialises the
// staff-vs-collaborator check with staff invitations and the staff limit. The same order everywhere means
// no deadlock between them.
import type { Tx } from "~/lib/db.server";

export interface LockedOrganization {
  id: string;
  name: string;
  pendingRequestCount: number;
}

export async function lockOrganization(tx: Tx, organizationId: string): Promise<LockedOrganization | null> {
  const rows = await tx.$queryRaw<LockedOrganization[]>`
    SELECT "id"::text AS "id", "name", "pendingRequestCount" FROM "PartnerOrganization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
  return rows[0] ? { ...rows[0], pendingRequestCount: Number(rows[0].pendingRequestCount) } : null;
}

export async function lockStore(tx: Tx, storeId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Store" WHERE "id" = ${storeId}::uuid FOR UPDATE`;
}

export async function lockAccess(tx: Tx, accessId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "CollaboratorAccess" WHERE "id" = ${accessId}::uuid FOR UPDATE`;
}

/** A staff account of THIS store (an id from another store locks nothing). */
export async function lockStaffAccount(tx: Tx, storeId: string, staffId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "StaffAccount" WHERE "id" = ${staffId}::uuid AND "storeId" = ${storeId}::uuid FOR UPDATE`;
}
