// A fingerprint of the whole database: one hash per table over every row, so that "nothing changed"
// means nothing at all changed. Columns that only record that someone was seen (staff lastActiveAt,
// collaborator lastUsedAt) are left out: reading a page may touch them, by design.
import type { PrismaClient } from "~/generated/prisma/client";

export const TABLES = [
  "User",
  "Session",
  "LoginAttempt",
  "PartnerOrganization",
  "Membership",
  "OrganizationInvitation",
  "Store",
  "StaffAccount",
  "StaffInvitation",
  "CollaboratorRequest",
  "CollaboratorAccess",
  "CollaboratorSession",
  "CodeAttempt",
  "Notification",
  "EmailOutbox",
  "ActivityLog",
  "Customer",
  "Product",
  "Order",
  // Logins and accounts (issue 13)
  "PasswordReset",
  "EmailChange",
  "TrustedDevice",
] as const;

/** Columns touched on reads on purpose ("last seen"), per table. */
const VOLATILE: Record<string, string[]> = {
  StaffAccount: ["lastActiveAt"],
  CollaboratorAccess: ["lastUsedAt"],
};

export type Fingerprint = Record<string, { rows: number; hash: string }>;

export async function fingerprint(db: PrismaClient, options: { ignore?: string[] } = {}): Promise<Fingerprint> {
  const tables = TABLES.filter((t) => !options.ignore?.includes(t));
  // An order-independent sum of row hashes (no sort), with the row count: cheap enough to take around
  // every single request of the matrix.
  const parts = tables.map((table) => {
    const strip = (VOLATILE[table] ?? []).map((c) => ` - '${c}'`).join("");
    return `SELECT '${table}' AS "table", count(*)::int AS "rows", coalesce(sum(hashtextextended((to_jsonb(t)${strip})::text, 7)::numeric), 0)::text AS "hash" FROM "${table}" t`;
  });
  const rows = await db.$queryRawUnsafe<{ table: string; rows: number; hash: string }[]>(parts.join(" UNION ALL "));
  const result: Fingerprint = {};
  for (const row of rows) result[row.table] = { rows: Number(row.rows), hash: row.hash };
  return result;
}

/** The tables whose content differs, for a readable failure message. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(before).filter((t) => before[t].hash !== after[t]?.hash || before[t].rows !== after[t]?.rows);
}
