// Partner organizations: creating one, and its members. Only owners of an organization add or remove
// people: the route asks first, and each use case asks again in its transaction.
import { db, type Tx } from "~/lib/db.server";
import { inTransaction } from "~/lib/transaction.server";
import { newToken } from "~/lib/tokens.server";
import { isUuid } from "~/domain/ids";
import { ok, refuse, type Refusal, type Result } from "~/domain/result";
import { logActivity } from "./activity.server";
import { enqueueMail } from "./outbox.server";
import { lockOrganization, type LockedOrganization } from "./locks.server";
import { partnerActor, type PartnerUser } from "./partner-common.server";

/** How long an invitation to join an organization can be accepted. */
export const MEMBER_INVITATION_DAYS = 14;

export async function createOrganization(user: PartnerUser, input: { name: string }, ip?: string | null): Promise<Result<{ id: string; name: string }>> {
  return inTransaction(async (tx) => {
    const organization = await tx.partnerOrganization.create({ data: { name: input.name }, select: { id: true, name: true } });
    await tx.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "OWNER" } });
    await logActivity(tx, partnerActor(user, ip), { action: "organization.created", organizationId: organization.id, subject: input.name });
    return ok(organization);
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

/**
 * The organization, locked (member changes of one organization queue here, so "the last owner stays" and
 * "one invitation per email" hold under concurrency), when `user` is one of its owners; otherwise the
 * refusal: not found for someone outside it, forbidden for a plain member.
 */
async function lockAsOwner(tx: Tx, user: PartnerUser, organizationId: string): Promise<LockedOrganization | Refusal> {
  const organization = await lockOrganization(tx, organizationId);
  if (!organization) return refuse.notFound();
  const membership = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId: user.id } }, select: { role: true } });
  if (!membership) return refuse.notFound();
  if (membership.role !== "OWNER") return refuse.forbidden();
  return organization;
}

const refused = (value: LockedOrganization | Refusal): value is Refusal => "ok" in value;

/** Whether the person was added at once (they had a login) or invited by email. */
export type InviteResult = Result<{ added: boolean }>;

/**
 * An existing login becomes a member at once (and is told by email); anyone else gets an invitation
 * that is accepted when they sign up with that address.
 */
export async function inviteMember(user: PartnerUser, organizationId: string, email: string, ip?: string | null): Promise<InviteResult> {
  if (!isUuid(organizationId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const organization = await lockAsOwner(tx, user, organizationId);
    if (refused(organization)) return organization;
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing) {
      const already = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId: existing.id } } });
      if (already) return refuse.conflict("email", "members.errors.already");
      await tx.membership.create({ data: { organizationId, userId: existing.id } });
      await enqueueMail(tx, {
        to: email,
        locale: existing.locale,
        mail: { kind: "memberAdded", params: { inviter: `${user.firstName} ${user.lastName}`, organization: organization.name, loginPath: "/login" } },
      });
    } else {
      const pending = await tx.organizationInvitation.findFirst({ where: { organizationId, email, acceptedAt: null, expiresAt: { gt: new Date() } } });
      if (pending) return refuse.conflict("email", "members.errors.invited");
      await tx.organizationInvitation.create({
        data: { organizationId, email, tokenHash: newToken().hash, invitedById: user.id, expiresAt: new Date(Date.now() + MEMBER_INVITATION_DAYS * 86_400_000) },
      });
      await enqueueMail(tx, {
        to: email,
        locale: user.locale,
        mail: {
          kind: "memberInvited",
          params: { inviter: `${user.firstName} ${user.lastName}`, organization: organization.name, signupPath: `/signup?email=${encodeURIComponent(email)}`, days: MEMBER_INVITATION_DAYS },
        },
      });
    }
    await logActivity(tx, partnerActor(user, ip), { action: "organization.member_invited", organizationId, subject: email });
    return ok({ added: Boolean(existing) });
  });
}

/** Done; not found; forbidden for a plain member; or a conflict when it would leave the organization without an owner. */
export type RemoveMemberResult = Result;

export async function removeMember(user: PartnerUser, organizationId: string, membershipId: string, ip?: string | null): Promise<RemoveMemberResult> {
  if (!isUuid(membershipId) || !isUuid(organizationId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const organization = await lockAsOwner(tx, user, organizationId);
    if (refused(organization)) return organization;
    const membership = await tx.membership.findFirst({ where: { id: membershipId, organizationId }, include: { user: true } });
    if (!membership) return refuse.notFound();
    if (membership.role === "OWNER") {
      const owners = await tx.membership.count({ where: { organizationId, role: "OWNER" } });
      if (owners <= 1) return refuse.conflict("form", "members.errors.lastOwner");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    // Their collaborator sessions in this organization's stores end now.
    await tx.collaboratorSession.deleteMany({ where: { userId: membership.userId, access: { organizationId } } });
    await logActivity(tx, partnerActor(user, ip), { action: "organization.member_removed", organizationId, subject: membership.user.email });
    return ok();
  });
}

export async function cancelInvitation(user: PartnerUser, organizationId: string, invitationId: string, ip?: string | null): Promise<Result> {
  if (!isUuid(invitationId) || !isUuid(organizationId)) return refuse.notFound();
  return inTransaction(async (tx) => {
    const organization = await lockAsOwner(tx, user, organizationId);
    if (refused(organization)) return organization;
    const invitation = await tx.organizationInvitation.findFirst({ where: { id: invitationId, organizationId, acceptedAt: null } });
    if (!invitation) return refuse.notFound();
    await tx.organizationInvitation.delete({ where: { id: invitation.id } });
    await logActivity(tx, partnerActor(user, ip), { action: "organization.invitation_cancelled", organizationId, subject: invitation.email });
    return ok();
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
