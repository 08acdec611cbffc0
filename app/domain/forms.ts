// Turning zod results into per-field error keys that the UI translates and shows beside each field.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** The first message of each field; messages are i18n keys. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    if (!errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Only the first value of each field counts: repeated fields cannot smuggle a second value past the schema. */
export function formToObject(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key in values) continue;
    values[key] = typeof value === "string" ? value : "";
  }
  return values;
}

export function parseForm<S extends z.ZodTypeAny>(schema: S, form: FormData | Record<string, unknown>): FormResult<z.output<S>> {
  const input = form instanceof FormData ? formToObject(form) : form;
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}
