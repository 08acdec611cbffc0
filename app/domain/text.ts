import { z } from "zod";

/**
 * Characters a person never means to type in a name or a note, removed from every text field (forms and
 * the CSV import alike):
 * - control characters other than tab and line breaks;
 * - bidirectional controls (U+202E "right-to-left override" and its kin) and zero-width or otherwise
 *   invisible characters, which make a name display as something else in lists and the activity log.
 * Zero-width joiners go too: emoji sequences fall apart into their emoji, a fair price for names that
 * display as what they are.
 */
const UNWANTED =
  // eslint-disable-next-line no-misleading-character-class -- joiners and variation selectors are listed on purpose: they are what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\u{E0001}|[\u{E0020}-\u{E007F}]/gu;

/** The text without control, bidirectional and invisible characters. */
export function cleanText(value: string): string {
  return value.replace(UNWANTED, "");
}

/** Trimmed clean text, required. */
export const text = (max: number, tooLong = "errors.tooLong") =>
  z
    .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
    .transform((value) => cleanText(value).trim())
    .pipe(z.string().min(1, "errors.required").max(max, tooLong));

/** Trimmed clean text, possibly empty. */
export const optionalText = (max: number, tooLong = "errors.tooLong") =>
  z
    .string({ invalid_type_error: "errors.required" })
    .optional()
    .transform((value) => cleanText(value ?? "").trim())
    .pipe(z.string().max(max, tooLong));

export const email = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
  .transform((value) => cleanText(value).trim().toLowerCase())
  .pipe(z.string().min(1, "errors.required").max(254, "errors.email.invalid").email("errors.email.invalid"));
