import { Badge, InlineStack, Text } from "@shopify/polaris";
import { SECTIONS, toMap } from "~/domain/permissions";
import { useT } from "~/i18n/react";

/** "Orders: Manage", "Products: View"… one badge per section held; "No permissions" when none. */
export function PermissionBadges({ permissions, all }: { permissions: readonly string[]; all?: boolean }) {
  const t = useT();
  if (all) return <Badge tone="info">{t("store.permissions.all")}</Badge>;
  const map = toMap(permissions);
  const held = SECTIONS.filter((section) => map[section]);
  if (held.length === 0) {
    return (
      <Text as="span" tone="subdued">
        {t("store.permissions.none")}
      </Text>
    );
  }
  return (
    <InlineStack gap="100" wrap>
      {held.map((section) => (
        <Badge key={section} tone={map[section] === "manage" ? "attention" : undefined}>
          {t("permission.summary", { section: t(`permission.section.${section}`), level: t(map[section] === "manage" ? "permission.level.manage" : "permission.level.view") })}
        </Badge>
      ))}
    </InlineStack>
  );
}
