// Every mail Portier sends, and what it needs to be written. Services say which mail, to whom, in which
// language, with these parameters (app/services/outbox.server.ts); the words are in en.ts and fr.ts.
import type { Permission } from "~/domain/permissions";

export interface MailParams {
  /** To the store's owner: a partner asks for collaborator access (SPEC.md rule 6). */
  requestCreated: { organization: string; requester: string; requesterEmail: string; store: string; permissions: Permission[]; message: string | null; reviewPath: string };
  /** To every member of the organization: the owner decided. */
  requestApproved: { store: string; domain: string; permissions: Permission[]; dashboardPath: string };
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
}

export type Templates = { [K in MailKind]: { subject: (p: MailParams[K]) => string; text: (p: MailParams[K], h: MailHelpers) => string } };
