export const logs = {
  "logs.filter.from": "Du",
  "logs.filter.to": "Au",
  "logs.filter.dayHelp": "Jours en UTC",
  "logs.change.line": "{section} : {before} → {after}",
  "logs.change.none": "Aucune autorisation modifiée",
  "logs.partner.kind.organization": "Organisation",
  "logs.partner.emptyFiltered": "Aucune activité ne correspond à ces filtres. Choisissez un autre type, une autre personne ou d'autres jours.",
  "logs.partner.action.activity.exported": "A exporté un journal d'activité",
};
