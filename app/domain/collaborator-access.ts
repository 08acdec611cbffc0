// The collaborator-access lifecycle (SPEC.md, "Collaborator access: the lifecycle") as one table: the
// states of an organization's access to a store, which transitions leave which states, which side may
// trigger each (the store's: the owner and staff with `staff:manage`; or the partner organization's
// members), and what each does besides changing the state. The use cases read their checks and side
// effects here (collaborator-decisions and partner-access; access-requests applies `request` and
// `cancel`), the way staff.ts drives staff accounts.
import type { MessageKey } from "~/i18n";
import { COLLABORATOR_SECTIONS, hasStaffSection, normalize, type Permission } from "./permissions";
import { ok, refuse, type Result } from "./result";
import { grantsBeyond } from "./staff";

/** The mails a transition may send (their words and parameters are in app/mail). */
export type AccessMail = "requestCreated" | "requestApproved" | "requestDeclined" | "accessSuspended" | "accessResumed" | "accessRemoved";

export const ACCESS_STATES = ["PENDING", "MANAGED", "SUSPENDED", "REMOVED", "DECLINED", "CANCELLED"] as const;
export type AccessState = (typeof ACCESS_STATES)[number];

/** The store's collaborators: listed on its Collaborators tab, holding permissions. The store's side finds no other access. */
export const COLLABORATOR_STATES = ["MANAGED", "SUSPENDED"] as const satisfies readonly AccessState[];

/** The organization holds or awaits access: it may not request again, and its members may not become staff (SPEC.md rule 5). */
export const HOLDING_STATES = ["PENDING", "MANAGED", "SUSPENDED"] as const satisfies readonly AccessState[];

/** Only a managed access can be used (logged in with, worked with); a suspended one keeps its permissions unused. */
export function isUsable(state: AccessState): boolean {
  return state === "MANAGED";
}

/** The store's side (the owner, staff with `staff:manage`) or the partner organization's members. */
export type Trigger = "store" | "partner";

export interface AccessTransitionRule {
  by: Trigger;
  /** The states the transition leaves. */
  from: readonly AccessState[];
  to: AccessState;
  /** The states in which the triggering side finds the access at all: in any other, it is "not found". */
  finds: readonly AccessState[];
  /** Asked for again once done (a second click, a colleague's): the wish is fulfilled, not refused. */
  idempotent: boolean;
  /** Why not, when the access is found in a state the transition does not leave. */
  conflict: MessageKey;
  /** State-specific wording of `conflict`. */
  conflictFrom?: Partial<Record<AccessState, MessageKey>>;

  // Side effects
  /** Whether the row stays on the partner's Stores page. */
  listed: boolean;
  /** The access's collaborator sessions end at once: the next click in the store admin is refused. */
  endsSessions: boolean;
  /** The access keeps no permission. */
  clearsPermissions: boolean;
  /** Permissions are given (approved, or the kept ones back): the person deciding must hold them. */
  grants: boolean;
  /** The unused-access warning starts over. */
  restartsInactivity: boolean;
  /** Who is told by mail: every member of the organization, or the store's owner. */
  mail: { kind: AccessMail; to: "organization" | "owner" } | null;
  /** The notification the owner finds on Home. */
  notification: "collaborator_request.created" | "collaborator_request.cancelled" | "collaborator_access.removed_by_partner" | null;
  /** The activity log entry. */
  log: `collaborator_request.${string}` | `collaborator_access.${string}`;
}

/** No side effect unless a transition says so. */
const none = { endsSessions: false, clearsPermissions: false, grants: false, restartsInactivity: false, mail: null, notification: null } as const;
/** The store's side acting on one of its collaborators: it finds no other access, and is told what the access already is. */
const collaborator = { by: "store", finds: COLLABORATOR_STATES, idempotent: false, listed: true } as const;
/**
 * A request decided or cancelled a moment ago says what happened. collaborator-decisions reads it from the
 * request's own status: an approved request whose access was removed since is still "already approved".
 */
const decided = {
  finds: ACCESS_STATES,
  idempotent: false,
  conflict: "store.requests.errors.alreadyApproved",
  conflictFrom: { DECLINED: "store.requests.errors.alreadyDeclined", CANCELLED: "store.requests.errors.cancelled" },
} as const;
/** The partner's wishes about its own rows: asked twice (or by two members), the second finds it done. */
const partner = { by: "partner", finds: ACCESS_STATES, idempotent: true, conflict: "partner.stores.errors.wrongState" } as const;

export const ACCESS_TRANSITIONS = {
  /** A new request (also when there is no row yet). */
  request: {
    ...none,
    by: "partner",
    from: ["DECLINED", "REMOVED", "CANCELLED"],
    to: "PENDING",
    finds: ACCESS_STATES,
    idempotent: false,
    conflict: "partner.request.errors.alreadyPending",
    conflictFrom: { MANAGED: "partner.request.errors.alreadyManaged", SUSPENDED: "partner.request.errors.alreadySuspended" },
    listed: true,
    mail: { kind: "requestCreated", to: "owner" },
    notification: "collaborator_request.created",
    log: "collaborator_request.created",
  },
  /** Decided a moment ago, the partner is told how (access-requests reads it from the request's status). */
  cancel: {
    ...none,
    by: "partner",
    finds: ACCESS_STATES,
    idempotent: false,
    conflict: "partner.stores.outcome.APPROVED",
    conflictFrom: { DECLINED: "partner.stores.outcome.DECLINED", CANCELLED: "partner.stores.outcome.CANCELLED" },
    from: ["PENDING"],
    to: "CANCELLED",
    listed: false,
    clearsPermissions: true,
    notification: "collaborator_request.cancelled",
    log: "collaborator_request.cancelled",
  },
  approve: {
    ...none,
    by: "store",
    from: ["PENDING"],
    to: "MANAGED",
    ...decided,
    listed: true,
    grants: true,
    restartsInactivity: true,
    mail: { kind: "requestApproved", to: "organization" },
    log: "collaborator_request.approved",
  },
  decline: {
    ...none,
    by: "store",
    from: ["PENDING"],
    to: "DECLINED",
    ...decided,
    listed: true,
    mail: { kind: "requestDeclined", to: "organization" },
    log: "collaborator_request.declined",
  },
  suspend: {
    ...none,
    ...collaborator,
    from: ["MANAGED"],
    to: "SUSPENDED",
    conflict: "store.collaborators.errors.alreadySuspended",
    endsSessions: true,
    mail: { kind: "accessSuspended", to: "organization" },
    log: "collaborator_access.suspended",
  },
  resume: {
    ...none,
    ...collaborator,
    from: ["SUSPENDED"],
    to: "MANAGED",
    conflict: "store.collaborators.errors.notSuspended",
    grants: true,
    restartsInactivity: true,
    mail: { kind: "accessResumed", to: "organization" },
    log: "collaborator_access.resumed",
  },
  /** "Remove collaborator", on the store's side. */
  remove: {
    ...none,
    ...collaborator,
    from: COLLABORATOR_STATES,
    to: "REMOVED",
    conflict: "errors.stale",
    endsSessions: true,
    clearsPermissions: true,
    mail: { kind: "accessRemoved", to: "organization" },
    log: "collaborator_access.removed",
  },
  /** "Remove access", on the partner's side: the owner is told on Home instead of the partner by mail. */
  removeAccess: {
    ...none,
    ...partner,
    from: COLLABORATOR_STATES,
    to: "REMOVED",
    listed: true,
    endsSessions: true,
    clearsPermissions: true,
    notification: "collaborator_access.removed_by_partner",
    log: "collaborator_access.removed",
  },
  /** "Remove from list" on an "Access removed" row. */
  removeFromList: { ...none, ...partner, from: ["REMOVED"], to: "REMOVED", listed: false, log: "collaborator_access.removed_from_list" },
  /** A declined request stays visible until the partner dismisses it. */
  dismiss: { ...none, ...partner, from: ["DECLINED"], to: "DECLINED", listed: false, log: "collaborator_access.removed_from_list" },
} as const satisfies Record<string, AccessTransitionRule>;

export type AccessTransition = keyof typeof ACCESS_TRANSITIONS;

/** What the store's side does to one of its collaborators (approve and decline act on a request). */
export type CollaboratorChange = "suspend" | "resume" | "remove";

/** The partner's buttons on a row of its Stores page (a new request is a form, not a row's button). */
export type PartnerRowAction = "cancel" | "removeAccess" | "removeFromList" | "dismiss";
const PARTNER_ROW_ACTIONS: readonly PartnerRowAction[] = ["cancel", "removeAccess", "removeFromList", "dismiss"];
export type PartnerAction = "login" | PartnerRowAction;

export function canTransition(transition: AccessTransition, state: AccessState): boolean {
  return (ACCESS_TRANSITIONS[transition].from as readonly AccessState[]).includes(state);
}

/** Which buttons the partner's Stores page offers for a row: "Log in" while usable, then the transitions it allows. */
export function partnerActions(state: AccessState): PartnerAction[] {
  return [...(isUsable(state) ? (["login"] as const) : []), ...PARTNER_ROW_ACTIONS.filter((action) => canTransition(action, state))];
}

/**
 * Whether a transition applies to the access as it stands: "apply" it, or it is already "done" (an
 * idempotent transition asked twice); not found when the triggering side does not find the access in
 * that state; a conflict when it is found but the transition does not leave its state.
 */
export function judge(transition: AccessTransition, access: { state: AccessState; listed: boolean }): Result<"apply" | "done"> {
  const rule: AccessTransitionRule = ACCESS_TRANSITIONS[transition];
  if (!rule.finds.includes(access.state)) return refuse.notFound();
  const changes = access.state !== rule.to || access.listed !== rule.listed;
  if (rule.from.includes(access.state) && changes) return ok("apply");
  if (rule.idempotent && access.state === rule.to) return ok("done");
  return refuse.conflict("form", rule.conflictFrom?.[access.state] ?? rule.conflict);
}

/**
 * The permissions a collaborator may be granted: never the staff section, at least one, and nothing the
 * granter does not hold (beyond what the collaborator already has: `current`).
 */
export function collaboratorGrant(granter: readonly string[], wanted: readonly string[], current: readonly string[] = []): Result<Permission[]> {
  const permissions = normalize(wanted);
  if (hasStaffSection(permissions) || permissions.some((p) => !(COLLABORATOR_SECTIONS as readonly string[]).includes(p.split("_")[0]))) {
    return refuse.invalid("permissions", "store.permissions.errors.staffSection");
  }
  if (permissions.length === 0) return refuse.invalid("permissions", "errors.permissions.empty");
  if (grantsBeyond(granter, permissions, current).length > 0) return refuse.invalid("permissions", "store.permissions.errors.exceeds");
  return ok(permissions);
}
