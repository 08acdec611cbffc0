// Who is acting in a business section (orders, products, customers), as the services and the activity
// log need it: built by the route from the guard's answer, so the services never read a Request.
import { can, type Level, type Permission, type Section } from "~/domain/permissions";
import type { StoreContext } from "./guards.server";
import { actorLabel, type Actor } from "./activity.server";

export interface SectionActor {
  storeId: string;
  storeName: string;
  permissions: Permission[];
  /** For the activity log. */
  log: Actor;
  /** How the person signs what they write (order notes): "Sam Tremblay", or "Nadia Okafor (Northwind Agency)". */
  name: string;
  /** Set when the person works here as a collaborator of a partner organization. */
  organizationName: string | null;
}

/** From the guard's answer (requireSection): the person, what they are in the store, and their address. */
export function sectionActor(context: Pick<StoreContext, "session" | "actor" | "ip">): SectionActor {
  const { session, actor, ip } = context;
  return {
    storeId: actor.store.id,
    storeName: actor.store.name,
    permissions: actor.permissions,
    log: { userId: session.user.id, label: actorLabel(session.user), kind: actor.kind, ip },
    name: `${session.user.firstName} ${session.user.lastName}`.trim() + (actor.kind === "collaborator" ? ` (${actor.organizationName})` : ""),
    organizationName: actor.kind === "collaborator" ? actor.organizationName : null,
  };
}

/**
 * The routes guard every page and action with requireSection; this is the services' own check, so a
 * route that forgot its guard fails loudly instead of writing. Reaching it is a bug, hence a throw.
 */
export function assertCan(actor: SectionActor, section: Section, level: Level): void {
  if (!can(actor.permissions, section, level)) {
    throw new Error(`${actor.log.label} may not ${level} ${section} in store ${actor.storeId}`);
  }
}

/** Extra details for the activity log when a collaborator acts, so the owner sees for which organization. */
export function actingFor(actor: SectionActor): Record<string, string> {
  return actor.organizationName ? { organization: actor.organizationName } : {};
}
