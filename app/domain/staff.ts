// Staff accounts and the permission forms of Users and permissions (SPEC.md, "Staff accounts", rules 5, 11, 12).
import { z } from "zod";
import { email, text } from "./text";
import { PASSWORD_MAX, PASSWORD_MIN } from "./auth";
import {
  COLLABORATOR_SECTIONS,
  SECTIONS,
  exceeds,
  permissionsFromForm,
  toMap,
  fromMap,
  type Permission,
  type PermissionMap,
  type Section,
} from "./permissions";

/** An invitation link works once, for this many days. */
export const INVITATION_DAYS = 14;

export type StaffStatus = "INVITED" | "ACTIVE" | "LOCKED" | "ARCHIVED";
export type StaffAction = "lock" | "unlock" | "archive" | "unarchive";

/** From which statuses each action moves an account, and where to. */
export const STAFF_TRANSITIONS: Record<StaffAction, readonly StaffStatus[]> = {
  lock: ["ACTIVE", "INVITED"],
  unlock: ["LOCKED"],
  archive: ["ACTIVE", "INVITED", "LOCKED"],
  unarchive: ["ARCHIVED"],
};

/** The activity log entry of each action. */
export const STAFF_LOG: Record<StaffAction, `staff.${string}`> = { lock: "staff.locked", unlock: "staff.unlocked", archive: "staff.archived", unarchive: "staff.unarchived" };

/** Where an account lands after an action: an invitation not accepted yet stays "invited". */
export function statusAfter(action: StaffAction, hasLogin: boolean): StaffStatus {
  if (action === "lock") return "LOCKED";
  if (action === "archive") return "ARCHIVED";
  return hasLogin ? "ACTIVE" : "INVITED";
}

/** Which buttons the staff page offers for an account (never any for the owner). */
export function staffActions(status: StaffStatus, isOwner: boolean): StaffAction[] {
  if (isOwner) return [];
  return (Object.keys(STAFF_TRANSITIONS) as StaffAction[]).filter((action) => STAFF_TRANSITIONS[action].includes(status));
}

/** Seed 000's rule: access is approved while the account is active and holds at least one permission. */
export function accessApproved(account: { status: StaffStatus; isOwner: boolean; permissions: readonly string[] }): boolean {
  return account.status === "ACTIVE" && (account.isOwner || account.permissions.length > 0);
}

/**
 * The permissions a change would raise above what the person holds now: only those must be covered by
 * the granter's own (a staff manager may leave alone a section they cannot grant, but not add to it).
 */
export function raisedPermissions(next: readonly string[], current: readonly string[]): Permission[] {
  const now = toMap(current);
  const wanted = toMap(next);
  const raised: PermissionMap = {};
  for (const section of SECTIONS) {
    const level = wanted[section];
    if (!level) continue;
    if (now[section] === "manage" || now[section] === level) continue;
    raised[section] = level;
  }
  return fromMap(raised);
}

/** Sections the granter would give beyond their own permissions (empty means allowed). */
export function grantsBeyond(granter: readonly string[], next: readonly string[], current: readonly string[] = []): Section[] {
  return exceeds(raisedPermissions(next, current), granter);
}

/** Parses the `perm.<section>` fields of a form into a normalised list, or adds an issue on `permissions`. */
function permissionsIssue(form: Record<string, unknown>, sections: readonly Section[], required: boolean, ctx: z.RefinementCtx): Permission[] | null {
  const permissions = permissionsFromForm(form, sections);
  if (permissions === "invalid") {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["permissions"], message: "errors.permissions.invalid" });
    return null;
  }
  if (required && permissions.length === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["permissions"], message: "errors.permissions.empty" });
    return null;
  }
  return permissions;
}

/**
 * A form made of plain fields plus a permission picker. Every problem is reported at once: the fields'
 * own messages and the picker's (under `permissions`).
 */
export function withPermissions<T extends z.ZodRawShape>(shape: T, sections: readonly Section[], options: { required: boolean }) {
  const fields = z.object(shape);
  type Input = z.input<typeof fields> & { perm?: Partial<Record<Section, string>> };
  type Output = z.output<typeof fields> & { permissions: Permission[] };
  const schema = z.record(z.unknown()).transform((form, ctx) => {
    const base = fields.safeParse(form);
    if (!base.success) {
      for (const issue of base.error.issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
    }
    const permissions = permissionsIssue(form, sections, options.required, ctx);
    if (!base.success || !permissions) return z.NEVER;
    return { ...(base.data as z.output<typeof fields>), permissions };
  });
  // Read as a record so that every message comes at once; typed as the form it reads (for its fields).
  return schema as unknown as z.ZodType<Output, z.ZodTypeDef, Input>;
}

const uuid = z.string({ required_error: "errors.required" }).uuid("errors.stale");

/** Add staff: any section, `staff` included; at least one permission. */
export const inviteStaffSchema = withPermissions({ email, firstName: text(80), lastName: text(80) }, SECTIONS, { required: true });

/** Change a staff member's permissions: none is allowed (the account is then refused until granted one). */
export const staffPermissionsSchema = withPermissions({}, SECTIONS, { required: false });

/** Approve a request or edit a collaborator: never the `staff` section, at least one permission. */
export const approveRequestSchema = withPermissions({ requestId: uuid }, COLLABORATOR_SECTIONS, { required: true });
export const collaboratorPermissionsSchema = withPermissions({ accessId: uuid }, COLLABORATOR_SECTIONS, { required: true });

export const staffTargetSchema = z.object({ staffId: uuid });
/** A button on a staff account's own page (lock, archive, remove…): the account is the page's. */
export const staffActionSchema = z.object({});
export const requestTargetSchema = z.object({ requestId: uuid });
export const accessTargetSchema = z.object({ accessId: uuid });

/** The invitation page: a new login sets its password (and may correct the name the owner typed). */
export const acceptInvitationSchema = z.object({
  firstName: text(80),
  lastName: text(80),
  password: z
    .string({ required_error: "errors.required" })
    .min(PASSWORD_MIN, "auth.errors.passwordShort")
    .max(PASSWORD_MAX, "auth.errors.passwordLong"),
});

// ---- feature-logs: editing a staff member's name; resending or revoking an invitation -----------------

/** A staff member's first and last name, as the invitation form takes them. */
export const staffNameSchema = z.object({ firstName: text(80), lastName: text(80) });

/** An invitation not accepted yet can be sent again (a new link) or revoked (the account goes). */
export function invitationOpen(account: { status: StaffStatus; userId: string | null; isOwner: boolean }): boolean {
  return account.status === "INVITED" && account.userId === null && !account.isOwner;
}
