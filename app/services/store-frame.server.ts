// What the store admin's frame shows around every page: the navigation badge and the switcher.
import { db } from "~/lib/db.server";
import { can } from "~/domain/permissions";
import type { StoreActor } from "./store-access.server";

export async function pendingRequestBadge(actor: StoreActor): Promise<number> {
  if (actor.kind === "collaborator" || !can(actor.permissions, "staff", "view")) return 0;
  return db().collaboratorRequest.count({ where: { storeId: actor.store.id, status: "PENDING" } });
}
