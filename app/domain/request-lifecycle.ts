// The collaborator request lifecycle (SPEC.md, "Collaborator access: the lifecycle").

export const PENDING_REQUEST_CAP = 10;

export interface PendingCounter {
  pending: number;
  limit: number;
  /** At the cap: the request button is disabled and says why. */
  full: boolean;
}

/** "N of 10 pending requests", from the organization's trigger-maintained counter. */
export function pendingCounterOf(pendingRequestCount: number): PendingCounter {
  return { pending: pendingRequestCount, limit: PENDING_REQUEST_CAP, full: pendingRequestCount >= PENDING_REQUEST_CAP };
}
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
