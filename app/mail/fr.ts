import type { Templates } from "./kinds";

export const fr: Templates = {
  requestCreated: {
    subject: (p) => `${p.organization} demande un accès collaborateur à ${p.store}`,
    text: (p, h) =>
      [
        `${p.requester} (${p.requesterEmail}), de ${p.organization}, demande un accès collaborateur à votre boutique ${p.store}.`,
        `Autorisations demandées : ${h.permissionList(p.permissions)}`,
        p.message ? `Son message :\n${p.message}` : null,
        `Approuvez ou refusez la demande dans Utilisateurs et autorisations : ${h.link(p.reviewPath)}`,
        "Si vous ne connaissez pas ce partenaire, refusez la demande. Les collaborateurs n'ont jamais accès à Utilisateurs et autorisations.",
      ]
        .filter(Boolean)
        .join("\n\n"),
  },
  requestApproved: {
    subject: (p) => `Accès à ${p.store} approuvé`,
    text: (p, h) =>
      `Bonne nouvelle : le propriétaire de ${p.store} (${p.domain}) a approuvé la demande de collaborateur de votre organisation.\n\nAutorisations accordées :\n${h.permissionLines(p.permissions)}\n\nConnectez-vous à la boutique depuis votre tableau de bord partenaire : ${h.link(p.dashboardPath)}`,
  },
  requestDeclined: {
    subject: (p) => `Demande pour ${p.store} refusée`,
    text: (p, h) =>
      `Le propriétaire de ${p.store} (${p.domain}) a refusé la demande de collaborateur de votre organisation.\n\nVous pouvez envoyer une nouvelle demande depuis votre tableau de bord partenaire si besoin : ${h.link(p.dashboardPath)}`,
  },
  accessRemoved: {
    subject: (p) => `Accès à ${p.store} supprimé`,
    text: (p) =>
      `Le propriétaire de ${p.store} (${p.domain}) a supprimé l'accès collaborateur de votre organisation. La boutique apparaît comme « Accès supprimé » dans votre tableau de bord partenaire. Pour y travailler de nouveau, envoyez une nouvelle demande.`,
  },
  accessSuspended: {
    subject: (p) => `Accès à ${p.store} suspendu`,
    text: (p) => `Le propriétaire de ${p.store} (${p.domain}) a suspendu l'accès collaborateur de votre organisation. Vous ne pouvez plus vous connecter à la boutique tant qu'il ne l'a pas rétabli.`,
  },
  accessResumed: {
    subject: (p) => `Accès à ${p.store} rétabli`,
    text: (p, h) => `Le propriétaire de ${p.store} (${p.domain}) a rétabli l'accès collaborateur de votre organisation. Connectez-vous depuis votre tableau de bord partenaire : ${h.link(p.dashboardPath)}`,
  },
  staffInvitation: {
    subject: (p) => `Vous êtes invité à travailler dans ${p.store}`,
    text: (p, h) =>
      `Bonjour ${p.name},\n\n${p.inviter} vous invite à travailler dans ${p.store} (${p.domain}) en tant qu'employé sur Portier.\n\n` +
      (p.hasLogin
        ? `Connectez-vous avec votre identifiant Portier et acceptez l'invitation : ${h.link(p.invitationPath)}`
        : `Choisissez votre mot de passe pour rejoindre l'équipe : ${h.link(p.invitationPath)}`) +
      `\n\nLe lien fonctionne une seule fois, pendant ${p.days} jours.`,
  },
  staffInvitationRevoked: {
    subject: (p) => `Votre invitation à ${p.store} a été retirée`,
    text: (p) => `Bonjour ${p.name},\n\nL'invitation à travailler dans ${p.store} (${p.domain}) en tant qu'employé a été retirée : son lien ne fonctionne plus. S'il s'agit d'une erreur, contactez la boutique.`,
  },
  memberAdded: {
    subject: (p) => `Vous avez été ajouté à ${p.organization} sur Portier`,
    text: (p, h) => `${p.inviter} vous a ajouté à l'organisation partenaire ${p.organization}.\n\nConnectez-vous : ${h.link(p.loginPath)}`,
  },
  memberInvited: {
    subject: (p) => `${p.organization} vous invite sur Portier`,
    text: (p, h) => `${p.inviter} vous invite à rejoindre ${p.organization} sur Portier.\n\nCréez votre identifiant avec cette adresse e-mail dans les ${p.days} jours : ${h.link(p.signupPath)}`,
  },
};
