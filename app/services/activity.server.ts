// The append-only activity log (SPEC.md: everything a person does to access is written here).
import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/lib/db.server";

export type ActorKind = "owner" | "staff" | "collaborator" | "partner" | "system" | "anonymous";

export interface Actor {
  userId: string | null;
  label: string;
  kind: ActorKind;
  ip?: string | null;
}

export interface ActivityEntry {
  action: string;
  storeId?: string | null;
  organizationId?: string | null;
  subject?: string | null;
  /** Never a password, a code or a token. */
  details?: Prisma.InputJsonValue;
}

export function actorLabel(user: { firstName: string; lastName: string; email: string }): string {
  return `${user.firstName} ${user.lastName} <${user.email}>`;
}

export async function logActivity(tx: Tx, actor: Actor, entry: ActivityEntry): Promise<void> {
  await tx.activityLog.create({
    data: {
      action: entry.action,
      storeId: entry.storeId ?? null,
      organizationId: entry.organizationId ?? null,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      actorKind: actor.kind,
      subject: entry.subject ?? null,
      details: entry.details ?? {},
      ip: actor.ip ?? null,
    },
  });
}
