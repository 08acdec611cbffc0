// Activity logs (filters by day, permission changes, the organization's filters and export) and the
// partner Stores page's bulk removal and export. Kept in one area so that it merges apart from the others.
export const logs = {
  "logs.filter.from": "From",
  "logs.filter.to": "To",
  "logs.filter.dayHelp": "Days in UTC",
  "logs.change.line": "{section}: {before} → {after}",
  "logs.change.none": "No change to permissions",
  "logs.partner.kind.organization": "Organization",
  "logs.partner.emptyFiltered": "No activity matches these filters. Choose another kind, person or day.",
  "logs.partner.action.activity.exported": "Exported an activity log",
};
