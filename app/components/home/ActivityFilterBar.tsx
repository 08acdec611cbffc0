// The log's filters, by kind and by person. With JavaScript a change reloads the log at once; without,
// the form's button does.
import { Form } from "@remix-run/react";
import { Box, Button, InlineStack, Select } from "@shopify/polaris";
import { ACTIVITY_KINDS, activityPeoplePath, type ActivityFilters } from "~/domain/activity-log";
import { PersonFilter } from "~/components/PersonFilter";
import { useT } from "~/i18n/react";

export interface ActivityFilterBarProps {
  storeId: string;
  filters: ActivityFilters;
  /** The chosen person's label, from the page's loader. */
  personLabel: string | null;
  onChange: (name: keyof ActivityFilters, value: string) => void;
}

export function ActivityFilterBar({ storeId, filters, personLabel, onChange }: ActivityFilterBarProps) {
  const t = useT();
  return (
    <Form method="get" preventScrollReset>
      <InlineStack gap="300" wrap>
        <Box minWidth="14rem">
          <Select
            label={t("store.activity.filter.kind")}
            name="kind"
            value={filters.kind ?? ""}
            onChange={(value) => onChange("kind", value)}
            options={[{ label: t("store.activity.filter.allKinds"), value: "" }, ...ACTIVITY_KINDS.map((kind) => ({ label: t(`store.activity.kind.${kind}`), value: kind }))]}
          />
        </Box>
        <Box minWidth="18rem">
          <PersonFilter source={activityPeoplePath(storeId)} person={filters.person ?? null} personLabel={personLabel} onChange={(value) => onChange("person", value)} />
        </Box>
        <noscript>
          <Button submit>{t("common.filter")}</Button>
        </noscript>
      </InlineStack>
    </Form>
  );
}
