export const partner = {
  "partner.nav.stores": "Boutiques",
  "partner.nav.activity": "Activité",
  "partner.nav.members": "Membres",
};
