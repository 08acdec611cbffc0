// The form kit: conform runs the form's zod schema in the browser as the person types (the server runs
// the same one), and the Polaris fields show each field's message beside it.
import { useActionData, useNavigation } from "@remix-run/react";
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Banner, Button, TextField, type TextFieldProps } from "@shopify/polaris";
import { useState } from "react";
import type { z } from "zod";
import { useT } from "~/i18n/react";
import { parseSubmission } from "~/domain/forms";

export { getFormProps };

/**
 * A form of this page, validated by `schema` on blur and then as the person types; `lastResult` is the
 * action's answer (this route's action data by default). With several forms on one page, give each an
 * `intent`: an answer is shown by the form whose intent it echoes.
 */
export function useAppForm<S extends z.ZodTypeAny>(schema: S, options: { id?: string; intent?: string; lastResult?: SubmissionResult<string[]> | null } = {}) {
  const actionData = useActionData() as SubmissionResult<string[]> | undefined;
  const answer = options.lastResult === undefined ? actionData : options.lastResult;
  const mine = answer && (!options.intent || (answer.initialValue as Record<string, unknown> | undefined)?.intent === options.intent) ? answer : undefined;
  return useForm({
    id: options.id ?? options.intent,
    lastResult: mine?.status ? mine : undefined,
    onValidate: ({ formData }) => parseSubmission(formData, schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
}

/** The translated first message of a field (or of the form, for `form.errors`). */
export function useMessage() {
  const t = useT();
  return (errors: string[] | undefined) => (errors?.[0] ? t.message(errors[0]) : undefined);
}

/** A Polaris text field bound to a conform field: its name, its last value and its message. */
export function FormTextField(
  props: Omit<TextFieldProps, "value" | "onChange" | "autoComplete" | "name" | "error"> & { field: FieldMetadata<string | undefined>; defaultValue?: string; autoComplete?: string },
) {
  const { field, defaultValue, autoComplete, ...rest } = props;
  const message = useMessage();
  const initial = typeof field.initialValue === "string" ? field.initialValue : defaultValue;
  const [value, setValue] = useState(initial ?? "");
  return (
    <TextField
      {...rest}
      id={field.id}
      name={field.name}
      autoComplete={autoComplete ?? "off"}
      value={value}
      onChange={setValue}
      error={message(field.errors)}
    />
  );
}

/** The form's own message (not tied to a field), as a banner at the top of the form. */
export function FormErrors({ errors }: { errors: string[] | undefined }) {
  const message = useMessage();
  const text = message(errors);
  if (!text) return null;
  return (
    <Banner tone="critical">
      <p role="alert">{text}</p>
    </Banner>
  );
}

/**
 * The submit button shows a spinner while its form is on its way. `intent` only tells which submission
 * is this button's: Polaris' Button does not post a name/value, so the form carries its own hidden
 * `intent` field.
 */
export function SubmitButton({ children, intent, tone, variant = "primary", disabled }: {
  children: string;
  intent?: string;
  tone?: "critical" | "success";
  variant?: "primary" | "secondary" | "plain";
  disabled?: boolean;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && (!intent || navigation.formData?.get("intent") === intent);
  return (
    <Button submit variant={variant} tone={tone} loading={busy} disabled={disabled}>
      {children}
    </Button>
  );
}
