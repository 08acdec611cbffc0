// Collaborator access over time (SPEC.md, "Collaborator access over time"): an end date the owner may set,
// the end of an access left unused for the store's inactivity period, the week's warning before either,
// and the reminder of a request left pending. Pure rules; the sweep that applies them is
// app/services/access-expiry.server.ts.
import { z } from "zod";
import { COLLABORATOR_SECTIONS } from "./permissions";
import { withPermissions } from "./staff";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Both sides are warned this long before an access ends (Settings promises "a week before"). */
export const WARNING_DAYS = 7;
/** A request pending this long reminds the people who may decide, once. */
export const REMINDER_DAYS = 3;
/** The furthest end date the owner may choose. */
export const MAX_END_YEARS = 5;

export type EndReason = "end_date" | "inactive";
export const END_REASONS = ["end_date", "inactive"] as const satisfies readonly EndReason[];

export const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * DAY_MS);
export const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** A `YYYY-MM-DD` day as the instant the access ends: that day's start (UTC, like every date shown). */
export function endOfAccess(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

/** The day an end date is shown as and edited with (a date field's value). */
export const dayOf = (date: Date | string) => new Date(date).toISOString().slice(0, 10);

/** Whether `endsAt` may be chosen now: strictly after `now` and at most MAX_END_YEARS away. */
export function endDateProblem(endsAt: Date, now: Date): "expiry.errors.past" | "expiry.errors.tooFar" | null {
  if (endsAt.getTime() <= now.getTime()) return "expiry.errors.past";
  if (endsAt.getTime() > daysAfter(now, MAX_END_YEARS * 366).getTime()) return "expiry.errors.tooFar";
  return null;
}

/**
 * The optional end date of a form: empty means none; otherwise a real day, in the future. The clock is
 * the server's at parsing; the service checks again against its own `now`.
 */
export const endsOnField = z
  .preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string({ invalid_type_error: "expiry.errors.invalid" }).trim().max(10, "expiry.errors.invalid").optional())
  .superRefine((value, ctx) => {
    if (value === undefined) return;
    const endsAt = endOfAccess(value);
    if (!endsAt) return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: "expiry.errors.invalid" });
    const problem = endDateProblem(endsAt, new Date());
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

/** Approve, with the permissions settled on and an optional end date. */
export const approveWithEndDateSchema = withPermissions(
  { requestId: z.string({ required_error: "errors.required" }).uuid("errors.stale"), endsOn: endsOnField },
  COLLABORATOR_SECTIONS,
  { required: true },
);

/** The access's end date page: a new date, or none (`clear`). */
export const endDateSchema = z.object({
  accessId: z.string({ required_error: "errors.required" }).uuid("errors.stale"),
  endsOn: endsOnField,
});

/** When an unused access ends: the store's period after its last log-in (or its grant, if never used). */
export function inactivityDeadline(access: { lastUsedAt: Date | null; grantedAt: Date | null }, inactivityDays: number): Date | null {
  const since = access.lastUsedAt ?? access.grantedAt;
  return since ? daysAfter(since, inactivityDays) : null;
}
