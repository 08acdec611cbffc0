// Actions with several buttons: each route exports `forms`, one zod schema per `intent`, and reads the
// submission through readIntent. An unknown intent and a form its schema refuses are answered here (400,
// with each field's message), so the route's switch only sees valid input. The security suite's fuzz
// reads the same `forms` export to know every field of every action.
import type { Submission } from "@conform-to/react";
import type { z } from "zod";
import { parseSubmission } from "~/domain/forms";
import { readForm } from "./http.server";
import { invalidSubmission, refusal } from "./respond.server";
import { refuse } from "~/domain/result";

export type FormSchemas = Record<string, z.ZodTypeAny>;

export type IntentInput<F extends FormSchemas> = {
  [K in keyof F & string]: { intent: K; value: z.output<F[K]>; submission: Submission<z.input<F[K]>, string[], z.output<F[K]>> };
}[keyof F & string];

type Answer = ReturnType<typeof invalidSubmission>;

/** The valid submission of one of `forms`, or the answer to give instead (`response`). */
export async function readIntent<F extends FormSchemas>(request: Request, forms: F): Promise<IntentInput<F> | { response: Answer }> {
  const form = await readForm(request);
  const intent = form.get("intent");
  if (typeof intent !== "string" || !Object.hasOwn(forms, intent)) {
    return { response: refusal(refuse.invalid("form", "errors.stale")) };
  }
  const submission = parseSubmission(form, forms[intent]);
  if (submission.status !== "success") return { response: invalidSubmission(submission) };
  return { intent, value: submission.value, submission } as IntentInput<F>;
}

