// The rules of SPEC.md that must hold in the database whatever the interleaving, checked with SQL over
// the whole database. Each query returns the offending rows; an empty answer everywhere means all hold.
import type { PrismaClient } from "~/generated/prisma/client";

const CHECKS: Record<string, string> = {
  // Rule 3: at most 10 pending requests per organization, and the trigger-kept counter is exact.
  "pending cap (at most 10 per organization)": `
    SELECT "organizationId", count(*) FROM "CollaboratorRequest" WHERE "status" = 'PENDING' GROUP BY 1 HAVING count(*) > 10`,
  "pending counter equals the pending requests": `
    SELECT o."id", o."pendingRequestCount", (SELECT count(*) FROM "CollaboratorRequest" r WHERE r."organizationId" = o."id" AND r."status" = 'PENDING') AS "actual"
    FROM "PartnerOrganization" o
    WHERE o."pendingRequestCount" <> (SELECT count(*) FROM "CollaboratorRequest" r WHERE r."organizationId" = o."id" AND r."status" = 'PENDING')`,
  // Rule 4: one pending request per organization and store, and never pending while managed.
  "one pending request per organization and store": `
    SELECT "organizationId", "storeId", count(*) FROM "CollaboratorRequest" WHERE "status" = 'PENDING' GROUP BY 1, 2 HAVING count(*) > 1`,
  "the access row follows its latest request": `
    SELECT a."id", a."state", r."status" FROM "CollaboratorAccess" a JOIN "CollaboratorRequest" r ON r."id" = a."requestId"
    WHERE (a."state" = 'PENDING' AND r."status" <> 'PENDING')
       OR (a."state" IN ('MANAGED', 'SUSPENDED') AND r."status" <> 'APPROVED')
       OR (a."state" = 'CANCELLED' AND r."status" <> 'CANCELLED')
       OR (a."state" = 'DECLINED' AND r."status" <> 'DECLINED')
       OR (r."status" = 'PENDING' AND a."state" <> 'PENDING')`,
  "a pending request has its access row": `
    SELECT r."id" FROM "CollaboratorRequest" r
    WHERE r."status" = 'PENDING' AND NOT EXISTS (SELECT 1 FROM "CollaboratorAccess" a WHERE a."requestId" = r."id" AND a."state" = 'PENDING')`,
  "a managed access has an approved request": `
    SELECT a."id" FROM "CollaboratorAccess" a WHERE a."state" IN ('MANAGED', 'SUSPENDED')
      AND (a."requestId" IS NULL OR NOT EXISTS (SELECT 1 FROM "CollaboratorRequest" r WHERE r."id" = a."requestId" AND r."status" = 'APPROVED'))`,
  "a decided request has who and when": `
    SELECT "id" FROM "CollaboratorRequest"
    WHERE ("status" IN ('APPROVED', 'DECLINED') AND ("decidedAt" IS NULL OR "decidedById" IS NULL))
       OR ("status" = 'CANCELLED' AND "cancelledAt" IS NULL)`,
  // Rule 11: the plan's staff limit (the owner and archived accounts do not hold a seat).
  "staff limit of the plan": `
    SELECT s."id", s."plan", count(a.*) FROM "Store" s JOIN "StaffAccount" a ON a."storeId" = s."id"
    WHERE NOT a."isOwner" AND a."status" IN ('INVITED', 'ACTIVE', 'LOCKED')
    GROUP BY s."id", s."plan"
    HAVING count(a.*) > CASE s."plan" WHEN 'BASIC' THEN 2 WHEN 'STANDARD' THEN 5 ELSE 15 END`,
  // Rule 5: nobody is staff (invited or active) on a store and a member of an organization with
  // pending or active collaborator access to it.
  "staff and collaborator are exclusive": `
    SELECT a."storeId", a."email", ca."organizationId"
    FROM "StaffAccount" a
    JOIN "CollaboratorAccess" ca ON ca."storeId" = a."storeId" AND ca."state" IN ('PENDING', 'MANAGED', 'SUSPENDED')
    JOIN "Membership" m ON m."organizationId" = ca."organizationId"
    JOIN "User" u ON u."id" = m."userId"
    WHERE NOT a."isOwner" AND a."status" IN ('INVITED', 'ACTIVE') AND (u."email" = a."email" OR u."id" = a."userId")`,
  "exactly one active owner per store": `
    SELECT s."id" FROM "Store" s
    WHERE (SELECT count(*) FROM "StaffAccount" a WHERE a."storeId" = s."id" AND a."isOwner" AND a."status" = 'ACTIVE') <> 1`,
  "collaborators never hold the staff section": `
    SELECT "id" FROM "CollaboratorAccess" WHERE "permissions" && ARRAY['staff_view', 'staff_manage']::"Permission"[]`,
  "collaborator sessions only on managed accesses": `
    SELECT cs."id" FROM "CollaboratorSession" cs JOIN "CollaboratorAccess" a ON a."id" = cs."accessId" WHERE a."state" <> 'MANAGED'`,
};

export async function brokenInvariants(db: PrismaClient): Promise<Record<string, unknown[]>> {
  const broken: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(CHECKS)) {
    const rows = await db.$queryRawUnsafe<unknown[]>(sql);
    if (rows.length > 0) broken[name] = rows.map((row) => JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? Number(v) : v))));
  }
  return broken;
}

export const INVARIANT_COUNT = Object.keys(CHECKS).length;
