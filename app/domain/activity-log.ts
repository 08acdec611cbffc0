// The store's activity log as Home shows and exports it: kinds to filter by, and CSV formatting.

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

export function activityFilters(params: URLSearchParams): ActivityFilters {
  const kind = params.get("kind") ?? "";
  const person = params.get("person") ?? "";
  return {
    ...((ACTIVITY_KINDS as readonly string[]).includes(kind) ? { kind: kind as ActivityKind } : {}),
    ...(/^[0-9a-f-]{36}$/i.test(person) ? { person } : {}),
  };
}

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
