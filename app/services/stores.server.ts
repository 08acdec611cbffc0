// Creating a store: the owner's account comes with it, and so does a random collaborator request code.
import { inTransaction, violates } from "~/lib/transaction.server";
import { generateCollaboratorCode } from "~/domain/collaborator-code";
import { ALL_PERMISSIONS } from "~/domain/permissions";
import { domainForHandle } from "~/domain/store-url";
import type { PlanName } from "~/domain/plans";
import { ok, refuse, type Result } from "~/domain/result";
import { logActivity, actorLabel } from "./activity.server";
import type { SessionUser } from "./sessions.server";

/** The new store, or a conflict on its address when another store took it first. */
export type CreateStoreResult = Result<{ storeId: string }>;

export async function createStore(
  user: SessionUser["user"],
  input: { name: string; handle: string; contactEmail: string; plan: PlanName },
  ip?: string | null,
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
      return ok({ storeId: store.id });
    });
  } catch (error) {
    if (violates(error, "Store_domain_key")) return refuse.conflict("handle", "stores.new.errors.handleTaken");
    throw error;
  }
}
