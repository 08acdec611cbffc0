import { Text } from "@shopify/polaris";
import { SECTIONS, toMap } from "~/domain/permissions";
import { useT } from "~/i18n/react";

/** "Orders: Manage, Products: View" in one line of text that wraps; "No permissions" when none. */
export function PermissionSummary({ permissions, subdued }: { permissions: readonly string[]; subdued?: boolean }) {
  const t = useT();
  const map = toMap(permissions);
  const parts = SECTIONS.filter((section) => map[section]).map((section) =>
    t("permission.summary", { section: t(`permission.section.${section}`), level: t(map[section] === "manage" ? "permission.level.manage" : "permission.level.view") }),
  );
  return (
    <div style={{ whiteSpace: "normal", maxWidth: "22rem" }}>
      <Text as="span" tone={subdued ? "subdued" : undefined}>
        {parts.length ? parts.join(", ") : t("partner.stores.noPermissions")}
      </Text>
    </div>
  );
}
