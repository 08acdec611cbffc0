import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parseSubmission } from "~/domain/forms";

const form = (fields: [string, string][]) => new URLSearchParams(fields);
const errorsOf = (submission: object) => ("error" in submission && submission.error ? submission.error : {}) as Record<string, string[] | null>;

describe("a form read by parseSubmission", () => {
  const schema = z.object({
    name: z.string({ required_error: "errors.required" }).max(5, "errors.tooLong"),
    currency: z.enum(["EUR", "USD"], { errorMap: () => ({ message: "store.settings.errors.currency" }) }),
  });

  test("a rule's message carries the rule's own parameters", () => {
    const submission = parseSubmission(form([["name", "far too long"], ["currency", "EUR"]]), schema);
    expect(submission.status).toBe("error");
    expect(errorsOf(submission).name).toEqual(["errors.tooLong?max=5"]);
  });

  test("a schema's own error map keeps its message; what no schema words becomes a readable key", () => {
    const submission = parseSubmission(form([["name", "a"], ["name", "b"], ["currency", "XXX"]]), schema);
    expect(errorsOf(submission).currency).toEqual(["store.settings.errors.currency"]);
    // A repeated field reaches the schema as a list: refused, in words a person can read.
    expect(errorsOf(submission).name).toEqual(["errors.invalid"]);
    expect(errorsOf(parseSubmission(form([["currency", "EUR"]]), schema)).name).toEqual(["errors.required"]);
  });
});
