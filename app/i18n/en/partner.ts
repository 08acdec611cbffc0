export const partner = {
  "partner.nav.stores": "Stores",
  "partner.nav.activity": "Activity",
  "partner.nav.members": "Members",
};
