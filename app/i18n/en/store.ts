export const store = {
  "store.frame.collaboratorOf": "Collaborator · {organization}",
  "store.frame.collaboratorBanner": "You are working in {store} as a collaborator of {organization}. You see only the sections the owner granted.",
  "store.home.noAccess.title": "Welcome",
  "store.home.noAccess.body": "Use the navigation to open the sections you have access to.",
};
