// What the seed actually wrote, counted back from the database right after seeding. The README's world
// table is printed from these counts (not from world.ts's planned sizes), so it cannot claim a world the
// run did not measure.
import type { BenchDatabase } from "./database";
import { orgId, storeId } from "./world";

export interface StoreCounts {
  name: string;
  activity: number;
  staff: number;
  /** Staff accounts with a person behind them (the rest are invitations nobody accepted yet). */
  staffWithLogin: number;
  staffByStatus: Record<string, number>;
  /** Organizations that manage the store. */
  collaboratorOrganizations: number;
  pendingRequests: number;
  orders: number;
  customers: number;
  products: number;
}

export interface OrganizationCounts {
  name: string;
  members: number;
  accessRows: number;
  accessByState: Record<string, number>;
  /** What its Stores page lists (listed rows, cancelled requests left out). */
  listed: number;
  pending: number;
}

export interface WorldCounts {
  /** Rows per table. */
  tables: Record<string, number>;
  /** Organizations 1, 2, 3: the agency at its cap, then 10× and 100× fewer stores. */
  organizations: OrganizationCounts[];
  /** Stores 1, 2, 3: the large store, then 10× and 100× less data. */
  stores: StoreCounts[];
  /** Log entries written by organization 1's people. */
  activityOfOrganization1: number;
}

const TABLES = ["PartnerOrganization", "Store", "User", "StaffAccount", "CollaboratorAccess", "CollaboratorRequest", "Notification", "CodeAttempt", "ActivityLog", "Order", "Customer", "Product"];

const byKey = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((row) => [row.key, row.n]));

export async function countWorld(database: BenchDatabase): Promise<WorldCounts> {
  const one = async (sql: string, params: unknown[] = []) => (await database.query<{ n: number }>(sql, params))[0].n;
  const tables: Record<string, number> = {};
  for (const table of TABLES) tables[table] = await one(`SELECT count(*)::int AS n FROM "${table}"`);

  const organization = async (j: number): Promise<OrganizationCounts> => {
    const id = orgId(j);
    const [row] = await database.query<{ name: string; pending: number }>(`SELECT "name", "pendingRequestCount"::int AS pending FROM "PartnerOrganization" WHERE "id" = $1`, [id]);
    const accessByState = byKey(
      await database.query<{ key: string; n: number }>(`SELECT "state"::text AS key, count(*)::int AS n FROM "CollaboratorAccess" WHERE "organizationId" = $1 GROUP BY 1`, [id]),
    );
    return {
      name: row.name,
      members: await one(`SELECT count(*)::int AS n FROM "Membership" WHERE "organizationId" = $1`, [id]),
      accessRows: Object.values(accessByState).reduce((a, b) => a + b, 0),
      accessByState,
      listed: await one(`SELECT count(*)::int AS n FROM "CollaboratorAccess" WHERE "organizationId" = $1 AND "listed" AND "state" <> 'CANCELLED'`, [id]),
      pending: row.pending,
    };
  };

  const store = async (i: number): Promise<StoreCounts> => {
    const id = storeId(i);
    const count = (table: string, extra = "") => one(`SELECT count(*)::int AS n FROM "${table}" WHERE "storeId" = $1 ${extra}`, [id]);
    const staffByStatus = byKey(
      await database.query<{ key: string; n: number }>(`SELECT "status"::text AS key, count(*)::int AS n FROM "StaffAccount" WHERE "storeId" = $1 AND NOT "isOwner" GROUP BY 1`, [id]),
    );
    const [row] = await database.query<{ name: string }>(`SELECT "name" FROM "Store" WHERE "id" = $1`, [id]);
    return {
      name: row.name,
      activity: await count("ActivityLog"),
      staff: await count("StaffAccount", `AND NOT "isOwner"`),
      staffWithLogin: await count("StaffAccount", `AND NOT "isOwner" AND "userId" IS NOT NULL`),
      staffByStatus,
      collaboratorOrganizations: await count("CollaboratorAccess", `AND "state" = 'MANAGED'`),
      pendingRequests: await count("CollaboratorRequest", `AND "status" = 'PENDING'`),
      orders: await count("Order"),
      customers: await count("Customer"),
      products: await count("Product"),
    };
  };

  return {
    tables,
    organizations: [await organization(1), await organization(2), await organization(3)],
    stores: [await store(1), await store(2), await store(3)],
    activityOfOrganization1: await one(`SELECT count(*)::int AS n FROM "ActivityLog" WHERE "organizationId" = $1`, [orgId(1)]),
  };
}
