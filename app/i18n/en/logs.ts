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
  "logs.bulk.errors.selection": "Select between 1 and 100 stores, then try again.",
  "logs.bulk.remove": "Remove access",
  "logs.bulk.modal.title": { one: "Remove access to {count} store?", other: "Remove access to {count} stores?" },
  "logs.bulk.modal.body": "Your organization loses access to these stores at once. Each owner is told. To work on a store again, send a new request.",
  "logs.bulk.modal.confirm": "Remove stores",
  "logs.bulk.modal.keep": "Keep access",
  "logs.bulk.toast.removed": { one: "Access removed from {count} store.", other: "Access removed from {count} stores." },
  "logs.bulk.toast.mixed": { one: "Access removed from {count} store; already without access: {gone}.", other: "Access removed from {count} stores; already without access: {gone}." },
  "logs.stores.export": "Export CSV",
  "logs.partner.action.organization.stores_exported": "Exported the list of stores",
};
