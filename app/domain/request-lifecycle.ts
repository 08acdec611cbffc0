// The collaborator request lifecycle (SPEC.md, "Collaborator access: the lifecycle"): the pending cap and
// the partner's view of the table in collaborator-access.ts.
import { ACCESS_TRANSITIONS, partnerActions, type AccessState, type PartnerAction } from "./collaborator-access";

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

export type { AccessState } from "./collaborator-access";

/** Which buttons the partner's Stores page offers for a row in each state. */
export const PARTNER_ACTIONS: Record<AccessState, readonly PartnerAction[]> = {
  PENDING: partnerActions("PENDING"),
  MANAGED: partnerActions("MANAGED"),
  SUSPENDED: partnerActions("SUSPENDED"),
  REMOVED: partnerActions("REMOVED"),
  DECLINED: partnerActions("DECLINED"),
  CANCELLED: partnerActions("CANCELLED"),
};

/** States in which the organization may send a new request for the store (null: no row yet). */
export const REQUESTABLE_FROM: readonly (AccessState | null)[] = [null, ...ACCESS_TRANSITIONS.request.from];

export function canRequestFrom(state: AccessState | null): boolean {
  return REQUESTABLE_FROM.includes(state);
}
