// Store details and the collaborator request code settings (SPEC.md rule 2, Settings section).
import { z } from "zod";
import { email, optionalText, text } from "./text";
import { choiceField } from "./section-list";

export const CURRENCIES = ["EUR", "USD", "CAD", "GBP", "CHF"] as const;

/** A few common time zones first; any IANA zone the runtime knows is accepted. */
export const COMMON_TIMEZONES = [
  "Europe/Paris",
  "Europe/Brussels",
  "Europe/Zurich",
  "Europe/London",
  "America/Montreal",
  "America/Toronto",
  "America/New_York",
  "America/Los_Angeles",
  "Africa/Casablanca",
  "Asia/Tokyo",
  "UTC",
] as const;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const INACTIVITY_DAYS = { min: 7, max: 3650 } as const;

export const storeDetailsSchema = z.object({
  name: text(100),
  contactEmail: email,
  address: optionalText(300),
  currency: choiceField(CURRENCIES, "store.settings.errors.currency"),
  timezone: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(64, "store.settings.errors.timezone")
    .refine(isTimeZone, "store.settings.errors.timezone"),
  inactivityDays: z
    .string({ required_error: "errors.required" })
    .trim()
    .regex(/^\d{1,4}$/, "store.settings.errors.inactivityDays")
    .transform(Number)
    .pipe(z.number().int().min(INACTIVITY_DAYS.min, "store.settings.errors.inactivityDays").max(INACTIVITY_DAYS.max, "store.settings.errors.inactivityDays")),
});

export type StoreDetails = z.output<typeof storeDetailsSchema>;

export const codeRequirementSchema = z.object({
  required: choiceField(["true", "false"], "errors.stale").transform((value) => value === "true"),
});

/** The owner's request link: the partner's form opens with the store URL filled in (the code still has to be typed). */
export function requestLinkPath(domain: string): string {
  return `/partners/request?store=${encodeURIComponent(domain)}`;
}
