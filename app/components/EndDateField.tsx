// The optional end date of a collaborator access (approve dialog, Collaborators' "End date"): a date field
// posted as `endsOn` (YYYY-MM-DD; empty for none), checked by `endsOnField` in ~/domain/access-expiry.
import { TextField } from "@shopify/polaris";
import { useState } from "react";
import { daysAfter, dayOf } from "~/domain/access-expiry";
import { useT } from "~/i18n/react";

export function EndDateField({ initial = "", error }: { initial?: string; error?: string }) {
  const t = useT();
  const [value, setValue] = useState(initial);
  return (
    <TextField
      label={t("expiry.field.label")}
      type="date"
      name="endsOn"
      value={value}
      onChange={setValue}
      min={dayOf(daysAfter(new Date(), 1))}
      helpText={t("expiry.field.help")}
      error={error}
      autoComplete="off"
    />
  );
}
