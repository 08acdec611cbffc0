// The activity log as Home and the partner dashboard show and export it: kinds and filters, and how a
// permission change reads.
import { z } from "zod";
import { SECTIONS, toMap, type Level, type Section } from "./permissions";

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
  kind?: string;
  /** The acting person's user id. */
  person?: string;
  /** First and last day shown (YYYY-MM-DD, UTC days, both included). */
  from?: string;
  to?: string;
}

/** The kinds the organization's log holds: the entries that carry its id. */
export const PARTNER_ACTIVITY_KINDS = ["collaborator_request", "collaborator_access", "collaborator_code", "organization", "activity"] as const;

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

/** The organization's log: its person list and its export (routes/partners.$orgId.activity.*). */
export const partnerActivityPeoplePath = (organizationId: string) => `/partners/${organizationId}/activity/people`;
export const partnerActivityCsvPath = (organizationId: string) => `/partners/${organizationId}/activity.csv`;

/** A real calendar day written YYYY-MM-DD, or undefined. */
export function dayOf(value: string | null | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
}

/** The instants a day range covers: from the first day's midnight (UTC) to the midnight after the last. */
export function dayRange(filters: ActivityFilters): { gte?: Date; lt?: Date } {
  const from = dayOf(filters.from);
  const to = dayOf(filters.to);
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
}

/**
 * The filters in an address (or a form), read leniently: an unknown kind, a person that is not an id or a
 * day that is not a date is no filter, never an error.
 */
export function activityFilters(params: URLSearchParams, kinds: readonly string[] = ACTIVITY_KINDS): ActivityFilters {
  const kind = params.get("kind") ?? "";
  const person = params.get("person") ?? "";
  const from = dayOf(params.get("from"));
  const to = dayOf(params.get("to"));
  return {
    ...(kinds.includes(kind) ? { kind } : {}),
    ...(/^[0-9a-f-]{36}$/i.test(person) ? { person } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The filters as an address's query (and a cursor, for another page). */
export function activityQuery(filters: ActivityFilters, extra?: [string, string]): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of ["kind", "person", "from", "to"] as const) if (filters[name]) query.set(name, filters[name]!);
  if (extra) query.set(...extra);
  return query;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The CSV export's form: the page's filters, read as leniently as its address (an unknown kind or person
 * is no filter, never an error: the export then has more rows, not fewer).
 */
export const activityExportSchema = z
  .object({ kind: z.unknown(), person: z.unknown(), from: z.unknown(), to: z.unknown() })
  .transform(({ kind, person, from, to }) => activityFilters(new URLSearchParams({ kind: text(kind), person: text(person), from: text(from), to: text(to) })));

/** The organization's export form: the same, with the organization's kinds. */
export const partnerActivityExportSchema = z
  .object({ kind: z.unknown(), person: z.unknown(), from: z.unknown(), to: z.unknown() })
  .transform(({ kind, person, from, to }) =>
    activityFilters(new URLSearchParams({ kind: text(kind), person: text(person), from: text(from), to: text(to) }), PARTNER_ACTIVITY_KINDS),
  );

export function kindOf(action: string): string {
  return action.split(".", 1)[0];
}

// ---------------------------------------------------------------------------------------------------
// Permission changes, as the log shows them: per section, the level before and after.

/** One section's level before and after a change (null: no access to it). */
export interface SectionChange {
  section: Section;
  before: Level | null;
  after: Level | null;
}

/**
 * What an entry did to permissions, read from its details as the services write them:
 * `{ from, to }` (a staff account's or a collaborator access's permissions edited), `{ granted }` (a request
 * approved: from no access to what was given; the request's own entry says what was asked), `{ permissions }` or `{ previousPermissions }`
 * on an ending (everything it had, to nothing) and `{ permissions }` on an invitation (nothing, to what it
 * gives). Only the sections whose level differs; null when the entry is not about permissions.
 */
export function permissionChanges(action: string, details: unknown): SectionChange[] | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  const d = details as Record<string, unknown>;
  const list = (value: unknown): string[] | null => (Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null);
  let before: string[] | null = null;
  let after: string[] | null = null;
  if (list(d.from) && list(d.to)) [before, after] = [list(d.from), list(d.to)];
  else if (list(d.granted)) [before, after] = [[], list(d.granted)];
  else if (list(d.previousPermissions)) [before, after] = [list(d.previousPermissions), []];
  else if (list(d.permissions) && action === "staff.invited") [before, after] = [[], list(d.permissions)];
  else if (list(d.permissions) && /\.(removed|removed_inactive|expired)$/.test(action)) [before, after] = [list(d.permissions), []];
  if (!before || !after) return null;
  const was = toMap(before);
  const is = toMap(after);
  return SECTIONS.filter((section) => (was[section] ?? null) !== (is[section] ?? null)).map((section) => ({ section, before: was[section] ?? null, after: is[section] ?? null }));
}

/** The same change in one line of plain English, for the CSV export: "orders: view → manage; staff: none → view". */
export function permissionChangesText(changes: readonly SectionChange[] | null): string {
  if (!changes) return "";
  return changes.map(({ section, before, after }) => `${section}: ${before ?? "none"} → ${after ?? "none"}`).join("; ");
}

/** A staff member's name before and after (`staff.renamed`), as "First Last"; null for other entries. */
export function nameChange(action: string, details: unknown): { before: string; after: string } | null {
  if (action !== "staff.renamed" || !details || typeof details !== "object") return null;
  const { from, to } = details as { from?: { firstName?: unknown; lastName?: unknown }; to?: { firstName?: unknown; lastName?: unknown } };
  const name = (value: typeof from) => (value && typeof value.firstName === "string" && typeof value.lastName === "string" ? `${value.firstName} ${value.lastName}` : null);
  const before = name(from);
  const after = name(to);
  return before && after ? { before, after } : null;
}
