// Every mail Portier sends, and what it needs to be written. Services say which mail, to whom, in which
// language, with these parameters (app/services/outbox.server.ts); the words are in en.ts and fr.ts.
import type { Permission } from "~/domain/permissions";
import type { EndReason } from "~/domain/access-expiry";

export interface MailParams {
  /** To the store's owner: a partner asks for collaborator access (SPEC.md rule 6). */
  requestCreated: { organization: string; requester: string; requesterEmail: string; store: string; permissions: Permission[]; message: string | null; reviewPath: string };
  /** To every member of the organization: the owner decided. */
  requestApproved: { store: string; domain: string; permissions: Permission[]; dashboardPath: string; requested?: Permission[]; endsAt?: string | null };
  requestDeclined: { store: string; domain: string; dashboardPath: string };
  /** To every member of the organization: the owner changed the access. */
  accessRemoved: { store: string; domain: string };
  accessSuspended: { store: string; domain: string };
  accessResumed: { store: string; domain: string; dashboardPath: string };
  /** To the person invited as staff: `hasLogin` says whether they sign in or set a password. */
  staffInvitation: { name: string; inviter: string; store: string; domain: string; invitationPath: string; days: number; hasLogin: boolean };
  /** To the person whose staff invitation was revoked: the link they hold no longer works. */
  staffInvitationRevoked: { name: string; store: string; domain: string };
  /** To a person with a login, added to a partner organization. */
  memberAdded: { inviter: string; organization: string; loginPath: string };
  /** To an address without a login, invited to a partner organization. */
  memberInvited: { inviter: string; organization: string; signupPath: string; days: number };

  // Collaborator access over time (app/services/access-expiry.server.ts). Dates are ISO strings.
  /** To every member of the organization: the access ends on `endsAt` (its end date, or unused). */
  accessEndingSoon: { store: string; domain: string; endsAt: string; reason: EndReason; dashboardPath: string };
  /** To the store's owner: a collaborator's access ends on `endsAt`. */
  collaboratorEndingSoon: { organization: string; store: string; endsAt: string; reason: EndReason; collaboratorsPath: string };
  /** To every member of the organization: the access ended by itself ("Access removed"). */
  accessEnded: { store: string; domain: string; reason: EndReason; inactivityDays: number };
  /** To the owner and staff who may decide: a request has waited for `days` days. */
  requestReminder: { organization: string; requester: string; store: string; requestedAt: string; days: number; reviewPath: string };
  // ---- Logins and accounts (issue 13) ----
  /** "Forgot your password?" for an address with a login: the single-use link. */
  passwordReset: { name: string; resetPath: string; minutes: number };
  /** The same request for an address without a login (the page answered the same either way). */
  passwordResetNoLogin: { signupPath: string; forgotPath: string };
  /** To the new address of an email change: the link that makes it take effect. */
  emailChangeConfirm: { name: string; newEmail: string; confirmPath: string; hours: number };
  /** To the old address, once the change took effect. */
  emailChanged: { name: string; newEmail: string };
}

export type MailKind = keyof MailParams;

export interface Mail<K extends MailKind = MailKind> {
  kind: K;
  params: MailParams[K];
}

/** Any one mail, its parameters checked against its kind. */
export type AnyMail = { [K in MailKind]: Mail<K> }[MailKind];

/** What a template may use besides its parameters: the link to a path of the app, and permissions in words. */
export interface MailHelpers {
  link: (path: string) => string;
  permissionLines: (permissions: readonly Permission[]) => string;
  permissionList: (permissions: readonly Permission[]) => string;
  /** A date (ISO string) in the mail's language, as the app shows it. */
  date: (iso: string) => string;
  /** Per section, what was asked against what was granted, for the sections where they differ ("" when none). */
  grantedAgainstAsked: (requested: readonly Permission[], granted: readonly Permission[]) => string;
}

export type Templates = { [K in MailKind]: { subject: (p: MailParams[K]) => string; text: (p: MailParams[K], h: MailHelpers) => string } };
