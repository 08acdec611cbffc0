// Where a signed-in person may go: their partner organizations and the stores they own or staff.
import { db } from "~/lib/db.server";
import type { Workspaces } from "~/domain/workspace";

export { landingPath, SWITCHER_LIMIT, type Workspaces } from "~/domain/workspace";

/**
 * One statement (the frame runs it on every page): the organizations the person belongs to, and the stores
 * they own or staff with an active account that holds at least one permission, each by name, at most
 * `limitPerKind` of each (all of them without a limit).
 */
export async function listWorkspaces(userId: string, limitPerKind: number | null = null): Promise<Workspaces> {
  const rows = await db().$queryRaw<{ kind: "organization" | "store"; id: string; name: string; domain: string | null; isOwner: boolean }[]>`
    (SELECT 'organization' AS "kind", o."id"::text AS "id", o."name", NULL::text AS "domain", false AS "isOwner"
       FROM "Membership" m JOIN "PartnerOrganization" o ON o."id" = m."organizationId"
      WHERE m."userId" = ${userId}::uuid
      ORDER BY o."name", o."id" LIMIT ${limitPerKind}::int)
    UNION ALL
    (SELECT 'store', s."id"::text, s."name", s."domain", a."isOwner"
       FROM "StaffAccount" a JOIN "Store" s ON s."id" = a."storeId"
      WHERE a."userId" = ${userId}::uuid AND a."status" = 'ACTIVE' AND (a."isOwner" OR cardinality(a."permissions") > 0)
      ORDER BY s."name", s."id" LIMIT ${limitPerKind}::int)`;
  return {
    organizations: rows.filter((row) => row.kind === "organization").map(({ id, name }) => ({ id, name })),
    stores: rows.filter((row) => row.kind === "store").map(({ id, name, domain, isOwner }) => ({ id, name, domain: domain ?? "", isOwner })),
  };
}
