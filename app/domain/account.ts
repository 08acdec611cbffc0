// Logins and accounts (issue 13): forgot password, the account settings, trusted devices. Pure rules and
// the forms' schemas; messages are i18n keys.
import { z } from "zod";
import { LOCALES } from "~/i18n/catalogues";
import { email, text } from "./text";
import { PASSWORD_MAX, PASSWORD_MIN } from "./auth";

/** A reset link works once, for this long. */
export const RESET_LINK_MINUTES = 60;
/** A link confirming a new email works once, for this long. */
export const EMAIL_CHANGE_HOURS = 24;
/** Confirmation mails one login may have sent to new addresses per hour (each goes to an address they typed). */
export const EMAIL_CHANGES_PER_HOUR = 5;

/** Requests for a reset link (README, "Guessing"): per email and per address, in a sliding window. */
export const RESET_THROTTLE = {
  windowMinutes: 60,
  perEmail: 3,
  perAddress: 20,
} as const;

/** A browser that signed in before (device cookie): its own failure limit, smaller than the account's. */
export const DEVICE_THROTTLE = {
  perDevice: 5,
} as const;
export const DEVICE_DAYS = 180;

const newPassword = z
  .string({ required_error: "errors.required" })
  .min(PASSWORD_MIN, "auth.errors.passwordShort")
  .max(PASSWORD_MAX, "auth.errors.passwordLong");
const currentPassword = z.string({ required_error: "errors.required" }).min(1, "errors.required").max(PASSWORD_MAX, "account.errors.currentPassword");
const confirmPassword = z.string({ required_error: "errors.required" }).min(1, "errors.required").max(PASSWORD_MAX, "account.errors.passwordsDiffer");

/** The new password, typed twice: a difference is an error beside the second field. */
const twice = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...shape, newPassword, confirmPassword }).refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "account.errors.passwordsDiffer",
  });

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = twice({});

export const profileSchema = z.object({
  firstName: text(80),
  lastName: text(80),
  locale: z.enum(LOCALES, { errorMap: () => ({ message: "account.errors.locale" }) }),
});

export const changePasswordSchema = twice({ currentPassword });

export const changeEmailSchema = z.object({ newEmail: email, currentPassword });

/** The state of a link from a mail (reset or email change), as its page shows it. */
export type LinkState = "valid" | "used" | "expired" | "invalid";

export function linkState(link: { expiresAt: Date; usedAt: Date | null } | null, now: Date): LinkState {
  if (!link) return "invalid";
  if (link.usedAt) return "used";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/** A token from a link's path: ours are 43 base64url characters; anything else is no link of ours. */
export function plausibleToken(token: string | undefined): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token);
}
