// Collaborator access over time, on a row of the partner's Stores page: when the access ends (its end date,
// or unused), why the sweep ended it, when the owner was reminded of the request, and what the owner granted
// against what was asked.
import { BlockStack, Text } from "@shopify/polaris";
import type { PermissionDifference } from "~/domain/granted";
import type { Level } from "~/domain/permissions";
import type { PartnerStoreRow } from "~/services/partner-stores.server";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

type Dated = Date | string | null;
type Row = Pick<PartnerStoreRow, "endedReason" | "inactivityDays"> & { endsAt: Dated; inactiveEndsAt: Dated; remindedAt: Dated };

/** Under the status badge: the dates that matter to the partner now. */
export function AccessDates({ row }: { row: Row }) {
  const t = useT();
  const locale = useLocale();
  const lines: { text: string; critical?: boolean }[] = [];
  if (row.endsAt) lines.push({ text: t("expiry.partner.endsOn", { date: formatDate(locale, row.endsAt) }) });
  if (row.inactiveEndsAt) lines.push({ text: t("expiry.partner.inactive", { date: formatDate(locale, row.inactiveEndsAt) }), critical: true });
  if (row.endedReason === "end_date") lines.push({ text: t("expiry.partner.ended.end_date") });
  if (row.endedReason === "inactive") lines.push({ text: t("expiry.partner.ended.inactive", { count: row.inactivityDays }) });
  if (row.remindedAt) lines.push({ text: t("expiry.partner.reminded", { date: formatDate(locale, row.remindedAt) }) });
  if (lines.length === 0) return null;
  return (
    <BlockStack gap="050">
      {lines.map((line) => (
        <Text key={line.text} as="span" variant="bodySm" tone={line.critical ? "critical" : "subdued"}>
          {line.text}
        </Text>
      ))}
    </BlockStack>
  );
}

/** Under the permissions: per section, what was asked and what was granted, where they differ. */
export function GrantDifferences({ differences }: { differences: readonly PermissionDifference[] }) {
  const t = useT();
  if (differences.length === 0) return null;
  const level = (value: Level | null) => t(value === "manage" ? "permission.level.manage" : value === "view" ? "permission.level.view" : "expiry.granted.none");
  return (
    <BlockStack gap="050">
      <Text as="span" variant="bodySm" tone="subdued">
        {t("expiry.granted.title")}
      </Text>
      {differences.map((d) => (
        <Text key={d.section} as="span" variant="bodySm" tone="subdued">
          {`${t(`permission.section.${d.section}`)}: ${t("expiry.granted.asked", { level: level(d.asked) })}, ${t("expiry.granted.granted", { level: level(d.granted) })}`}
        </Text>
      ))}
    </BlockStack>
  );
}
