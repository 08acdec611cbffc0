export const store = {
  "store.frame.collaboratorOf": "Collaborateur · {organization}",
  "store.frame.collaboratorBanner": "Vous travaillez dans {store} en tant que collaborateur de {organization}. Vous ne voyez que les sections autorisées par le propriétaire.",
  "store.home.noAccess.title": "Bienvenue",
  "store.home.noAccess.body": "Utilisez la navigation pour ouvrir les sections auxquelles vous avez accès.",
};
