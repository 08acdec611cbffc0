import type { expiry as english } from "../en/expiry";
import type { Entry } from "../catalogues";

// Collaborator access over time (see ../en/expiry.ts).
export const expiry: Record<keyof typeof english, Entry> = {
  "expiry.errors.invalid": "Saisissez une date, par exemple 2027-03-31.",
  "expiry.errors.past": "Choisissez une date postérieure à aujourd'hui.",
  "expiry.errors.tooFar": "Choisissez une date dans les cinq ans.",

  "expiry.field.label": "Date de fin (facultatif)",
  "expiry.field.help": "L'accès prend fin au début de ce jour (UTC). Vous et le partenaire êtes prévenus une semaine avant. Laissez vide pour ne fixer aucune date de fin.",

  "expiry.column": "Fin",
  "expiry.noEndDate": "Aucune date de fin",
  "expiry.edit": "Date de fin",
  "expiry.editLabel": "Modifier la date de fin de {organization}",
  "expiry.edit.title": "Date de fin de l'accès de {organization}",
  "expiry.edit.intro": "Choisissez le jour où l'accès de {organization} prend fin de lui-même, ou laissez le champ vide pour aucune date de fin. La modifier annule un avertissement déjà envoyé.",
  "expiry.toast.set": "Date de fin de {name} enregistrée",
  "expiry.toast.cleared": "Date de fin de {name} supprimée",

  "expiry.partner.endsOn": "Expire le {date}",
  "expiry.partner.inactive": "Inutilisé : prend fin le {date} sauf si quelqu'un se connecte",
  "expiry.partner.ended.end_date": "Date de fin atteinte",
  "expiry.partner.ended.inactive": { one: "Inutilisé depuis {count} jour", other: "Inutilisé depuis {count} jours" },
  "expiry.partner.reminded": "Propriétaire relancé le {date}",

  "expiry.granted.title": "Le propriétaire a modifié ce que vous aviez demandé :",
  "expiry.granted.asked": "demandé : {level}",
  "expiry.granted.granted": "accordé : {level}",
  "expiry.granted.none": "aucun",

  "expiry.notification.end_date_soon": "L'accès collaborateur de {organization} prend fin le {date} (la date de fin que vous avez fixée)",
  "expiry.notification.inactive_soon": "{organization} ne s'est pas connecté depuis longtemps : son accès prend fin le {date}, sauf s'il se connecte d'ici là",
  "expiry.notification.ended_end_date": "L'accès collaborateur de {organization} a pris fin : date de fin atteinte",
  "expiry.notification.ended_inactive": "L'accès collaborateur de {organization} a pris fin : inutilisé pendant la période d'inactivité",
  "expiry.notification.reminder": "La demande de {organization} ({person}) attend toujours une décision",

  "store.activity.action.collaborator_access.end_date_set": "A fixé la date de fin d'un accès collaborateur",
  "store.activity.action.collaborator_access.end_date_cleared": "A supprimé la date de fin d'un accès collaborateur",
  "store.activity.action.collaborator_access.end_warned": "A prévenu qu'un accès collaborateur prend bientôt fin (date de fin)",
  "store.activity.action.collaborator_access.inactivity_warned": "A prévenu qu'un accès collaborateur prend bientôt fin (inutilisé)",
  "store.activity.action.collaborator_access.ended_end_date": "A mis fin à un accès collaborateur : date de fin atteinte",
  "store.activity.action.collaborator_access.ended_inactive": "A mis fin à un accès collaborateur : inutilisé",
  "store.activity.action.collaborator_request.reminded": "A relancé la boutique pour une demande en attente",
  "partner.activity.action.collaborator_access.end_date_set": "Date de fin fixée par le propriétaire",
  "partner.activity.action.collaborator_access.end_date_cleared": "Date de fin supprimée par le propriétaire",
  "partner.activity.action.collaborator_access.end_warned": "Prévenu : l'accès prend bientôt fin (date de fin)",
  "partner.activity.action.collaborator_access.inactivity_warned": "Prévenu : l'accès prend bientôt fin (inutilisé)",
  "partner.activity.action.collaborator_access.ended_end_date": "Accès supprimé : date de fin atteinte",
  "partner.activity.action.collaborator_access.ended_inactive": "Accès supprimé : inutilisé",
  "partner.activity.action.collaborator_request.reminded": "Propriétaire relancé pour la demande",
};
