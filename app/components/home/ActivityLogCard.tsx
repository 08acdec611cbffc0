// Home's activity log: newest first, filtered by kind, person and days (in the address, so a filtered log can
// be shared and reloaded), older and newer pages, and the CSV export of what the filters match.
import { useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { BlockStack, Box, Card, InlineStack, Pagination, Text } from "@shopify/polaris";
import type { ActivityPage } from "~/services/store-home.server";
import { ACTIVITY_KINDS, activityCsvPath, activityPeoplePath, activityQuery, type ActivityFilters } from "~/domain/activity-log";
import { useT } from "~/i18n/react";
import { ActivityExportForm } from "./ActivityExportForm";
import { ActivityFilterBar } from "./ActivityFilterBar";
import { ActivityTable } from "./ActivityTable";

export interface ActivityLogCardProps {
  storeId: string;
  activity: ActivityPage;
  filters: ActivityFilters;
  personLabel: string | null;
}

export function ActivityLogCard({ storeId, activity, filters, personLabel }: ActivityLogCardProps) {
  const t = useT();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const page = (cursor: "before" | "after", id: string | null) => `?${activityQuery(filters, id ? [cursor, id] : undefined).toString()}`;
  const change = (name: keyof ActivityFilters, value: string) => submit(activityQuery({ ...filters, [name]: value || undefined }), { method: "get", preventScrollReset: true, replace: true });
  const loading = navigation.state === "loading" && navigation.location?.pathname === `/store/${storeId}`;
  // Asked for a filter, even one the log does not know: "nothing matches", not "nothing happened".
  const filtered = ["kind", "person", "from", "to"].some((name) => Boolean(params.get(name)));
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("store.activity.title")}
            </Text>
            <ActivityExportForm action={activityCsvPath(storeId)} filters={filters} />
          </InlineStack>
          <ActivityFilterBar
            peopleSource={activityPeoplePath(storeId)}
            kinds={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`store.activity.kind.${kind}`) }))}
            filters={filters}
            personLabel={personLabel}
            onChange={change}
          />
        </BlockStack>
      </Box>
      {activity.entries.length === 0 ? (
        <Box padding="400" paddingBlockStart="0">
          <Text as="p" tone="subdued">
            {filtered ? t("store.activity.emptyFiltered") : t("store.activity.empty")}
          </Text>
        </Box>
      ) : (
        <ActivityTable entries={activity.entries} loading={loading} />
      )}
      {(activity.hasNewer || activity.hasOlder) && (
        <Box padding="400">
          <InlineStack align="center">
            <Pagination
              hasPrevious={activity.hasNewer}
              previousURL={activity.hasNewer ? page("after", activity.newest) : undefined}
              previousTooltip={t("store.activity.newer")}
              hasNext={activity.hasOlder}
              nextURL={activity.hasOlder ? page("before", activity.oldest) : undefined}
              nextTooltip={t("store.activity.older")}
              accessibilityLabels={{ previous: t("store.activity.newer"), next: t("store.activity.older") }}
            />
          </InlineStack>
        </Box>
      )}
    </Card>
  );
}
