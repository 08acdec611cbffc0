// Store plans and their staff-account limits (SPEC.md rule 11). The owner and collaborators never count.
export const PLANS = ["BASIC", "STANDARD", "ADVANCED"] as const;
export type PlanName = (typeof PLANS)[number];

export const STAFF_LIMIT: Record<PlanName, number> = { BASIC: 2, STANDARD: 5, ADVANCED: 15 };

/** Staff statuses that hold a seat. Archived accounts free theirs. */
export const SEAT_HOLDING_STATUSES = ["INVITED", "ACTIVE", "LOCKED"] as const;
