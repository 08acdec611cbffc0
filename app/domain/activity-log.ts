// The store's activity log as Home shows and exports it: kinds to filter by, and CSV formatting.
import { z } from "zod";

/** An action's kind is the part before its first dot: "staff.invited" is of kind "staff". */
export const ACTIVITY_KINDS = [
  "collaborator_request",
  "collaborator_access",
  "collaborator_code",
  "staff",
  "store",
  "order",
  "product",
  "customer",
  "activity",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_PAGE_SIZE = 25;

export interface ActivityFilters {
  kind?: ActivityKind;
  /** The acting person's user id. */
  person?: string;
}

/** Someone who appears in the log, for Home's "person" filter: their user id and latest label. */
export interface ActivityPerson {
  userId: string;
  label: string;
}

/** What Home's person filter fetches when it is opened (routes/store.$storeId.activity.people). */
export interface ActivityPeople {
  people: ActivityPerson[];
}

export const activityPeoplePath = (storeId: string) => `/store/${storeId}/activity/people`;

/** Where the log's CSV export posts (routes/store.$storeId.activity[.]csv). */
export const activityCsvPath = (storeId: string) => `/store/${storeId}/activity.csv`;

export function activityFilters(params: URLSearchParams): ActivityFilters {
  const kind = params.get("kind") ?? "";
  const person = params.get("person") ?? "";
  return {
    ...((ACTIVITY_KINDS as readonly string[]).includes(kind) ? { kind: kind as ActivityKind } : {}),
    ...(/^[0-9a-f-]{36}$/i.test(person) ? { person } : {}),
  };
}

/**
 * The CSV export's form: the page's filters, read as leniently as its address (an unknown kind or person
 * is no filter, never an error: the export then has more rows, not fewer).
 */
export const activityExportSchema = z
  .object({ kind: z.unknown(), person: z.unknown() })
  .transform(({ kind, person }) => activityFilters(new URLSearchParams({ kind: typeof kind === "string" ? kind : "", person: typeof person === "string" ? person : "" })));

export function kindOf(action: string): string {
  return action.split(".", 1)[0];
}

/**
 * One CSV field: quoted when needed, and a leading =, +, -, @, tab or carriage return neutralised so that a
 * spreadsheet does not run a name someone typed as a formula.
 */
export function csvField(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
