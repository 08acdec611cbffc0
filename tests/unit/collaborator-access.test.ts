// The collaborator-access lifecycle table: which transitions leave which states, who triggers them, what
// they do, and how a use case is told to apply one, find it done, or refuse it.
import { describe, expect, test } from "vitest";
import {
  ACCESS_STATES,
  ACCESS_TRANSITIONS,
  COLLABORATOR_STATES,
  HOLDING_STATES,
  canTransition,
  collaboratorGrant,
  judge,
  partnerActions,
  type AccessState,
  type AccessTransition,
} from "~/domain/collaborator-access";
import { PARTNER_ACTIONS, canRequestFrom } from "~/domain/request-lifecycle";
import { ALL_PERMISSIONS } from "~/domain/permissions";
import { decodeMessage } from "~/i18n/messages";

const transitions = Object.keys(ACCESS_TRANSITIONS) as AccessTransition[];
const row = (state: AccessState, listed = true) => ({ state, listed });
const refusalOf = (result: ReturnType<typeof judge>) => (result.ok ? null : { kind: result.kind, message: decodeMessage(result.errors.form).key });

describe("the lifecycle table", () => {
  test("each transition leaves exactly these states", () => {
    const sources = Object.fromEntries(transitions.map((name) => [name, ACCESS_STATES.filter((state) => canTransition(name, state))]));
    expect(sources).toEqual({
      request: ["REMOVED", "DECLINED", "CANCELLED"],
      cancel: ["PENDING"],
      approve: ["PENDING"],
      decline: ["PENDING"],
      suspend: ["MANAGED"],
      resume: ["SUSPENDED"],
      remove: ["MANAGED", "SUSPENDED"],
      removeAccess: ["MANAGED", "SUSPENDED"],
      removeFromList: ["REMOVED"],
      dismiss: ["DECLINED"],
    });
  });

  test("the store's side decides and manages; the partner requests, cancels, removes and tidies its list", () => {
    const by = (side: "store" | "partner") => transitions.filter((name) => ACCESS_TRANSITIONS[name].by === side);
    expect(by("store")).toEqual(["approve", "decline", "suspend", "resume", "remove"]);
    expect(by("partner")).toEqual(["request", "cancel", "removeAccess", "removeFromList", "dismiss"]);
  });

  test("every state is reached by some transition, and PENDING is left only by a decision or a cancellation", () => {
    for (const state of ACCESS_STATES) expect(transitions.some((name) => ACCESS_TRANSITIONS[name].to === state), state).toBe(true);
    expect(transitions.filter((name) => canTransition(name, "PENDING"))).toEqual(["cancel", "approve", "decline"]);
  });

  test("side effects: who loses sessions and permissions, who is told, what is logged, what stays listed", () => {
    const effects = Object.fromEntries(
      transitions.map((name) => {
        const { endsSessions, clearsPermissions, mail, notification, log, listed } = ACCESS_TRANSITIONS[name];
        return [name, { endsSessions, clearsPermissions, mail: mail?.kind ?? null, notification, log, listed }];
      }),
    );
    expect(effects).toEqual({
      request: { endsSessions: false, clearsPermissions: false, mail: "requestCreated", notification: "collaborator_request.created", log: "collaborator_request.created", listed: true },
      cancel: { endsSessions: false, clearsPermissions: true, mail: null, notification: "collaborator_request.cancelled", log: "collaborator_request.cancelled", listed: false },
      approve: { endsSessions: false, clearsPermissions: false, mail: "requestApproved", notification: null, log: "collaborator_request.approved", listed: true },
      decline: { endsSessions: false, clearsPermissions: false, mail: "requestDeclined", notification: null, log: "collaborator_request.declined", listed: true },
      suspend: { endsSessions: true, clearsPermissions: false, mail: "accessSuspended", notification: null, log: "collaborator_access.suspended", listed: true },
      resume: { endsSessions: false, clearsPermissions: false, mail: "accessResumed", notification: null, log: "collaborator_access.resumed", listed: true },
      remove: { endsSessions: true, clearsPermissions: true, mail: "accessRemoved", notification: null, log: "collaborator_access.removed", listed: true },
      removeAccess: { endsSessions: true, clearsPermissions: true, mail: null, notification: "collaborator_access.removed_by_partner", log: "collaborator_access.removed", listed: true },
      removeFromList: { endsSessions: false, clearsPermissions: false, mail: null, notification: null, log: "collaborator_access.removed_from_list", listed: false },
      dismiss: { endsSessions: false, clearsPermissions: false, mail: null, notification: null, log: "collaborator_access.removed_from_list", listed: false },
    });
  });

  test("every transition away from a managed access ends its collaborator sessions", () => {
    for (const name of transitions) {
      const rule = ACCESS_TRANSITIONS[name];
      if (canTransition(name, "MANAGED") && rule.to !== "MANAGED") expect(rule.endsSessions, name).toBe(true);
    }
  });

  test("only approving and resuming give permissions, and both start the unused-access clock over", () => {
    expect(transitions.filter((name) => ACCESS_TRANSITIONS[name].grants)).toEqual(["approve", "resume"]);
    expect(transitions.filter((name) => ACCESS_TRANSITIONS[name].restartsInactivity)).toEqual(["approve", "resume"]);
  });

  test("holding or awaiting access blocks a new request; the rest allow one", () => {
    expect(HOLDING_STATES.every((state) => !canRequestFrom(state))).toBe(true);
    expect(ACCESS_STATES.filter((state) => canRequestFrom(state))).toEqual(["REMOVED", "DECLINED", "CANCELLED"]);
    expect(canRequestFrom(null)).toBe(true);
    expect(COLLABORATOR_STATES.every((state) => (HOLDING_STATES as readonly string[]).includes(state))).toBe(true);
  });

  test("the partner's buttons follow the table", () => {
    expect(PARTNER_ACTIONS).toEqual({
      PENDING: ["cancel"],
      MANAGED: ["login", "removeAccess"],
      SUSPENDED: ["removeAccess"],
      REMOVED: ["removeFromList"],
      DECLINED: ["dismiss"],
      CANCELLED: [],
    });
    expect(partnerActions("SUSPENDED")).not.toContain("login");
  });
});

describe("judging a transition against the access as it stands", () => {
  test("a removed access cannot be suspended, resumed or removed again by the store: it is no longer its collaborator", () => {
    for (const name of ["suspend", "resume", "remove"] as const) {
      expect(refusalOf(judge(name, row("REMOVED"))), name).toEqual({ kind: "notFound", message: "errors.notFound.title" });
    }
    expect(canTransition("suspend", "REMOVED")).toBe(false);
  });

  test("the store's side finds only its collaborators; another state is not found to it", () => {
    for (const state of ["PENDING", "DECLINED", "CANCELLED"] as const) expect(refusalOf(judge("suspend", row(state)))?.kind).toBe("notFound");
  });

  test("suspending twice, or resuming a managed access, says what the access already is", () => {
    expect(judge("suspend", row("MANAGED"))).toEqual({ ok: true, value: "apply" });
    expect(refusalOf(judge("suspend", row("SUSPENDED")))).toEqual({ kind: "conflict", message: "store.collaborators.errors.alreadySuspended" });
    expect(judge("resume", row("SUSPENDED"))).toEqual({ ok: true, value: "apply" });
    expect(refusalOf(judge("resume", row("MANAGED")))).toEqual({ kind: "conflict", message: "store.collaborators.errors.notSuspended" });
  });

  test("a decision or a cancellation a moment earlier is told as what happened, on both sides", () => {
    expect(judge("approve", row("PENDING"))).toEqual({ ok: true, value: "apply" });
    expect(refusalOf(judge("approve", row("CANCELLED")))).toEqual({ kind: "conflict", message: "store.requests.errors.cancelled" });
    expect(refusalOf(judge("decline", row("MANAGED")))).toEqual({ kind: "conflict", message: "store.requests.errors.alreadyApproved" });
    expect(refusalOf(judge("cancel", row("CANCELLED", false)))).toEqual({ kind: "conflict", message: "partner.stores.outcome.CANCELLED" });
    expect(refusalOf(judge("cancel", row("DECLINED")))).toEqual({ kind: "conflict", message: "partner.stores.outcome.DECLINED" });
    expect(refusalOf(judge("request", row("SUSPENDED")))).toEqual({ kind: "conflict", message: "partner.request.errors.alreadySuspended" });
    expect(judge("request", row("REMOVED", false))).toEqual({ ok: true, value: "apply" });
  });

  test("the partner's wishes are fulfilled when asked twice, and refused when the access moved elsewhere", () => {
    expect(judge("removeAccess", row("SUSPENDED"))).toEqual({ ok: true, value: "apply" });
    expect(judge("removeAccess", row("REMOVED"))).toEqual({ ok: true, value: "done" });
    expect(judge("removeAccess", row("REMOVED", false))).toEqual({ ok: true, value: "done" });
    expect(refusalOf(judge("removeAccess", row("PENDING")))).toEqual({ kind: "conflict", message: "partner.stores.errors.wrongState" });

    expect(judge("removeFromList", row("REMOVED"))).toEqual({ ok: true, value: "apply" });
    expect(judge("removeFromList", row("REMOVED", false))).toEqual({ ok: true, value: "done" });
    expect(refusalOf(judge("removeFromList", row("MANAGED")))?.kind).toBe("conflict");
    expect(judge("dismiss", row("DECLINED"))).toEqual({ ok: true, value: "apply" });
    expect(refusalOf(judge("dismiss", row("REMOVED")))?.kind).toBe("conflict");
  });
});

describe("what a collaborator may be granted", () => {
  test("never the staff section, whoever grants it", () => {
    for (const wanted of [["staff_view"], ["staff_manage", "orders_view"]]) {
      expect(collaboratorGrant(ALL_PERMISSIONS, wanted)).toMatchObject({ ok: false, kind: "invalid", errors: { permissions: "store.permissions.errors.staffSection" } });
    }
  });

  test("at least one section, nothing above the granter's own, and what the collaborator holds may stay", () => {
    expect(collaboratorGrant(ALL_PERMISSIONS, [])).toMatchObject({ ok: false, errors: { permissions: "errors.permissions.empty" } });
    expect(collaboratorGrant(["staff_manage", "orders_view"], ["orders_manage"])).toMatchObject({ ok: false, errors: { permissions: "store.permissions.errors.exceeds" } });
    expect(collaboratorGrant(["staff_manage", "home_manage"], ["orders_manage", "home_manage"], ["orders_manage"])).toEqual({ ok: true, value: ["home_manage", "orders_manage"] });
    expect(collaboratorGrant(ALL_PERMISSIONS, ["orders_view", "orders_manage"])).toEqual({ ok: true, value: ["orders_manage"] });
  });
});
