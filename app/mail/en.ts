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
      [
        `Good news: the owner of ${p.store} (${p.domain}) approved your organization's collaborator request.`,
        `Permissions granted:\n${h.permissionLines(p.permissions)}`,
        p.requested && h.grantedAgainstAsked(p.requested, p.permissions) ? `The owner changed what you asked for:\n${h.grantedAgainstAsked(p.requested, p.permissions)}` : null,
        p.endsAt ? `The access ends on ${h.date(p.endsAt)}; you will be told a week before.` : null,
        `Log in to the store from your partner dashboard: ${h.link(p.dashboardPath)}`,
      ]
        .filter(Boolean)
        .join("\n\n"),
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

  // Collaborator access over time
  accessEndingSoon: {
    subject: (p) => `Your access to ${p.store} ends soon`,
    text: (p, h) =>
      p.reason === "end_date"
        ? `Your organization's collaborator access to ${p.store} (${p.domain}) ends on ${h.date(p.endsAt)}, the end date the owner set. To keep working on the store after that, ask the owner to extend it.\n\nYour partner dashboard: ${h.link(p.dashboardPath)}`
        : `Nobody of your organization has logged in to ${p.store} (${p.domain}) for a long time: its collaborator access ends on ${h.date(p.endsAt)} unless someone logs in before then.\n\nLog in from your partner dashboard: ${h.link(p.dashboardPath)}`,
  },
  collaboratorEndingSoon: {
    subject: (p) => `${p.organization}'s access to ${p.store} ends soon`,
    text: (p, h) =>
      p.reason === "end_date"
        ? `The collaborator access of ${p.organization} to ${p.store} ends on ${h.date(p.endsAt)}, the end date you set. To extend or clear it, open Collaborators: ${h.link(p.collaboratorsPath)}`
        : `${p.organization} has not logged in to ${p.store} for a long time: its collaborator access ends on ${h.date(p.endsAt)} unless one of its members logs in before then.\n\nCollaborators: ${h.link(p.collaboratorsPath)}`,
  },
  accessEnded: {
    subject: (p) => `Access to ${p.store} removed`,
    text: (p) =>
      `Your organization's collaborator access to ${p.store} (${p.domain}) has ended: ` +
      (p.reason === "end_date" ? "its end date was reached." : `nobody of your organization logged in for ${p.inactivityDays} days.`) +
      ` The store shows as "Access removed" in your partner dashboard. To work on it again, send a new request.`,
  },
  requestReminder: {
    subject: (p) => `${p.organization} is still waiting for your decision on ${p.store}`,
    text: (p, h) =>
      `${p.requester} of ${p.organization} asked for collaborator access to ${p.store} on ${h.date(p.requestedAt)}, ${p.days} days ago, and the request is still pending.\n\nApprove or decline it in Users and permissions: ${h.link(p.reviewPath)}`,
  },
  // ---- Logins and accounts (issue 13) ----
  passwordReset: {
    subject: () => "Reset your Portier password",
    text: (p, h) =>
      `Hello ${p.name},\n\nSomeone (hopefully you) asked to reset the password of your Portier login.\n\nChoose a new password: ${h.link(p.resetPath)}\n\nThe link works once, for ${p.minutes} minutes. Afterwards, every session of your login is signed out.\n\nIf you didn't ask, ignore this mail: your password stays as it is.`,
  },
  passwordResetNoLogin: {
    subject: () => "Reset your Portier password",
    text: (p, h) =>
      `Someone (hopefully you) asked to reset the password of a Portier login with this email address, but there is no Portier login with it.\n\nIf you use another address, ask again with that one: ${h.link(p.forgotPath)}\nTo create a login with this one: ${h.link(p.signupPath)}\n\nIf you didn't ask, ignore this mail.`,
  },
  emailChangeConfirm: {
    subject: () => "Confirm your new email for Portier",
    text: (p, h) =>
      `Hello ${p.name},\n\nYou asked to sign in to Portier with ${p.newEmail} from now on. Confirm the change: ${h.link(p.confirmPath)}\n\nThe link works once, for ${p.hours} hours. Until you confirm, your login keeps its current email.\n\nIf you didn't ask, ignore this mail.`,
  },
  emailChanged: {
    subject: () => "The email of your Portier login was changed",
    text: (p) =>
      `Hello ${p.name},\n\nThe email of your Portier login was changed to ${p.newEmail}. Sign in with that address from now on.\n\nIf you didn't make this change, contact your store owner or Portier's support at once.`,
  },
};
