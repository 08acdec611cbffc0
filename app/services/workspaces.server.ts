// Where a signed-in person may go: their partner organizations and the stores they own or staff.
import { db } from "~/lib/db.server";

export interface Workspaces {
  organizations: { id: string; name: string }[];
  stores: { id: string; name: string; domain: string; isOwner: boolean }[];
}

export async function listWorkspaces(userId: string): Promise<Workspaces> {
  const [memberships, staffAccounts] = await Promise.all([
    db().membership.findMany({
      where: { userId },
      orderBy: { organization: { name: "asc" } },
      select: { organization: { select: { id: true, name: true } } },
    }),
    db().staffAccount.findMany({
      where: { userId, status: "ACTIVE" },
      orderBy: { store: { name: "asc" } },
      select: { isOwner: true, permissions: true, store: { select: { id: true, name: true, domain: true } } },
    }),
  ]);
  return {
    organizations: memberships.map((m) => m.organization),
    stores: staffAccounts.filter((s) => s.isOwner || s.permissions.length > 0).map((s) => ({ ...s.store, isOwner: s.isOwner })),
  };
}

/** The one place to land after sign-in, or null when the person must choose (or create) one. */
export function landingPath(workspaces: Workspaces): string | null {
  const total = workspaces.organizations.length + workspaces.stores.length;
  if (total !== 1) return null;
  if (workspaces.organizations[0]) return `/partners/${workspaces.organizations[0].id}/stores`;
  return `/store/${workspaces.stores[0].id}`;
}
