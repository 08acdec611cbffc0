// Forms: one zod schema per form, run by conform on the server (the action) and in the browser (as the
// person types), with the same messages. A message is a catalogue key with the parameters of the rule
// that failed, taken from the zod issue itself ("errors.tooLong?max=80").
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import type { z, ZodIssue } from "zod";
import { decodeMessage, encodeMessage, type Params } from "~/i18n/messages";
import { isMessageKey } from "~/i18n";
import type { FieldErrors } from "./result";

export type { FieldErrors } from "./result";

/** The parameters a rule's message needs, from the issue that broke it. */
function paramsOf(issue: ZodIssue): Params | undefined {
  switch (issue.code) {
    case "too_big":
      return { max: Number(issue.maximum) };
    case "too_small":
      return { min: Number(issue.minimum) };
    case "custom":
      return issue.params as Params | undefined;
    default:
      return undefined;
  }
}

export function issueMessage(issue: ZodIssue): string {
  return encodeMessage(issue.message, paramsOf(issue));
}

/** The first message of each field ("form" for the whole form). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    if (!errors[field]) errors[field] = issueMessage(issue);
  }
  return errors;
}

/**
 * The submission as conform reads it: repeated fields become lists and files stay files, so the schema
 * sees exactly what was sent (and refuses what it does not expect). Values are not coerced: the schemas
 * read the strings a form posts.
 */
export function parseSubmission<S extends z.ZodTypeAny>(form: FormData | URLSearchParams, schema: S) {
  return parseWithZod(form, { schema, disableAutoCoercion: true, errorMap: unexpectedValue, formatError: (issues: ZodIssue[]) => [issueMessage(issues[0])] });
}

/**
 * A rule the schema did not word itself (a list where one value was expected, a file where text was):
 * a message a person can read, in their language, instead of zod's English. zod asks this map last, so
 * a choice the schema did word in its own map (an enum's "Choose a plan.") is kept.
 */
const unexpectedValue: z.ZodErrorMap = (issue, context) => {
  if (isMessageKey(decodeMessage(context.defaultError).key)) return { message: context.defaultError };
  return { message: issue.code === "invalid_type" && issue.received === "undefined" ? "errors.required" : "errors.invalid" };
};

/** Our field errors in conform's reply shape ("form" errors are the form's own). */
export function conformErrors(errors: FieldErrors): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (field === "form") formErrors.push(message);
    else fieldErrors[field] = [message];
  }
  return { formErrors, fieldErrors };
}

/** An answer in conform's shape for an action that read no schema (a button with an intent). */
export function refusalReply(errors: FieldErrors): SubmissionResult<string[]> {
  const { formErrors, fieldErrors } = conformErrors(errors);
  return { status: "error", error: { "": formErrors, ...fieldErrors } };
}

export type { SubmissionResult };
