// What the measured URLs need from the seeded world that world.ts's formulas cannot tell: the cursors of
// the deep pages, and the rows each page must show (the check of every answer looks for them, so that a
// page that answers 200 with an empty list, an error boundary or someone else's data does not pass).
// Read once, while the seeding process still holds the database.
import { partnerStoresCursor } from "./app";
import type { BenchDatabase } from "./database";
import { orgId, storeId } from "./world";

export interface Fixtures {
  /** The row after which the deep page starts (halfway down organization 1's list). */
  deepPosition: number;
  deepCursor: string;
  /** After row 25: the page with the most rows after its cursor. */
  secondPageCursor: string;
  /** The domain of the first store on organization j's Stores page (index j - 1), and on the deep page. */
  firstStoreDomain: string[];
  deepStoreDomain: string;
  /** The person of the newest log entry of store i (index i - 1): the first row of Home's log. */
  newestActivityActor: string[];
  /** The newest order of store 1: the first row of its Orders list. */
  newestOrderId: string;
  /** The first staff account of store 1 by email: on the staff list. */
  staffEmail: string;
}

/** Organization 1's list in the page's order (most recently changed first, then id), from row `position` (1-based). */
async function partnerStoreRow(database: BenchDatabase, organization: number, position: number) {
  const [row] = await database.query<{ id: string; updatedAt: Date | string; domain: string }>(
    `SELECT a."id"::text AS "id", a."updatedAt", s."domain" FROM "CollaboratorAccess" a JOIN "Store" s ON s."id" = a."storeId"
      WHERE a."organizationId" = $1 AND a."listed" AND a."state" <> 'CANCELLED'
      ORDER BY a."updatedAt" DESC, a."id" ASC OFFSET ${position - 1} LIMIT 1`,
    [orgId(organization)],
  );
  if (!row) throw new Error(`organization ${organization} lists fewer than ${position} stores`);
  // PGlite hands timestamps without time zone back as text; they are UTC.
  return { ...row, updatedAt: row.updatedAt instanceof Date ? row.updatedAt : new Date(`${row.updatedAt}Z`) };
}

export async function readFixtures(database: BenchDatabase, listedByOrganization1: number): Promise<Fixtures> {
  const cursorAfter = async (position: number) => {
    const row = await partnerStoreRow(database, 1, position);
    return partnerStoresCursor({ updatedAt: row.updatedAt, accessId: row.id });
  };
  // Halfway down the list (page 100 of 200 at full scale): as many rows after it as before.
  const deepPosition = Math.floor(listedByOrganization1 / 2 / 25) * 25;
  const newestActor = async (i: number) =>
    (await database.query<{ label: string }>(`SELECT "actorLabel" AS label FROM "ActivityLog" WHERE "storeId" = $1 ORDER BY "id" DESC LIMIT 1`, [storeId(i)]))[0].label;
  const [order] = await database.query<{ id: string }>(`SELECT "id"::text AS id FROM "Order" WHERE "storeId" = $1 ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`, [storeId(1)]);
  const [staff] = await database.query<{ email: string }>(`SELECT "email" FROM "StaffAccount" WHERE "storeId" = $1 AND NOT "isOwner" ORDER BY "email" LIMIT 1`, [storeId(1)]);
  return {
    deepPosition,
    deepCursor: await cursorAfter(deepPosition),
    secondPageCursor: await cursorAfter(25),
    firstStoreDomain: [(await partnerStoreRow(database, 1, 1)).domain, (await partnerStoreRow(database, 2, 1)).domain, (await partnerStoreRow(database, 3, 1)).domain],
    deepStoreDomain: (await partnerStoreRow(database, 1, deepPosition + 1)).domain,
    newestActivityActor: [await newestActor(1), await newestActor(2), await newestActor(3)],
    newestOrderId: order.id,
    staffEmail: staff.email,
  };
}
