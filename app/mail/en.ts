import type { Templates } from "./kinds";

export const en: Templates = {
  requestCreated: {
    subject: (p) => `${p.organization} requests collaborator access to ${p.store}`,
    text: (p, h) =>
      [
        `${p.requester} (${p.requesterEmail}) of ${p.organization} asks for collaborator access to your store ${p.store}.`,
        `Permissions requested: ${h.permissionList(p.permissions)}`,
        p.message ? `Their message:\n${p.message}` : null,
        `Approve or decline the request in Users and permissions: ${h.link(p.reviewPath)}`,
        "If you don't know this partner, decline the request. Collaborators never get Users and permissions.",
      ]
        .filter(Boolean)
        .join("\n\n"),
  },
  requestApproved: {
    subject: (p) => `Access to ${p.store} approved`,
    text: (p, h) =>
      `Good news: the owner of ${p.store} (${p.domain}) approved your organization's collaborator request.\n\nPermissions granted:\n${h.permissionLines(p.permissions)}\n\nLog in to the store from your partner dashboard: ${h.link(p.dashboardPath)}`,
  },
  requestDeclined: {
    subject: (p) => `Request for ${p.store} declined`,
    text: (p, h) =>
      `The owner of ${p.store} (${p.domain}) declined your organization's collaborator request.\n\nYou can send a new request from your partner dashboard if needed: ${h.link(p.dashboardPath)}`,
  },
  accessRemoved: {
    subject: (p) => `Access to ${p.store} removed`,
    text: (p) =>
      `The owner of ${p.store} (${p.domain}) removed your organization's collaborator access. The store shows as "Access removed" in your partner dashboard. To work on it again, send a new request.`,
  },
  accessSuspended: {
    subject: (p) => `Access to ${p.store} suspended`,
    text: (p) => `The owner of ${p.store} (${p.domain}) suspended your organization's collaborator access. You can't log in to the store until the owner resumes it.`,
  },
  accessResumed: {
    subject: (p) => `Access to ${p.store} resumed`,
    text: (p, h) => `The owner of ${p.store} (${p.domain}) resumed your organization's collaborator access. Log in from your partner dashboard: ${h.link(p.dashboardPath)}`,
  },
  staffInvitation: {
    subject: (p) => `You're invited to work in ${p.store}`,
    text: (p, h) =>
      `Hello ${p.name},\n\n${p.inviter} invited you to work in ${p.store} (${p.domain}) as staff on Portier.\n\n` +
      (p.hasLogin ? `Log in with your existing Portier login and accept the invitation: ${h.link(p.invitationPath)}` : `Set your password to join: ${h.link(p.invitationPath)}`) +
      `\n\nThe link works once, for ${p.days} days.`,
  },
  staffInvitationRevoked: {
    subject: (p) => `Your invitation to ${p.store} was withdrawn`,
    text: (p) => `Hello ${p.name},\n\nThe invitation to work in ${p.store} (${p.domain}) as staff was withdrawn: its link no longer works. If you think this is a mistake, contact the store.`,
  },
  memberAdded: {
    subject: (p) => `You were added to ${p.organization} on Portier`,
    text: (p, h) => `${p.inviter} added you to the partner organization ${p.organization}.\n\nSign in: ${h.link(p.loginPath)}`,
  },
  memberInvited: {
    subject: (p) => `${p.organization} invites you to Portier`,
    text: (p, h) => `${p.inviter} invites you to join ${p.organization} on Portier.\n\nCreate your login with this email address within ${p.days} days: ${h.link(p.signupPath)}`,
  },
};
