import { z } from "zod";

/** Trimmed text with no control characters, required unless `optional`. */
export const text = (max: number) =>
  z
    .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
    .transform((value) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim())
    .pipe(z.string().min(1, "errors.required").max(max, "errors.tooLong"));

export const optionalText = (max: number) =>
  z
    .string({ invalid_type_error: "errors.required" })
    .optional()
    .transform((value) => (value ?? "").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim())
    .pipe(z.string().max(max, "errors.tooLong"));

export const email = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
  .trim()
  .toLowerCase()
  .pipe(z.string().min(1, "errors.required").max(254, "errors.email.invalid").email("errors.email.invalid"));
