// The one way an action answers. A use case's Result becomes the HTTP answer here and nowhere else:
// - done: a redirect (or data for the page), and the toast left in the session for the next page;
// - refused: its kind gives the status (invalid 400, conflict 409, throttled 429 with Retry-After), and
//   the messages go back in conform's reply shape, beside their fields; not found and forbidden render
//   the framed 404/403 page.
import { data, redirect } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import type { Refusal, RefusalKind, Result } from "~/domain/result";
import { conformErrors, refusalReply, type SubmissionResult } from "~/domain/forms";
import { forbidden, notFound } from "./http.server";

const STATUS: Record<Exclude<RefusalKind, "notFound" | "forbidden">, number> = { invalid: 400, conflict: 409, throttled: 429 };

/** Fields never sent back to the page (the browser keeps nothing it should not show again). */
const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "confirmPassword", "code", "token"];

type AnySubmission = Submission<unknown, string[], unknown>;

/** A refusal, answered: the framed 404/403 page is thrown, the rest come back to the form. */
export function refusal(refused: Refusal, submission?: AnySubmission, headers?: HeadersInit) {
  if (refused.kind === "notFound") notFound();
  if (refused.kind === "forbidden") forbidden();
  const reply = submission ? submission.reply({ ...conformErrors(refused.errors), hideFields: SECRET_FIELDS }) : refusalReply(refused.errors);
  const extra = new Headers(headers);
  if (refused.kind === "throttled" && refused.retryAfterSeconds) extra.set("Retry-After", String(Math.ceil(refused.retryAfterSeconds)));
  return data<SubmissionResult<string[]>>(reply, { status: STATUS[refused.kind], headers: extra });
}

/** The schema said no: 400 with each field's message (the whole answer when the form itself is wrong). */
export function invalidSubmission(submission: AnySubmission) {
  return data<SubmissionResult<string[]>>(submission.reply({ hideFields: SECRET_FIELDS }), { status: 400 });
}

export interface Done {
  /** Where the person goes next. */
  redirect: string;
  /** The toast the next page shows, as an encoded message. */
  toast?: string;
  headers?: HeadersInit;
}

export interface RespondOptions<T> {
  /** The form the action read, so refusals land beside its fields. */
  submission?: AnySubmission;
  /** Leaves the toast in the session (the guard's `flash`); absent for people not signed in. */
  flash?: (message: string) => Promise<void>;
  done: (value: T) => Done;
}

export async function respond<T>(result: Result<T>, options: RespondOptions<T>) {
  if (!result.ok) return refusal(result, options.submission);
  const done = options.done(result.value);
  if (done.toast && options.flash) await options.flash(done.toast);
  return redirect(done.redirect, { headers: done.headers });
}
