// Collaborator access over time: end dates, the week's warnings, the automatic end, request reminders, and
// what was granted against what was asked (app/domain/access-expiry.ts, app/domain/granted.ts).
export const expiry = {
  "expiry.errors.invalid": "Enter a date, like 2027-03-31.",
  "expiry.errors.past": "Choose a date after today.",
  "expiry.errors.tooFar": "Choose a date within five years.",

  "expiry.field.label": "End date (optional)",
  "expiry.field.help": "The access ends at the start of this day (UTC). You and the partner are warned a week before. Leave empty for no end date.",

  "expiry.column": "Ends",
  "expiry.noEndDate": "No end date",
  "expiry.edit": "End date",
  "expiry.editLabel": "Change the end date of {organization}",
  "expiry.edit.title": "End date of {organization}'s access",
  "expiry.edit.intro": "Set the day {organization}'s access ends by itself, or leave the field empty for no end date. Changing it cancels a warning already sent.",
  "expiry.toast.set": "End date of {name} saved",
  "expiry.toast.cleared": "End date of {name} cleared",

  "expiry.partner.endsOn": "Expires on {date}",
  "expiry.partner.inactive": "Unused: ends on {date} unless someone logs in",
  "expiry.partner.ended.end_date": "End date reached",
  "expiry.partner.ended.inactive": { one: "Not used for {count} day", other: "Not used for {count} days" },
  "expiry.partner.reminded": "Owner reminded on {date}",

  "expiry.granted.title": "The owner changed what you asked for:",
  "expiry.granted.asked": "asked {level}",
  "expiry.granted.granted": "granted {level}",
  "expiry.granted.none": "none",

  "expiry.notification.end_date_soon": "{organization}'s collaborator access ends on {date} (the end date you set)",
  "expiry.notification.inactive_soon": "{organization} hasn't logged in for a long time: its access ends on {date} unless it does",
  "expiry.notification.ended_end_date": "{organization}'s collaborator access ended: end date reached",
  "expiry.notification.ended_inactive": "{organization}'s collaborator access ended: not used for the inactivity period",
  "expiry.notification.reminder": "{organization}'s request ({person}) is still waiting for a decision",

  "store.activity.action.collaborator_access.end_date_set": "Set the end date of a collaborator access",
  "store.activity.action.collaborator_access.end_date_cleared": "Cleared the end date of a collaborator access",
  "store.activity.action.collaborator_access.end_warned": "Warned that a collaborator access ends soon (end date)",
  "store.activity.action.collaborator_access.inactivity_warned": "Warned that a collaborator access ends soon (unused)",
  "store.activity.action.collaborator_access.ended_end_date": "Ended a collaborator access: end date reached",
  "store.activity.action.collaborator_access.ended_inactive": "Ended a collaborator access: unused",
  "store.activity.action.collaborator_request.reminded": "Reminded the store of a pending request",
  "partner.activity.action.collaborator_access.end_date_set": "End date set by the owner",
  "partner.activity.action.collaborator_access.end_date_cleared": "End date cleared by the owner",
  "partner.activity.action.collaborator_access.end_warned": "Warned: access ends soon (end date)",
  "partner.activity.action.collaborator_access.inactivity_warned": "Warned: access ends soon (unused)",
  "partner.activity.action.collaborator_access.ended_end_date": "Access removed: end date reached",
  "partner.activity.action.collaborator_access.ended_inactive": "Access removed: unused",
  "partner.activity.action.collaborator_request.reminded": "Owner reminded of the request",
} as const;
