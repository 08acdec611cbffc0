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
      [
        `Bonne nouvelle : le propriétaire de ${p.store} (${p.domain}) a approuvé la demande de collaborateur de votre organisation.`,
        `Autorisations accordées :\n${h.permissionLines(p.permissions)}`,
        p.requested && h.grantedAgainstAsked(p.requested, p.permissions) ? `Le propriétaire a modifié ce que vous aviez demandé :\n${h.grantedAgainstAsked(p.requested, p.permissions)}` : null,
        p.endsAt ? `L'accès prend fin le ${h.date(p.endsAt)} ; vous serez prévenus une semaine avant.` : null,
        `Connectez-vous à la boutique depuis votre tableau de bord partenaire : ${h.link(p.dashboardPath)}`,
      ]
        .filter(Boolean)
        .join("\n\n"),
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

  // Collaborator access over time
  accessEndingSoon: {
    subject: (p) => `Votre accès à ${p.store} prend bientôt fin`,
    text: (p, h) =>
      p.reason === "end_date"
        ? `L'accès collaborateur de votre organisation à ${p.store} (${p.domain}) prend fin le ${h.date(p.endsAt)}, date de fin fixée par le propriétaire. Pour continuer à travailler sur la boutique après cette date, demandez-lui de la prolonger.\n\nVotre tableau de bord partenaire : ${h.link(p.dashboardPath)}`
        : `Personne de votre organisation ne s'est connecté à ${p.store} (${p.domain}) depuis longtemps : son accès collaborateur prend fin le ${h.date(p.endsAt)}, sauf si quelqu'un se connecte d'ici là.\n\nConnectez-vous depuis votre tableau de bord partenaire : ${h.link(p.dashboardPath)}`,
  },
  collaboratorEndingSoon: {
    subject: (p) => `L'accès de ${p.organization} à ${p.store} prend bientôt fin`,
    text: (p, h) =>
      p.reason === "end_date"
        ? `L'accès collaborateur de ${p.organization} à ${p.store} prend fin le ${h.date(p.endsAt)}, date de fin que vous avez fixée. Pour la prolonger ou la supprimer, ouvrez Collaborateurs : ${h.link(p.collaboratorsPath)}`
        : `${p.organization} ne s'est pas connecté à ${p.store} depuis longtemps : son accès collaborateur prend fin le ${h.date(p.endsAt)}, sauf si l'un de ses membres se connecte d'ici là.\n\nCollaborateurs : ${h.link(p.collaboratorsPath)}`,
  },
  accessEnded: {
    subject: (p) => `Accès à ${p.store} supprimé`,
    text: (p) =>
      `L'accès collaborateur de votre organisation à ${p.store} (${p.domain}) a pris fin : ` +
      (p.reason === "end_date" ? "sa date de fin est atteinte." : `personne de votre organisation ne s'est connecté depuis ${p.inactivityDays} jours.`) +
      ` La boutique apparaît comme « Accès supprimé » dans votre tableau de bord partenaire. Pour y travailler à nouveau, envoyez une nouvelle demande.`,
  },
  requestReminder: {
    subject: (p) => `${p.organization} attend toujours votre décision pour ${p.store}`,
    text: (p, h) =>
      `${p.requester} de ${p.organization} a demandé un accès collaborateur à ${p.store} le ${h.date(p.requestedAt)}, il y a ${p.days} jours, et la demande est toujours en attente.\n\nApprouvez-la ou refusez-la dans Utilisateurs et autorisations : ${h.link(p.reviewPath)}`,
  },
  // ---- Identifiants et comptes (issue 13) ----
  passwordReset: {
    subject: () => "Réinitialisez votre mot de passe Portier",
    text: (p, h) =>
      `Bonjour ${p.name},\n\nQuelqu'un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre identifiant Portier.\n\nChoisissez un nouveau mot de passe : ${h.link(p.resetPath)}\n\nLe lien fonctionne une fois, pendant ${p.minutes} minutes. Ensuite, toutes les sessions de votre identifiant sont déconnectées.\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.`,
  },
  passwordResetNoLogin: {
    subject: () => "Réinitialisez votre mot de passe Portier",
    text: (p, h) =>
      `Quelqu'un (vous, espérons-le) a demandé à réinitialiser le mot de passe d'un identifiant Portier avec cette adresse e-mail, mais aucun identifiant Portier ne l'utilise.\n\nSi vous utilisez une autre adresse, refaites la demande avec celle-ci : ${h.link(p.forgotPath)}\nPour créer un identifiant avec celle-ci : ${h.link(p.signupPath)}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
  },
  emailChangeConfirm: {
    subject: () => "Confirmez votre nouvelle adresse e-mail pour Portier",
    text: (p, h) =>
      `Bonjour ${p.name},\n\nVous avez demandé à vous connecter à Portier avec ${p.newEmail} désormais. Confirmez le changement : ${h.link(p.confirmPath)}\n\nLe lien fonctionne une fois, pendant ${p.hours} heures. Tant que vous n'avez pas confirmé, votre identifiant garde son adresse actuelle.\n\nSi vous n'avez rien demandé, ignorez ce message.`,
  },
  emailChanged: {
    subject: () => "L'adresse e-mail de votre identifiant Portier a changé",
    text: (p) =>
      `Bonjour ${p.name},\n\nL'adresse e-mail de votre identifiant Portier est désormais ${p.newEmail}. Connectez-vous avec cette adresse à partir de maintenant.\n\nSi vous n'êtes pas à l'origine de ce changement, contactez sans attendre le propriétaire de votre boutique ou l'assistance de Portier.`,
  },
};
