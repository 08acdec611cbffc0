// Small builders for integration tests. They write through Prisma directly, the way the seed does,
// so each test sets up only the world it needs.
import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { hashPassword } from "~/lib/password.server";
import { generateCollaboratorCode } from "~/domain/collaborator-code";
import { ALL_PERMISSIONS, type Permission } from "~/domain/permissions";
import type { SessionUser } from "~/services/sessions.server";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export async function createUser(overrides: { email?: string; firstName?: string; lastName?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID().slice(0, 8);
  return db().user.create({
    data: {
      email: (overrides.email ?? `user-${id}@example.test`).toLowerCase(),
      firstName: overrides.firstName ?? "Test",
      lastName: overrides.lastName ?? `User ${id}`,
      passwordHash: await passwordHash,
    },
  });
}

/** A session row for the user, as sign-in would create it. */
export async function createSession(user: { id: string; email: string; firstName: string; lastName: string }): Promise<SessionUser> {
  const sessionId = randomUUID();
  await db().session.create({ data: { id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
  return { sessionId, user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, locale: null }, flash: null };
}

export async function createOrganization(options: { name?: string; members?: { id: string }[] } = {}) {
  const organization = await db().partnerOrganization.create({ data: { name: options.name ?? `Agency ${randomUUID().slice(0, 6)}` } });
  for (const [index, member] of (options.members ?? []).entries()) {
    await db().membership.create({ data: { organizationId: organization.id, userId: member.id, role: index === 0 ? "OWNER" : "MEMBER" } });
  }
  return organization;
}

export async function createStore(options: {
  owner?: { id: string; email: string; firstName: string; lastName: string };
  name?: string;
  handle?: string;
  plan?: "BASIC" | "STANDARD" | "ADVANCED";
  code?: string;
  codeRequired?: boolean;
} = {}) {
  const owner = options.owner ?? (await createUser());
  const handle = options.handle ?? `store-${randomUUID().slice(0, 8)}`;
  const store = await db().store.create({
    data: {
      name: options.name ?? `Store ${handle}`,
      domain: `${handle}.portier.test`,
      contactEmail: owner.email,
      plan: options.plan ?? "STANDARD",
      collaboratorCode: options.code ?? generateCollaboratorCode(),
      collaboratorCodeRequired: options.codeRequired ?? true,
    },
  });
  const ownerAccount = await db().staffAccount.create({
    data: { storeId: store.id, userId: owner.id, email: owner.email, firstName: owner.firstName, lastName: owner.lastName, isOwner: true, status: "ACTIVE", permissions: ALL_PERMISSIONS },
  });
  return { store, owner, ownerAccount };
}

export async function createStaff(
  storeId: string,
  user: { id: string; email: string; firstName: string; lastName: string },
  permissions: Permission[],
  status: "INVITED" | "ACTIVE" | "LOCKED" | "ARCHIVED" = "ACTIVE",
) {
  return db().staffAccount.create({
    data: { storeId, userId: status === "INVITED" ? null : user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, status, permissions },
  });
}
