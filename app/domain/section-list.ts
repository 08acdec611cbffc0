// Lists of the store admin's business sections (orders, products, customers): 25 rows a page, newest
// first, with cursor pagination on (createdAt desc, id asc), the order of the (storeId, createdAt desc, id)
// indexes, so every page is an index range scan however deep the list goes.
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { isUuid } from "./ids";

export { isUuid };

export const PAGE_SIZE = 25;
export const SEARCH_MAX_LENGTH = 100;

export interface Cursor {
  createdAt: Date;
  id: string;
}

/** `<milliseconds>_<uuid>`: URL-safe and readable, no encoding needed on either side. */
export function encodeCursor(cursor: Cursor): string {
  return `${cursor.createdAt.getTime()}_${cursor.id}`;
}

/** A cursor from a URL; anything malformed is no cursor at all (the first page), never an error. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 60) return null;
  const match = /^(\d{1,15})_([0-9a-f-]{36})$/i.exec(value);
  if (!match || !isUuid(match[2])) return null;
  const createdAt = new Date(Number(match[1]));
  if (Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id: match[2].toLowerCase() };
}

export interface ListQuery<S extends string = string> {
  q: string;
  status: S | "";
  after: Cursor | null;
  before: Cursor | null;
}

/** Reads ?q=&status=&after=&before= leniently: a list page never fails on a hand-edited URL. */
export function parseListQuery<S extends string>(params: URLSearchParams, statuses: readonly S[] = []): ListQuery<S> {
  const q = (params.get("q") ?? "").replace(/[\u0000-\u001F\u007F]/g, " ").trim().slice(0, SEARCH_MAX_LENGTH);
  const rawStatus = (params.get("status") ?? "").toUpperCase();
  const status = (statuses as readonly string[]).includes(rawStatus) ? (rawStatus as S) : "";
  const before = decodeCursor(params.get("before"));
  const after = before ? null : decodeCursor(params.get("after"));
  return { q, status, after, before };
}

/** Words of a search, each of which must match somewhere (so "alice paris" finds Alice in Paris). */
export function searchTerms(q: string): string[] {
  return q
    .split(/\s+/)
    .map((term) => term.trim())
    .filter(Boolean)
    .slice(0, 5);
}

export interface PageInfo {
  hasNext: boolean;
  hasPrevious: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ListPage<T> {
  items: T[];
  pageInfo: PageInfo;
}

/** The URL of a neighbouring page, keeping the search and the filter. */
export function pageUrl(current: URLSearchParams, direction: "after" | "before", cursor: string): string {
  const next = new URLSearchParams(current);
  next.delete("after");
  next.delete("before");
  next.delete("toast");
  next.set(direction, cursor);
  return `?${next.toString()}`;
}

/** The URL of the first page for a filter or a search (cursors dropped). */
export function filterUrl(current: URLSearchParams, changes: Record<string, string>): string {
  const next = new URLSearchParams(current);
  for (const key of ["after", "before", "toast"]) next.delete(key);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  const text = next.toString();
  return text ? `?${text}` : "?";
}

/** "on", "yes", "oui", "true", "1" and their opposites, as forms and spreadsheets write booleans. */
export function parseBooleanish(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === undefined || value === null) return false;
  const text = String(value).trim().toLowerCase();
  if (["", "0", "no", "non", "false", "n", "off"].includes(text)) return false;
  if (["1", "yes", "oui", "true", "y", "o", "on"].includes(text)) return true;
  return undefined;
}

export const booleanField = (message: string) =>
  z.unknown().transform((value, ctx) => {
    const parsed = parseBooleanish(value);
    if (parsed === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return parsed;
  });

/**
 * One of `values`, else `message`, whatever was sent instead (nothing, a list, another word). The message
 * is the issue's own: parseSubmission's error map words a plain enum's refusal generically ("not valid"),
 * and these fields say which choices there are.
 */
export function choiceField<const T extends readonly [string, ...string[]]>(values: T, message: MessageKey) {
  return z.unknown().refine((value): value is T[number] => typeof value === "string" && (values as readonly string[]).includes(value), message);
}
