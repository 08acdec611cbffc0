// The collaborator request lifecycle (SPEC.md, "Collaborator access: the lifecycle").

export const PENDING_REQUEST_CAP = 10;
export const MESSAGE_MAX_LENGTH = 1000;

export type AccessState = "PENDING" | "DECLINED" | "MANAGED" | "SUSPENDED" | "REMOVED" | "CANCELLED";

/** Which buttons the partner's Stores page offers for a row in each state. */
export const PARTNER_ACTIONS: Record<AccessState, readonly ("cancel" | "login" | "removeAccess" | "removeFromList" | "dismiss")[]> = {
  PENDING: ["cancel"],
  MANAGED: ["login", "removeAccess"],
  SUSPENDED: ["removeAccess"],
  REMOVED: ["removeFromList"],
  DECLINED: ["dismiss"],
  CANCELLED: [],
};

/** States in which the organization may send a new request for the store. */
export const REQUESTABLE_FROM: readonly (AccessState | null)[] = [null, "DECLINED", "REMOVED", "CANCELLED"];

export function canRequestFrom(state: AccessState | null): boolean {
  return REQUESTABLE_FROM.includes(state);
}
