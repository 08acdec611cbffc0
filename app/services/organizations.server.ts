// Partner organizations: creating one, and its members.
import { db, type Tx } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { newToken } from "~/lib/tokens.server";
import { env } from "~/lib/env.server";
import { logActivity, actorLabel, type Actor } from "./activity.server";
import { enqueueMail } from "./outbox.server";
import type { SessionUser } from "./sessions.server";

type User = SessionUser["user"];

function partnerActor(user: User, ip?: string): Actor {
  return { userId: user.id, label: actorLabel(user), kind: "partner", ip };
}

export async function createOrganization(user: User, input: { name: string }, ip?: string) {
  return inTransaction(async (tx) => {
    const organization = await tx.partnerOrganization.create({ data: { name: input.name } });
    await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "OWNER" } });
    await logActivity(tx, partnerActor(user, ip), { action: "organization.created", organizationId: organization.id, subject: input.name });
    return organization;
  });
}

export async function membershipOf(userId: string, organizationId: string) {
  return db().membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: { role: true, organization: { select: { id: true, name: true, pendingRequestCount: true } } },
  });
}

export async function listMembers(organizationId: string) {
  const [members, invitations] = await Promise.all([
    db().membership.findMany({
      where: { organizationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, firstName: true, lastName: true } } },
    }),
    db().organizationInvitation.findMany({
      where: { organizationId, acceptedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, createdAt: true },
    }),
  ]);
  return { members, invitations };
}

export type InviteResult = { ok: true; added: boolean } | { ok: false; errors: Record<string, string> };

/**
 * An existing login becomes a member at once (and is told by email); anyone else gets an invitation
 * that is accepted when they sign up with that address.
 */
export async function inviteMember(user: User, organizationId: string, email: string, ip?: string): Promise<InviteResult> {
  return inTransaction(async (tx) => {
    const organization = await tx.partnerOrganization.findUniqueOrThrow({ where: { id: organizationId } });
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing) {
      const already = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId: existing.id } } });
      if (already) return { ok: false, errors: { email: "members.errors.already" } };
      await tx.membership.create({ data: { organizationId, userId: existing.id } });
      await enqueueMail(tx, {
        to: email,
        locale: existing.locale,
        mail: { kind: "memberAdded", params: { inviter: `${user.firstName} ${user.lastName}`, organization: organization.name, loginPath: "/login" } },
      });
    } else {
      const pending = await tx.organizationInvitation.findFirst({ where: { organizationId, email, acceptedAt: null, expiresAt: { gt: new Date() } } });
      if (pending) return { ok: false, errors: { email: "members.errors.invited" } };
      await tx.organizationInvitation.create({
        data: { organizationId, email, tokenHash: newToken().hash, invitedById: user.id, expiresAt: new Date(Date.now() + 14 * 86_400_000) },
      });
      await enqueueMail(tx, {
        to: email,
        locale: user.locale,
        mail: {
          kind: "memberInvited",
          params: { inviter: `${user.firstName} ${user.lastName}`, organization: organization.name, signupPath: `/signup?email=${encodeURIComponent(email)}`, days: 14 },
        },
      });
    }
    await logActivity(tx, partnerActor(user, ip), { action: "organization.member_invited", organizationId, subject: email });
    return { ok: true, added: Boolean(existing) };
  });
}

export type RemoveMemberResult = { ok: true } | { ok: false; error: "members.errors.lastOwner" | "members.errors.notFound" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function removeMember(user: User, organizationId: string, membershipId: string, ip?: string): Promise<RemoveMemberResult> {
  if (!UUID.test(membershipId) || !UUID.test(organizationId)) return { ok: false, error: "members.errors.notFound" };
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "PartnerOrganization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
    const membership = await tx.membership.findFirst({ where: { id: membershipId, organizationId }, include: { user: true } });
    if (!membership) return { ok: false, error: "members.errors.notFound" };
    if (membership.role === "OWNER") {
      const owners = await tx.membership.count({ where: { organizationId, role: "OWNER" } });
      if (owners <= 1) return { ok: false, error: "members.errors.lastOwner" };
    }
    await tx.membership.delete({ where: { id: membership.id } });
    // Their collaborator sessions in this organization's stores end now.
    await tx.collaboratorSession.deleteMany({ where: { userId: membership.userId, access: { organizationId } } });
    await logActivity(tx, partnerActor(user, ip), { action: "organization.member_removed", organizationId, subject: membership.user.email });
    return { ok: true };
  });
}

export async function cancelInvitation(user: User, organizationId: string, invitationId: string, ip?: string) {
  if (!UUID.test(invitationId) || !UUID.test(organizationId)) return false;
  return inTransaction(async (tx) => {
    const invitation = await tx.organizationInvitation.findFirst({ where: { id: invitationId, organizationId, acceptedAt: null } });
    if (!invitation) return false;
    await tx.organizationInvitation.delete({ where: { id: invitation.id } });
    await logActivity(tx, partnerActor(user, ip), { action: "organization.invitation_cancelled", organizationId, subject: invitation.email });
    return true;
  });
}

/** Called when a login is created: open invitations for its email become memberships. */
export async function acceptPendingInvitationsFor(tx: Tx, user: { id: string; email: string }) {
  const invitations = await tx.organizationInvitation.findMany({ where: { email: user.email, acceptedAt: null, expiresAt: { gt: new Date() } } });
  for (const invitation of invitations) {
    await tx.membership.upsert({
      where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
      create: { organizationId: invitation.organizationId, userId: user.id },
      update: {},
    });
    await tx.organizationInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
  }
}
