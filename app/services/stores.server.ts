// Creating a store: the owner's account comes with it, and so does a random collaborator request code.
import { inTransaction, violates } from "~/lib/transaction.server";
import { generateCollaboratorCode } from "~/domain/collaborator-code";
import { ALL_PERMISSIONS } from "~/domain/permissions";
import { domainForHandle } from "~/domain/store-url";
import type { PlanName } from "~/domain/plans";
import type { FieldErrors } from "~/domain/forms";
import { logActivity, actorLabel } from "./activity.server";
import type { SessionUser } from "./sessions.server";

export type CreateStoreResult = { ok: true; storeId: string } | { ok: false; errors: FieldErrors };

export async function createStore(
  user: SessionUser["user"],
  input: { name: string; handle: string; contactEmail: string; plan: PlanName },
  ip?: string,
): Promise<CreateStoreResult> {
  const domain = domainForHandle(input.handle);
  try {
    return await inTransaction(async (tx) => {
      const store = await tx.store.create({
        data: { name: input.name, domain, contactEmail: input.contactEmail, plan: input.plan, collaboratorCode: generateCollaboratorCode() },
      });
      await tx.staffAccount.create({
        data: {
          storeId: store.id,
          userId: user.id,
          email: user.email,
          firstName: user.firstName,
          lastName: user.lastName,
          isOwner: true,
          status: "ACTIVE",
          permissions: ALL_PERMISSIONS,
        },
      });
      await logActivity(tx, { userId: user.id, label: actorLabel(user), kind: "owner", ip }, { action: "store.created", storeId: store.id, subject: domain });
      return { ok: true as const, storeId: store.id };
    });
  } catch (error) {
    if (violates(error, "Store_domain_key")) return { ok: false, errors: { handle: "stores.new.errors.handleTaken" } };
    throw error;
  }
}
