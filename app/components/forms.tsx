import { useActionData, useNavigation } from "@remix-run/react";
import { Button, TextField, type TextFieldProps } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "~/i18n/react";
import type { FieldErrors } from "~/domain/forms";

/** The field errors of the last submission, translated. */
export function useFieldErrors(): { error: (field: string) => string | undefined; errors: FieldErrors; values: Record<string, string> } {
  const data = useActionData() as { errors?: FieldErrors; values?: Record<string, string>; params?: Record<string, string | number> } | undefined;
  const t = useT();
  const errors = data?.errors ?? {};
  return {
    errors,
    values: data?.values ?? {},
    error: (field) => (errors[field] ? t(errors[field], data?.params) : undefined),
  };
}

/** A Polaris text field that posts with the surrounding Remix <Form>. */
export function FormTextField(props: Omit<TextFieldProps, "value" | "onChange" | "autoComplete"> & { name: string; defaultValue?: string; autoComplete?: string }) {
  const { defaultValue, autoComplete, ...rest } = props;
  const [value, setValue] = useState(defaultValue ?? "");
  return <TextField {...rest} autoComplete={autoComplete ?? "off"} value={value} onChange={setValue} />;
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
