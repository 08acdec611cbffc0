// The log's entries: when, who (and as what), what they did (with the permissions before and after, when
// it changed some), and about what.
import { BlockStack, IndexTable, Text } from "@shopify/polaris";
import type { ActivityPage } from "~/services/store-home.server";
import { formatDate, isMessageKey, type Translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { PermissionChanges } from "~/components/PermissionChanges";

/** Actions get a sentence when the catalogue has one; a newer action shows as its name until it does. */
function actionLabel(t: Translate, action: string): string {
  const key = `store.activity.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function ActivityTable({ entries, loading }: { entries: ActivityPage["entries"]; loading: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <IndexTable
      resourceName={{ singular: t("store.activity.singular"), plural: t("store.activity.plural") }}
      itemCount={entries.length}
      selectable={false}
      loading={loading}
      headings={[{ title: t("common.date") }, { title: t("store.activity.person") }, { title: t("store.activity.action") }, { title: t("store.activity.subject") }]}
    >
      {entries.map((entry, index) => (
        <IndexTable.Row id={entry.id} key={entry.id} position={index}>
          <IndexTable.Cell>{formatDate(locale, entry.createdAt, true)}</IndexTable.Cell>
          <IndexTable.Cell>
            <BlockStack gap="050">
              <Text as="span">{entry.actor}</Text>
              <Text as="span" tone="subdued" variant="bodySm">
                {t(`store.activity.actorKind.${entry.actorKind}`)}
              </Text>
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <BlockStack gap="100">
              <Text as="span">{actionLabel(t, entry.action)}</Text>
              <PermissionChanges changes={entry.changes} />
              {entry.rename && (
                <Text as="span" variant="bodySm">
                  {t("logs.change.name", entry.rename)}
                </Text>
              )}
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>{[entry.subject, entry.organization && entry.organization !== entry.subject ? entry.organization : null].filter(Boolean).join(" · ") || "—"}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
