// A log entry's permission change, per section: "Orders: View → Manage" (both logs, store and partner).
import { BlockStack, Text } from "@shopify/polaris";
import type { SectionChange } from "~/domain/activity-log";
import { useT } from "~/i18n/react";

export function PermissionChanges({ changes }: { changes: readonly SectionChange[] | null }) {
  const t = useT();
  if (!changes) return null;
  if (changes.length === 0)
    return (
      <Text as="span" tone="subdued" variant="bodySm">
        {t("logs.change.none")}
      </Text>
    );
  const level = (value: SectionChange["before"]) => t(value ? `permission.level.${value}` : "permission.level.none");
  return (
    <BlockStack gap="050">
      {changes.map((change) => (
        <Text as="p" variant="bodySm" key={change.section}>
          {t("logs.change.line", { section: t(`permission.section.${change.section}`), before: level(change.before), after: level(change.after) })}
        </Text>
      ))}
    </BlockStack>
  );
}
