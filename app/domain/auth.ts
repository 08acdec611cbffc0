import { z } from "zod";
import { email, text } from "./text";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const signInSchema = z.object({
  email,
  password: z.string({ required_error: "errors.required" }).min(1, "errors.required").max(PASSWORD_MAX, "auth.errors.incorrect"),
  redirectTo: z.string().optional(),
});

export const signUpSchema = z.object({
  firstName: text(80),
  lastName: text(80),
  email,
  password: z
    .string({ required_error: "errors.required" })
    .min(PASSWORD_MIN, "auth.errors.passwordShort")
    .max(PASSWORD_MAX, "auth.errors.passwordLong"),
});

/** Sign-in throttles (see README, "Guessing"). */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  perAccount: 10,
  perAddress: 50,
} as const;

export const SESSION_DAYS = 14;

/** Only same-site paths: an attacker cannot bounce a signed-in user to their own site. */
export function safeRedirect(target: unknown, fallback = "/"): string {
  // Browsers drop tabs and newlines from URLs and read "\" as "/": "/\t/evil.test" would leave the site.
  if (typeof target !== "string" || !target.startsWith("/") || /[\u0000-\u001F\u007F\\]/.test(target) || target.startsWith("//")) {
    return fallback;
  }
  return target;
}
