// The log's filters: by kind, by person and by day range (the store's log on Home, and the organization's
// log in the partner dashboard). With JavaScript a change reloads the log at once; without, the form's
// button does.
import { useEffect, useState } from "react";
import { Form } from "@remix-run/react";
import { Box, Button, InlineStack, Select, TextField } from "@shopify/polaris";
import type { ActivityFilters } from "~/domain/activity-log";
import { PersonFilter } from "~/components/PersonFilter";
import { useT } from "~/i18n/react";

export interface ActivityFilterBarProps {
  /** Where the person filter's list comes from. */
  peopleSource: string;
  kinds: { value: string; label: string }[];
  filters: ActivityFilters;
  /** The chosen person's label, from the page's loader. */
  personLabel: string | null;
  onChange: (name: keyof ActivityFilters, value: string) => void;
}

/** A day field that reloads the log when a whole date has been chosen (or the field emptied). */
function DayField({ name, label, value, onChange }: { name: "from" | "to"; label: string; value: string; onChange: (value: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <TextField
      label={label}
      name={name}
      type="date"
      value={text}
      helpText={t("logs.filter.dayHelp")}
      autoComplete="off"
      onChange={(next) => {
        setText(next);
        if (next === "" || /^\d{4}-\d{2}-\d{2}$/.test(next)) onChange(next);
      }}
    />
  );
}

export function ActivityFilterBar({ peopleSource, kinds, filters, personLabel, onChange }: ActivityFilterBarProps) {
  const t = useT();
  return (
    <Form method="get" preventScrollReset>
      <InlineStack gap="300" wrap blockAlign="start">
        <Box minWidth="14rem">
          <Select
            label={t("store.activity.filter.kind")}
            name="kind"
            value={filters.kind ?? ""}
            onChange={(value) => onChange("kind", value)}
            options={[{ label: t("store.activity.filter.allKinds"), value: "" }, ...kinds]}
          />
        </Box>
        <Box minWidth="18rem">
          <PersonFilter source={peopleSource} person={filters.person ?? null} personLabel={personLabel} onChange={(value) => onChange("person", value)} />
        </Box>
        <Box minWidth="10rem">
          <DayField name="from" label={t("logs.filter.from")} value={filters.from ?? ""} onChange={(value) => onChange("from", value)} />
        </Box>
        <Box minWidth="10rem">
          <DayField name="to" label={t("logs.filter.to")} value={filters.to ?? ""} onChange={(value) => onChange("to", value)} />
        </Box>
        <noscript>
          <Button submit>{t("common.filter")}</Button>
        </noscript>
      </InlineStack>
    </Form>
  );
}
